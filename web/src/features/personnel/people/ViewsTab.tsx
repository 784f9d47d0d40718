import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { type RecordView, useViews } from '../api-people';
import { usePeopleT } from '../i18n';

/** Who opened the record (or its printed form) and why: shown to the person and to HR, never to other readers. */
export function ViewsTab({ personId }: { personId: number }) {
  const t = usePeopleT();
  const views = useViews(personId, true);
  const columns: ColumnsType<RecordView> = [
    { title: t('views.col.at'), key: 'at', width: 160, render: (_, v) => formatDateTime(v.at) },
    { title: t('views.col.viewer'), key: 'viewer', width: 240, render: (_, v) => (v.viewerUnit ? `${v.viewer} (${v.viewerUnit})` : v.viewer) },
    { title: t('views.col.what'), key: 'what', width: 140, render: (_, v) => (v.what === 'form' ? t('views.what.form') : t('views.what.record')) },
    { title: t('views.col.reason'), key: 'reason', render: (_, v) => <span className="mc-hr-text">{v.reason}</span> },
  ];
  if (views.isError) return <ErrorResult variant="inline" error={views.error} onRetry={() => void views.refetch()} />;
  return <Table<RecordView> aria-label={t('views.table')} rowKey="id" size="small" columns={columns} dataSource={views.data ?? []} loading={views.isLoading}
    pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('views.empty') }} />;
}
