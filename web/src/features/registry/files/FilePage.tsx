import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Result, Skeleton, Table, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { fileExportUrl, useFile, useFiling } from '../api';
import { useRegistryT } from '../i18n';
import { documentPath, idParam } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { EmptyText } from '../tags';
import type { FileDetail, FileDocLine } from '../types';
import { FileActionDialog, FileDocumentDialog } from './FileActionDialog';
import { FileStatusTag, HandoverDue } from './fileTags';

const ACTIONS = ['file_document', 'edit', 'close', 'hand_over', 'keep', 'remove'] as const;
type Key = Parameters<ReturnType<typeof useRegistryT>>[0];

/** `/can-bo/van-thu/ho-so/:id`: one file — its documents in time order, where it stands, its history. */
export default function FilePage() {
  const t = useRegistryT();
  const id = idParam(useParams().id);
  const file = useFile(id ?? 0);
  if (id === null) return <Result status="404" title={t('file.notFound')} />;
  if (file.isPending) return <><RegistryNav /><PageHeader title={t('file.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (file.isError) return <><RegistryNav /><PageHeader title={t('files.title')} /><ErrorResult error={file.error} onRetry={() => void file.refetch()} /></>;
  return <FileView file={file.data} reload={() => file.refetch()} />;
}

function FileView({ file, reload }: { file: FileDetail; reload: () => unknown }) {
  const t = useRegistryT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [action, setAction] = useState<string | null>(null);
  const filing = useFiling(file.id);
  const actions = ACTIONS.filter((a) => file.allowedActions.includes(a));
  // The main flow: file documents while open, hand over once closed.
  const primary = ['file_document', 'hand_over', 'close'].find((a) => actions.includes(a as (typeof ACTIONS)[number]));
  const mayUnfile = file.allowedActions.includes('unfile_document');
  const unfile = async (d: FileDocLine) => {
    try {
      await filing.mutateAsync({ documentId: d.documentId, version: file.version, remove: true });
      void message.success(t('file.unfiled'));
    } catch (error) {
      void message.error(errorMessage(error, locale), 8);
      void reload();
    }
  };
  const columns: ColumnsType<FileDocLine> = [
    { title: t('file.col.ordinal'), dataIndex: 'ordinal', width: 60, align: 'right' },
    { title: t('col.symbol'), key: 'symbol', width: 150, render: (_, d) => d.symbol ?? (d.arrivalNumber ? `${t('col.arrivalNumber')} ${d.arrivalNumber}` : '—') },
    { title: t('col.date'), key: 'date', width: 110, render: (_, d) => formatDate(d.workDay ?? d.issuedOn ?? d.arrivalOn) },
    {
      title: t('col.subject'), key: 'subject',
      render: (_, d) => (d.readable
        ? <><Link to={documentPath(d.documentId)} className="mc-reg-subject">{d.subject}</Link><div><Typography.Text type="secondary">{t(`direction.${d.direction}`)} · {d.docTypeName}{d.issuerName ? ` · ${d.issuerName}` : ''}</Typography.Text></div></>
        : <Typography.Text type="secondary">{t('file.hidden')}</Typography.Text>),
    },
    { title: t('field.pages'), dataIndex: 'pages', width: 80, align: 'right', render: (p: number | null) => p ?? '—' },
    ...(mayUnfile ? [{
      title: '', key: 'unfile', width: 150,
      render: (_: unknown, d: FileDocLine) => (
        <Popconfirm title={t('file.unfileConfirm')} okText={t('file.unfile')} cancelText={ts('action.cancel')} onConfirm={() => unfile(d)}>
          <Button size="small" danger>{t('file.unfile')}</Button>
        </Popconfirm>
      ),
    }] : []),
  ];
  const period = [formatDate(file.startDate), formatDate(file.endDate)].filter(Boolean).join(' – ') || '—';
  return (
    <>
      <RegistryNav />
      <PageHeader
        title={<Flex component="span" gap={8} wrap align="center"><span>{file.code}</span><FileStatusTag status={file.status} /></Flex>}
        subtitle={file.title}
        extra={<a href={fileExportUrl(file.id)} target="_blank" rel="noopener"><Button icon={<FilePdfOutlined aria-hidden />}>{t('file.export')}</Button></a>} />
      <Card size="small" data-testid="registry-file-actions">
        {actions.length === 0 ? <Typography.Text type="secondary">{t('file.noActions')}</Typography.Text> : (
          <div className="mc-reg-actions">
            {actions.map((a) => <Button key={a} data-action={a} type={a === primary ? 'primary' : 'default'} danger={a === 'remove'} onClick={() => setAction(a)}>{t(`fileAction.${a}`)}</Button>)}
          </div>
        )}
      </Card>
      <Card size="small" className="mc-reg-card" title={<Typography.Title level={2} className="mc-reg-h2">{t('file.facts')}</Typography.Title>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'fileCode', label: t('file.fileCode'), children: [file.fileCode.organId, file.fileCode.year, file.fileCode.notation].filter(Boolean).join('.') },
          { key: 'agency', label: t('settings.agency'), children: file.unitName },
          { key: 'heading', label: t('files.field.heading'), children: file.heading || '—' },
          { key: 'retention', label: t('files.col.retention'), children: file.retentionLabel },
          { key: 'responsible', label: t('files.col.responsible'), children: file.responsible?.fullName ?? file.responsibleUnitName ?? '—' },
          { key: 'period', label: t('file.period'), children: period },
          { key: 'pages', label: t('file.pages'), children: t('file.pagesValue', { documents: file.documentCount, pages: file.pageCount }) },
          { key: 'handover', label: t('files.col.handover'), children: <HandoverDue file={file} /> },
          { key: 'handedOverOn', label: t('file.handedOverOn'), children: formatDate(file.handedOverOn) || '—' },
          { key: 'keptUntil', label: t('file.keptUntil'), children: file.keptUntil ? `${formatDate(file.keptUntil)}${file.keepReason ? ` — ${file.keepReason}` : ''}` : '—' },
          { key: 'expires', label: t('file.retentionExpiresOn'), children: formatDate(file.retentionExpiresOn) || '—' },
          { key: 'note', label: t('field.note'), children: file.note || '—' },
        ]} />
      </Card>
      <Card size="small" className="mc-reg-card" title={<Typography.Title level={2} className="mc-reg-h2">{t('file.documents')}</Typography.Title>}>
        <Table<FileDocLine> aria-label={t('file.documents')} data-testid="registry-file-documents" rowKey="documentId" size="small" columns={columns} dataSource={file.documents}
          pagination={false} scroll={{ x: 800 }} locale={{ emptyText: <EmptyText>{t('file.noDocuments')}</EmptyText> }} />
      </Card>
      <Card size="small" className="mc-reg-card" title={<Typography.Title level={2} className="mc-reg-h2">{t('history.title')}</Typography.Title>}>
        {file.events.length === 0 ? <Typography.Text type="secondary">{t('history.empty')}</Typography.Text> : (
          <Timeline items={file.events.map((e) => {
            const key = `fileEvent.${e.action}` as Key;
            return {
              key: e.id,
              content: <div data-event={e.action}><Typography.Text strong>{t(key) === key ? e.action : t(key)}</Typography.Text>
                <div><Typography.Text type="secondary">{formatDateTime(e.at)} · {e.actorName}</Typography.Text></div>
                {e.note ? <Typography.Paragraph className="mc-reg-text" style={{ marginTop: 4 }}>{e.note}</Typography.Paragraph> : null}</div>,
            };
          })} />
        )}
      </Card>
      {action === 'file_document' ? <FileDocumentDialog file={file} onClose={() => setAction(null)} reload={reload} /> : null}
      {action && action !== 'file_document' ? <FileActionDialog file={file} action={action} onClose={() => setAction(null)} reload={reload} /> : null}
    </>
  );
}
