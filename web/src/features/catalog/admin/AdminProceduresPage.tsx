import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type AdminListRow, exportUrl, templateUrl, useAdminList, type VersionStatus } from '../api';
import { useCatalogT } from '../i18n';
import { STATUS_COLORS, useCatalogLabels } from '../labels';
import '../catalog.css';
import { ImportDialog } from './ImportDialog';

const STATUSES: VersionStatus[] = ['draft', 'published', 'amended', 'replaced', 'abolished'];

/** /quan-tri/thu-tuc — every procedure with its latest version; import, export, add. */
export default function AdminProceduresPage() {
  const t = useCatalogT();
  const l = useCatalogLabels();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useAdminList({ q: q || undefined, status, page, pageSize: 20 });
  const [importing, setImporting] = useState(false);
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')} extra={
        <>
          <Link to="/quan-tri/thu-tuc/moi"><Button type="primary" icon={<PlusOutlined />}>{t('admin.add')}</Button></Link>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('admin.import')}</Button>
          <a href={exportUrl('json')}><Button icon={<DownloadOutlined />}>{t('admin.exportJson')}</Button></a>
          <a href={exportUrl('xlsx')}><Button icon={<DownloadOutlined />}>{t('admin.exportXlsx')}</Button></a>
          <a href={templateUrl()}><Button type="link">{t('admin.template')}</Button></a>
        </>
      } />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search allowClear defaultValue={q} placeholder={t('admin.search')} aria-label={t('admin.search')} style={{ maxWidth: 360 }} onSearch={(v) => set('q', v.trim())} />
          <Select allowClear value={status} placeholder={t('admin.allStatuses')} aria-label={t('admin.status')} style={{ width: 220 }}
            options={STATUSES.map((s) => ({ value: s, label: l.status(s) }))} onChange={(v?: string) => set('status', v)} />
        </Flex>
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<AdminListRow>
            size="small"
            rowKey="code"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => set('page', String(p)) }}
            columns={[
              { title: t('detail.code'), dataIndex: 'code', width: 110 },
              { title: t('f.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/quan-tri/thu-tuc/${encodeURIComponent(r.code)}`}>{name}</Link> },
              { title: t('detail.field'), dataIndex: 'fieldName', width: 160 },
              { title: t('admin.latest'), key: 'latest', width: 220, render: (_, r) => (
                <>
                  <Tag color={STATUS_COLORS[r.latestStatus]}>v{r.latestNumber} · {l.status(r.latestStatus)}</Tag>
                  {r.draftNumber && r.draftNumber !== r.latestNumber ? <Tag color="gold">{t('admin.draftOpen', { n: r.draftNumber })}</Tag> : null}
                </>
              ) },
              { title: t('admin.updated'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
            ]}
          />
        )}
      </Card>
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
