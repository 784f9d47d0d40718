import { useState } from 'react';
import { App, Button, Card, Collapse, Descriptions, Flex, List, Popconfirm, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import type { ColumnsType } from 'antd/es/table';
import { CalendarOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type DocumentDetail, type PeriodSummary, documentFileUrl, useDocument, useDocumentStatus } from '../api';
import { useDirectiveT } from '../i18n';
import { BOARD_PATH, idParam, periodPath } from '../paths';
import { TaskList } from '../TaskList';
import { EmptyText } from '../tags';
import { PeriodDialog } from './PeriodDialog';
import { RegistryLink } from '../register/fromRegistry';
import '../directives.css';

/** `/can-bo/chi-dao/:id`: one steering document — what it says, its tasks and its reporting periods. */
export default function DocumentPage() {
  const t = useDirectiveT();
  const id = idParam(useParams().id);
  const detail = useDocument(id ?? 0);
  if (id === null) return <Result status="404" title={t('doc.notFound')} />;
  if (detail.isPending) return <><PageHeader title={t('doc.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (detail.isError) return <><PageHeader title={t('doc.title')} /><ErrorResult error={detail.error} onRetry={() => void detail.refetch()} /></>;
  return <DocumentView detail={detail.data} />;
}

/** Ends tracking (a closed document's tasks no longer move) or resumes it; the server keeps the audit row. */
function TrackingButton({ detail }: { detail: DocumentDetail }) {
  const t = useDirectiveT();
  const { message } = App.useApp();
  const locale = useLocale();
  const change = useDocumentStatus(detail.document.id);
  const closing = detail.document.status === 'active';
  return (
    <Popconfirm title={t(closing ? 'doc.closeConfirm' : 'doc.reopenConfirm')} okText={t(closing ? 'doc.closeOk' : 'doc.reopenOk')} cancelText={t('doc.confirmCancel')}
      onConfirm={() => change.mutateAsync({ version: detail.document.version, status: closing ? 'closed' : 'active' }).catch((e: unknown) => { void message.error(errorMessage(e, locale)); })}>
      <Button loading={change.isPending}>{t(closing ? 'doc.close' : 'doc.reopen')}</Button>
    </Popconfirm>
  );
}

function DocumentView({ detail }: { detail: DocumentDetail }) {
  const t = useDirectiveT();
  const { document: doc, tasks, periods, can } = detail;
  const [creating, setCreating] = useState(false);
  const c = doc.counts;
  return (
    <>
      <PageHeader
        title={`${doc.docTypeLabel} ${doc.number}`}
        subtitle={doc.subject}
        extra={<Flex gap={8} wrap>{can.manage ? <TrackingButton detail={detail} /> : null}<Link to={BOARD_PATH}><Button>{t('doc.back')}</Button></Link></Flex>}
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'issuer', label: t('board.col.issuer'), children: doc.issuer },
          { key: 'signer', label: t('reg.signer'), children: doc.signer || '—' },
          { key: 'signedOn', label: t('board.col.signedOn'), children: formatDate(doc.signedOn) },
          { key: 'owner', label: t('reg.ownerUnit'), children: doc.ownerUnitName },
          { key: 'status', label: t('board.status'), children: <Tag color={doc.status === 'active' ? 'blue' : 'default'}>{t(`board.status.${doc.status}`)}</Tag> },
          { key: 'fields', label: t('reg.fields'), children: doc.fields.length ? <Flex gap={4} wrap>{doc.fields.map((f) => <Tag key={f}>{f}</Tag>)}</Flex> : '—' },
          ...(doc.registryDocumentId ? [{ key: 'registry', label: t('doc.registry'), span: 2, children: <RegistryLink id={doc.registryDocumentId} symbol={doc.number} /> }] : []),
          {
            key: 'counts', label: t('doc.counts'), span: 2,
            children: t('doc.countsText', { total: c.total, completed: c.completed, open: c.open, overdue: c.overdue, nearDue: c.nearDue, rate: doc.completionRate === null ? '—' : `${doc.completionRate.toLocaleString('vi-VN')}%` }),
          },
        ]} />
        {doc.files.length ? (
          <>
            <Typography.Title level={2} className="mc-dir-h2">{t('doc.files')}</Typography.Title>
            <List size="small" dataSource={doc.files} renderItem={(f) => (
              <List.Item><a href={documentFileUrl(doc.id, f.key)} download={f.name}><PaperClipOutlined aria-hidden /> {f.name}</a></List.Item>
            )} />
          </>
        ) : null}
        {doc.fullText ? (
          <Collapse size="small" style={{ marginTop: 12 }} items={[{
            key: 'text', label: t('reg.fullText'),
            children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto', margin: 0 }}>{doc.fullText}</Typography.Paragraph>,
          }]} />
        ) : null}
      </Card>
      <Card size="small" title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('doc.tasks', { n: tasks.length })}</Typography.Title>} style={{ marginTop: 16 }}>
        <TaskList tasks={tasks} emptyText={t('doc.noTasks')} pageSize={50} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }}
        title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('doc.periods')}</Typography.Title>}
        extra={can.manage ? <Button icon={<CalendarOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('period.create')}</Button> : null}>
        <PeriodTable periods={periods} />
      </Card>
      {can.manage ? <PeriodDialog documentId={doc.id} open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function PeriodTable({ periods }: { periods: PeriodSummary[] }) {
  const t = useDirectiveT();
  const columns: ColumnsType<PeriodSummary> = [
    { title: t('period.col.label'), key: 'label', render: (_, p) => <Link to={periodPath(p.id)}>{p.label}</Link> },
    { title: t('period.col.range'), key: 'range', width: 220, render: (_, p) => `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}` },
    { title: t('period.dueOn'), dataIndex: 'dueOn', width: 140, render: (v: string | null) => (v ? formatDate(v) : '—') },
    { title: t('period.col.reported'), key: 'reported', width: 160, render: (_, p) => t('period.reportedOf', { n: p.reported, total: p.units }) },
  ];
  return <Table<PeriodSummary> aria-label={t('doc.periods')} rowKey="id" size="small" columns={columns} dataSource={periods} pagination={false} locale={{ emptyText: <EmptyText>{t('doc.noPeriods')}</EmptyText> }} />;
}
