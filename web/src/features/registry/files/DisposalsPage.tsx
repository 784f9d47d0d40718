import { useState } from 'react';
import { Button, Card, Drawer, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useDisposal, useDisposals } from '../api';
import { useRegistryT } from '../i18n';
import { FILES_PATH, filePath } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { EmptyText } from '../tags';
import type { Disposal, DisposalDetail, FileView } from '../types';
import { AgencySelect, useAgencyYear } from './AgencyYear';
import { CreateDisposalDialog, DisposalActionDialog } from './DisposalDialogs';
import { FileStatusTag } from './fileTags';

const COLOURS: Record<Disposal['status'], string> = { draft: 'gold', approved: 'green', cancelled: 'default' };
const ACTIONS = ['add_files', 'remove_files', 'approve', 'cancel'] as const;

/** `/can-bo/van-thu/ho-so/tieu-huy`: an agency's lists of files past their retention, proposed for disposal. */
export default function DisposalsPage() {
  const t = useRegistryT();
  const { agencies, list, unitId, agency, params, update } = useAgencyYear();
  const disposals = useDisposals(unitId);
  const [creating, setCreating] = useState(false);
  const open = Number(params.get('id')) || null;
  const columns: ColumnsType<Disposal> = [
    { title: t('disp.col.title'), key: 'title', render: (_, d) => <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => update({ id: String(d.id) })}>{d.title}</Button> },
    { title: t('disp.col.files'), dataIndex: 'fileCount', width: 100, align: 'right' },
    { title: t('col.status'), dataIndex: 'status', width: 190, render: (s: Disposal['status']) => <Tag color={COLOURS[s]}>{t(`disp.status.${s}`)}</Tag> },
    { title: t('disp.col.decision'), key: 'decision', width: 200, render: (_, d) => (d.decisionNo ? `${d.decisionNo} — ${formatDate(d.decisionDate)}` : '—') },
    { title: t('disp.col.createdBy'), key: 'by', width: 180, render: (_, d) => d.createdBy?.fullName ?? '—' },
  ];
  if (!agencies.isPending && list.length === 0) return <><RegistryNav /><PageHeader title={t('disp.title')} /><Result status="info" title={t('files.noAgency')} /></>;
  return (
    <>
      <RegistryNav />
      <PageHeader title={t('disp.title')} subtitle={t('disp.subtitle')}
        extra={<>
          <Link to={`${FILES_PATH}${unitId ? `?unitId=${unitId}` : ''}`}><Button>{t('files.title')}</Button></Link>
          {agency?.may.register ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('disp.create')}</Button> : null}
        </>} />
      <Card size="small">
        <Flex gap={12} style={{ marginBottom: 12 }}><AgencySelect value={unitId} list={list} update={update} /></Flex>
        {disposals.isError ? <ErrorResult variant="inline" error={disposals.error} onRetry={() => void disposals.refetch()} /> : (
          <Table<Disposal> aria-label={t('disp.table')} data-testid="registry-disposals" rowKey="id" size="middle" columns={columns} dataSource={disposals.data?.items ?? []}
            loading={disposals.isFetching} pagination={false} scroll={{ x: 860 }} locale={{ emptyText: <EmptyText>{t('disp.empty')}</EmptyText> }} />
        )}
      </Card>
      {creating && unitId ? <CreateDisposalDialog unitId={unitId} onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); update({ id: String(id) }); }} /> : null}
      <Drawer open={open !== null} onClose={() => update({ id: undefined })} size="large" title={t('disp.title')} destroyOnHidden>
        {open !== null ? <DisposalView id={open} /> : null}
      </Drawer>
    </>
  );
}

function DisposalView({ id }: { id: number }) {
  const t = useRegistryT();
  const detail = useDisposal(id);
  const [selected, setSelected] = useState<number[]>([]);
  const [action, setAction] = useState<string | null>(null);
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <ErrorResult variant="inline" error={detail.error} onRetry={() => void detail.refetch()} />;
  const d: DisposalDetail = detail.data;
  const actions = ACTIONS.filter((a) => d.allowedActions.includes(a));
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{d.title}</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Tag color={COLOURS[d.status]}>{t(`disp.status.${d.status}`)}</Tag>
        {d.decisionNo ? <Typography.Text>{t('files.decisionNo')}: {d.decisionNo} — {formatDate(d.decisionDate)}</Typography.Text> : null}
        {d.cancelReason ? <Typography.Text type="secondary">{d.cancelReason}</Typography.Text> : null}
      </Flex>
      {actions.length ? (
        <div className="mc-reg-actions" style={{ marginBottom: 12 }}>
          {actions.map((a) => (
            <Button key={a} data-action={a} danger={a === 'approve' || a === 'cancel'} type={a === 'approve' ? 'primary' : 'default'}
              disabled={a === 'remove_files' && selected.length === 0} onClick={() => setAction(a)}>{t(`disp.action.${a}`)}</Button>
          ))}
        </div>
      ) : null}
      <Table<FileView> aria-label={t('disp.field.files')} rowKey="id" size="small" dataSource={d.files} pagination={false}
        rowSelection={d.allowedActions.includes('remove_files') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
        columns={[
          { title: t('files.col.code'), dataIndex: 'code', width: 110, render: (c: string, f) => <Link to={filePath(f.id)}>{c}</Link> },
          { title: t('files.col.title'), dataIndex: 'title' },
          { title: t('files.year'), dataIndex: 'year', width: 70 },
          { title: t('files.col.retention'), dataIndex: 'retentionLabel', width: 100 },
          { title: t('files.col.status'), key: 'status', width: 130, render: (_, f) => <FileStatusTag status={f.status} /> },
        ]} />
      {action ? <DisposalActionDialog disposal={d} action={action} selected={selected} reload={() => detail.refetch()} onClose={() => { setAction(null); setSelected([]); }} /> : null}
    </>
  );
}
