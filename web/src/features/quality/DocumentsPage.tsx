import { useState } from 'react';
import { Button, Card, Flex, Result, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useDocuments, useSystem } from './api';
import { AddDocumentDialog } from './DocumentDialogs';
import { useQualityT } from './i18n';
import { documentPath, idParam } from './paths';
import { QualityNav } from './QualityNav';
import { EmptyText, SyncBadge } from './qms-ui';
import { DOCUMENT_KINDS, type DocumentItem, type DocumentKind } from './types';

/**
 * `/can-bo/chat-luong/:qmsId/tai-lieu`: document control (ISO 9001 §7.5): every controlled document
 * with the issue in force, a draft under way, and for a process document whether it still matches
 * the catalogue's internal process.
 */
export default function DocumentsPage() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  const [params, setParams] = useSearchParams();
  const system = useSystem(qmsId ?? 0);
  const documents = useDocuments(qmsId ?? 0);
  const [adding, setAdding] = useState(false);
  if (qmsId === null) return <Result status="404" title={t('system.notFound')} />;
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(params.get('loai') ?? '') ? (params.get('loai') as DocumentKind) : undefined;
  const all = documents.data ?? [];
  const items = kind ? all.filter((d) => d.kind === kind) : all;
  const mayManage = system.data?.may.manage ?? false;
  const columns: ColumnsType<DocumentItem> = [
    { title: t('documents.col.code'), dataIndex: 'code', width: 140, render: (c: string, d) => <Link to={documentPath(d.id)} style={{ fontWeight: 600 }} className="mc-qms-text">{c}</Link> },
    { title: t('documents.col.title'), key: 'title', render: (_, d) => <Link to={documentPath(d.id)} className="mc-qms-text">{d.title}</Link> },
    { title: t('documents.col.kind'), key: 'kind', width: 150, render: (_, d) => d.kindLabel || t(`documentKind.${d.kind}`) },
    {
      title: t('documents.col.current'), key: 'current', width: 190,
      render: (_, d) => (d.current ? (
        <div>
          <div>{t('documents.issue', { n: d.current.issueNo })}</div>
          {d.current.effectiveFrom ? <Typography.Text type="secondary">{t('documents.effectiveFrom', { date: formatDate(d.current.effectiveFrom) })}</Typography.Text> : null}
        </div>
      ) : <EmptyText>{t('documents.notIssued')}</EmptyText>),
    },
    { title: t('documents.col.draft'), key: 'draft', width: 130, render: (_, d) => (d.draft ? t('documents.draftIssue', { n: d.draft.issueNo }) : <EmptyText>—</EmptyText>) },
    { title: t('documents.col.sync'), key: 'sync', width: 170, render: (_, d) => <SyncBadge sync={d.sync} /> },
  ];
  const setKind = (k?: DocumentKind) => {
    const next = new URLSearchParams(params);
    if (k) next.set('loai', k); else next.delete('loai');
    setParams(next, { replace: true });
  };
  const outOfDate = all.filter((d) => d.sync && d.sync.status !== 'current').length;
  return (
    <>
      <QualityNav qmsId={qmsId} active="documents" />
      <PageHeader title={t('documents.title')} subtitle={t('documents.subtitle')}
        extra={mayManage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>{t('documents.add')}</Button> : null} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select aria-label={t('documents.kindFilter')} value={kind} allowClear placeholder={t('documents.allKinds')} style={{ width: 220 }} onChange={setKind}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))} />
          {outOfDate ? <Typography.Text type="warning">{t('documents.outOfDate', { n: outOfDate })}</Typography.Text> : null}
        </Flex>
        {documents.isError ? <ErrorResult variant="inline" error={documents.error} onRetry={() => void documents.refetch()} /> : (
          <Table<DocumentItem> aria-label={t('documents.table')} data-testid="qms-documents" rowKey="id" size="middle" columns={columns} dataSource={items}
            loading={documents.isFetching} pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} scroll={{ x: 960 }}
            locale={{ emptyText: <EmptyText>{t('documents.empty')}</EmptyText> }} />
        )}
      </Card>
      {adding ? <AddDocumentDialog qmsId={qmsId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
