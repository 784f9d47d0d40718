import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { useDeliveries } from '../api';
import { useRegistryT } from '../i18n';
import { EmptyText } from '../tags';
import type { Delivery } from '../types';

const COLOURS: Record<Delivery['status'], string> = { pending: 'gold', delivered: 'blue', received: 'green', returned: 'volcano', recalled: 'default', failed: 'red' };

/** Where a released document went and what each addressee did with it (Decree 30 Appendix VI: status visible to the sender). */
export function DeliveriesTable({ docId }: { docId: number }) {
  const t = useRegistryT();
  const list = useDeliveries(docId, true);
  if (list.isError) return <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />;
  const columns: ColumnsType<Delivery> = [
    { title: t('delivery.to'), dataIndex: 'toName', width: 220 },
    { title: t('delivery.transport'), dataIndex: 'transport', width: 180, render: (v: string) => t(v === 'internal' ? 'transport.internal' : 'transport.outside') },
    { title: t('delivery.status'), dataIndex: 'status', width: 130, render: (s: Delivery['status']) => <Tag color={COLOURS[s]} data-delivery={s}>{t(`delivery.${s}`)}</Tag> },
    {
      title: t('delivery.when'), key: 'when', width: 170,
      render: (_, d) => formatDateTime(d.recalledAt ?? d.returnedAt ?? d.failedAt ?? d.receivedAt ?? d.deliveredAt) || '—',
    },
    { title: t('delivery.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
  ];
  return (
    // A scrolling region reachable and named for keyboard and screen-reader users (a phone scrolls it sideways).
    <div className="mc-reg-scroll" tabIndex={0} role="region" aria-label={t('delivery.title')}>
      <Table<Delivery> aria-label={t('delivery.title')} data-testid="registry-deliveries" rowKey="id" size="small" columns={columns} dataSource={list.data ?? []}
        loading={list.isPending} pagination={false} locale={{ emptyText: <EmptyText>{t('delivery.empty')}</EmptyText> }} />
    </div>
  );
}
