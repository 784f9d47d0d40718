import { useState } from 'react';
import { Button, Card, Flex, Result, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useProcesses, useSystem } from './api';
import { AddDocumentDialog } from './DocumentDialogs';
import { useQualityT } from './i18n';
import { documentPath, idParam } from './paths';
import { AddProcessDialog, EditProcessDialog } from './ProcessDialogs';
import { QualityNav } from './QualityNav';
import { EmptyText, SyncBadge } from './qms-ui';
import type { Process } from './types';

type Dialog = { kind: 'add' } | { kind: 'edit'; process: Process } | { kind: 'document'; process: Process } | null;

/**
 * `/can-bo/chat-luong/:qmsId/quy-trinh`: the QMS's processes, each procedure's with its catalogue entry and
 * whether its document still matches the internal process in force.
 */
export default function ProcessesPage() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  const system = useSystem(qmsId ?? 0);
  const processes = useProcesses(qmsId ?? 0);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (qmsId === null) return <Result status="404" title={t('system.notFound')} />;
  const mayManage = system.data?.may.manage ?? false;
  const items = processes.data ?? [];
  const columns: ColumnsType<Process> = [
    { title: t('processes.col.code'), dataIndex: 'code', width: 120, render: (c: string) => <Typography.Text strong className="mc-qms-text">{c}</Typography.Text> },
    {
      title: t('processes.col.name'), key: 'name',
      render: (_, p) => (
        <div>
          <div className="mc-qms-text">{p.name}</div>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            <Tag className="mc-qms-tag" title={p.kindLabel}>{t(`processKind.${p.kind}`)}</Tag>
            {!p.active ? <Tag className="mc-qms-tag" data-inactive="true">{t('processes.inactive')}</Tag> : null}
          </Flex>
        </div>
      ),
    },
    { title: t('processes.col.owner'), key: 'owner', width: 160, render: (_, p) => p.ownerUnitName ?? <EmptyText>—</EmptyText> },
    {
      title: t('processes.col.procedure'), key: 'procedure', width: 240,
      render: (_, p) => (p.catalogProcedureCode ? (
        <div>
          <Link to={`/thu-tuc/${encodeURIComponent(p.catalogProcedureCode)}`} className="mc-qms-text">{p.procedureName ?? p.catalogProcedureCode}</Link>
          <div><Typography.Text type="secondary">{p.catalogProcedureCode}{p.caseCode ? ` · ${t('processes.case', { code: p.caseCode })}` : ''}</Typography.Text></div>
        </div>
      ) : <EmptyText>{t('processes.noProcedure')}</EmptyText>),
    },
    {
      title: t('processes.col.document'), key: 'document', width: 200,
      render: (_, p) => (p.document ? (
        <Flex vertical gap={4} align="flex-start">
          <Link to={documentPath(p.document.id)}>
            {p.document.issueNo ? t('processes.documentIssue', { code: p.document.code, n: p.document.issueNo }) : t('processes.documentDraft', { code: p.document.code })}
          </Link>
          {p.catalogProcedureCode ? <SyncBadge sync={p.document.sync} /> : null}
        </Flex>
      ) : mayManage && p.active ? (
        <Button size="small" icon={<FileAddOutlined aria-hidden />} aria-label={t('processes.makeDocumentAria', { code: p.code })}
          onClick={() => setDialog({ kind: 'document', process: p })}>{t('processes.makeDocument')}</Button>
      ) : <EmptyText>{t('processes.noDocument')}</EmptyText>),
    },
    ...(mayManage ? [{
      title: t('processes.col.actions'), key: 'actions', width: 90,
      render: (_: unknown, p: Process) => (
        <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t('processes.editAria', { code: p.code })} onClick={() => setDialog({ kind: 'edit', process: p })}>
          {t('processes.edit')}
        </Button>
      ),
    }] : []),
  ];
  const outOfDate = items.filter((p) => p.document?.sync && p.document.sync.status !== 'current').length;
  return (
    <>
      <QualityNav qmsId={qmsId} active="processes" />
      <PageHeader title={t('processes.title')} subtitle={t('processes.subtitle')}
        extra={mayManage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>{t('processes.add')}</Button> : null} />
      <Card size="small">
        {outOfDate ? <Typography.Paragraph type="warning" data-testid="qms-processes-outdated">{t('processes.outOfDate', { n: outOfDate })}</Typography.Paragraph> : null}
        {processes.isError ? <ErrorResult variant="inline" error={processes.error} onRetry={() => void processes.refetch()} /> : (
          <Table<Process> aria-label={t('processes.table')} data-testid="qms-processes" rowKey="id" size="middle" columns={columns} dataSource={items}
            loading={processes.isFetching} pagination={false} scroll={{ x: 1100 }} rowClassName={(p) => (p.active ? '' : 'mc-qms-inactive')}
            locale={{ emptyText: <EmptyText>{t('processes.empty')}</EmptyText> }} />
        )}
      </Card>
      {dialog?.kind === 'add' ? <AddProcessDialog qmsId={qmsId} reload={() => processes.refetch()} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <EditProcessDialog qmsId={qmsId} process={dialog.process} reload={() => processes.refetch()} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'document' ? (
        <AddDocumentDialog qmsId={qmsId} onClose={() => setDialog(null)}
          initial={{ kind: 'process', processId: dialog.process.id, code: dialog.process.code, title: dialog.process.name }} />
      ) : null}
    </>
  );
}
