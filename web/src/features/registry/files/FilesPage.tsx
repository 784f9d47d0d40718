import { useState } from 'react';
import { Button, Card, Flex, Result, Select, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { fileListPdfUrl, useFiles } from '../api';
import { useRegistryT } from '../i18n';
import { DISPOSALS_PATH, filePath } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { EmptyText } from '../tags';
import type { FileView } from '../types';
import { AgencySelect, useAgencyYear } from './AgencyYear';
import { FileStatusTag, HandoverDue } from './fileTags';
import { AddFileDialog, ApproveListDialog } from './FileDialogs';

const VIEWS = ['year', 'handover', 'disposal'] as const;
type View = (typeof VIEWS)[number];
/** `/can-bo/van-thu/ho-so`: an agency's file list of a year, and the files due for handover or disposal. */
export default function FilesPage() {
  const t = useRegistryT();
  const { agencies, list, unitId, year, params, update } = useAgencyYear();
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'year';
  const files = useFiles(unitId ? (view === 'year' ? { unitId, year } : { unitId, due: view }) : null);
  const [dialog, setDialog] = useState<'add' | 'approve' | null>(null);
  const data = files.data;
  const now = new Date().getFullYear();
  const columns: ColumnsType<FileView> = [
    { title: t('files.col.code'), dataIndex: 'code', width: 130, render: (c: string, f) => <Link to={filePath(f.id)} style={{ fontWeight: 600 }}>{c}</Link> },
    { title: t('files.col.title'), key: 'title', render: (_, f) => <Link to={filePath(f.id)} className="mc-reg-subject">{f.title}</Link> },
    ...(view === 'year' ? [] : [{ title: t('files.year'), dataIndex: 'year', width: 80 } as ColumnsType<FileView>[number]]),
    { title: t('files.col.retention'), dataIndex: 'retentionLabel', width: 130 },
    { title: t('files.col.responsible'), key: 'resp', width: 180, render: (_, f) => f.responsible?.fullName ?? f.responsibleUnitName ?? '—' },
    { title: t('files.col.documents'), dataIndex: 'documentCount', width: 100, align: 'right' },
    { title: t('files.col.status'), key: 'status', width: 150, render: (_, f) => <FileStatusTag status={f.status} /> },
    { title: t('files.col.handover'), key: 'handover', width: 120, render: (_, f) => <HandoverDue file={f} /> },
  ];
  if (!agencies.isPending && list.length === 0) return <><RegistryNav /><PageHeader title={t('files.title')} /><Result status="info" title={t('files.noAgency')} /></>;
  const listLine = view !== 'year' || !data ? null : !data.list ? t('files.list.none', { year })
    : data.list.status === 'approved' ? t('files.list.approved', { year, no: data.list.decisionNo ?? '', date: formatDate(data.list.decisionDate) }) : t('files.list.draft', { year });
  return (
    <>
      <RegistryNav />
      <PageHeader title={t('files.title')} subtitle={t('files.subtitle')}
        extra={<>
          <Link to={`${DISPOSALS_PATH}${unitId ? `?unitId=${unitId}` : ''}`}><Button icon={<DeleteOutlined aria-hidden />}>{t('files.disposals')}</Button></Link>
          {data?.may.manage && view === 'year' ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('add')}>{t('files.add')}</Button> : null}
        </>} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 4 }}>
          <AgencySelect value={unitId} list={list} update={update} />
          {view === 'year' ? (
            <Select aria-label={t('files.year')} value={year} style={{ width: 120 }} onChange={(v: number) => update({ year: String(v) })}
              options={[now + 1, now, now - 1, now - 2, now - 3, now - 4, now - 5].map((y) => ({ value: y, label: String(y) }))} />
          ) : null}
        </Flex>
        <Tabs activeKey={view} onChange={(k) => update({ view: k === 'year' ? undefined : k })} items={VIEWS.map((v) => ({ key: v, label: t(`files.view.${v}`) }))} />
        {listLine ? (
          <Flex className="mc-reg-listline" gap={12} wrap align="center" justify="space-between" data-list-status={data?.list?.status ?? 'none'}>
            <div>
              <Typography.Text strong>{listLine}</Typography.Text>
              {data ? <div><Typography.Text type="secondary">{t('files.counts', data.counts)}</Typography.Text></div> : null}
            </div>
            <Flex gap={8} wrap>
              {data?.list && unitId ? <a href={fileListPdfUrl(unitId, year)} target="_blank" rel="noopener"><Button icon={<FilePdfOutlined aria-hidden />}>{t('files.listPdf')}</Button></a> : null}
              {data?.list?.status === 'draft' && data.may.approve ? <Button type="primary" onClick={() => setDialog('approve')}>{t('files.approveList')}</Button> : null}
            </Flex>
          </Flex>
        ) : null}
        {files.isError ? <ErrorResult variant="inline" error={files.error} onRetry={() => void files.refetch()} /> : (
          <Table<FileView> aria-label={t('files.table')} data-testid="registry-files" rowKey="id" size="middle" columns={columns} dataSource={data?.files ?? []}
            loading={files.isFetching} pagination={false} scroll={{ x: 960 }} locale={{ emptyText: <EmptyText>{t('files.empty')}</EmptyText> }} />
        )}
      </Card>
      {dialog === 'add' && unitId ? <AddFileDialog unitId={unitId} year={year} list={data?.list ?? null} onClose={() => setDialog(null)} /> : null}
      {dialog === 'approve' && unitId && data?.list ? <ApproveListDialog unitId={unitId} year={year} list={data.list} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
