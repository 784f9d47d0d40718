import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/api';
import { DATE_PATTERN, formatDate, formatDateTime, formatMoney, toIsoDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PAYMENT_STATUSES, type Payment, type PaymentStatus, type ReconciliationReport, reconciliationXlsxUrl, usePayments, useReconciliation, useSettle } from './api';
import { usePaymentsT } from './messages';

const STATUS_COLORS: Record<PaymentStatus, string> = { pending: 'gold', paid: 'green', failed: 'default', cancelled: 'default', amount_mismatch: 'red' };

/** Staff: online payment orders of the dossiers they may read, and the day's reconciliation. */
export default function PaymentsPage() {
  const t = usePaymentsT();
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs items={[
        { key: 'list', label: t('tab.list'), children: <PaymentList /> },
        { key: 'reconciliation', label: t('tab.reconciliation'), children: <Reconciliation /> },
      ]} />
    </>
  );
}

function PaymentList() {
  const t = usePaymentsT();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<PaymentStatus | undefined>();
  const list = usePayments({ ...(date ? { date: toIsoDate(date)! } : {}), ...(status ? { status } : {}) });
  const columns: ColumnsType<Payment> = [
    { title: t('col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('col.orderRef'), dataIndex: 'orderRef', width: 150 },
    { title: t('col.dossier'), dataIndex: 'dossierCode' },
    { title: t('col.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatMoney(v) },
    {
      title: t('col.status'), key: 'status',
      render: (_, p) => (
        <Flex vertical>
          <span><Tag color={STATUS_COLORS[p.status]}>{t(`status.${p.status}`)}</Tag></span>
          {p.settledBy ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`settledBy.${p.settledBy}`)}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('col.recorded'), key: 'recorded',
      render: (_, p) => (p.status !== 'paid' ? '—' : p.dossierRecordedAt ? t('recorded.yes') : <Typography.Text type="danger">{p.dossierRecordError ?? t('recorded.no')}</Typography.Text>),
    },
  ];
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <DatePicker aria-label={t('filter.date')} placeholder={t('filter.date')} format={DATE_PATTERN} value={date} onChange={setDate} />
        <Select<PaymentStatus | 'all'> aria-label={t('filter.status')} style={{ minWidth: 200 }} value={status ?? 'all'} onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: t('filter.all') }, ...PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
      </Flex>
      {list.isError ? <ErrorResult error={list.error} /> : (
        <Table<Payment> rowKey="id" size="middle" loading={list.isLoading} columns={columns} dataSource={list.data?.items ?? []} pagination={false} locale={{ emptyText: t('empty') }} scroll={{ x: 800 }} />
      )}
    </>
  );
}

function Reconciliation() {
  const t = usePaymentsT();
  const { message } = App.useApp();
  // The day before today, Vietnamese time: what the nightly job settles, and what finance checks.
  const [date, setDate] = useState<Dayjs>(() => dayjs().subtract(1, 'day'));
  const iso = toIsoDate(date)!;
  const report = useReconciliation(iso);
  const settle = useSettle();
  const r: ReconciliationReport | undefined = report.data;
  const columns: ColumnsType<ReconciliationReport['lines'][number]> = [
    { title: t('col.orderRef'), dataIndex: 'orderRef', width: 150 },
    { title: t('col.dossier'), dataIndex: 'dossierCode' },
    { title: t('col.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatMoney(v) },
    { title: t('col.status'), dataIndex: 'ours', render: (v: string) => (PAYMENT_STATUSES as readonly string[]).includes(v) ? t(`status.${v as PaymentStatus}`) : v },
    { title: t('col.gateway'), key: 'gateway', render: (_, l) => `${l.gateway}${l.gatewayAmount !== null ? ` (${formatMoney(l.gatewayAmount)})` : ''}` },
    { title: t('col.verdict'), dataIndex: 'verdict', render: (v: ReconciliationReport['lines'][number]['verdict']) => <Tag color={v === 'mismatch' ? 'red' : v === 'matched' ? 'green' : 'blue'}>{t(`verdict.${v}`)}</Tag> },
    { title: t('col.note'), dataIndex: 'note' },
  ];
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker aria-label={t('filter.date')} format={DATE_PATTERN} allowClear={false} value={date} onChange={(d) => d && setDate(d)} />
        <Button type="primary" loading={settle.isPending} onClick={() => settle.mutate(iso, {
          onSuccess: (done) => message.success(t('reconcile.done', { date: formatDate(iso), settled: done.counts.settled, mismatch: done.counts.mismatch })),
          onError: (e) => message.error(errorMessage(e)),
        })}>{t('reconcile.run')}</Button>
        <Button href={reconciliationXlsxUrl(iso)} icon={<DownloadOutlined />}>{t('reconcile.export')}</Button>
      </Flex>
      {report.isError ? <ErrorResult error={report.error} /> : (
        <>
          {r ? (
            <Alert style={{ marginBottom: 12 }} type={r.counts.mismatch ? 'warning' : 'info'} showIcon
              message={t('reconcile.totals', { orders: r.totals.orders, paidHere: r.totals.paidHere, amountHere: formatMoney(r.totals.amountPaidHere), paidThere: r.totals.paidAtGateway, amountThere: formatMoney(r.totals.amountPaidAtGateway) })}
              description={r.settled ? undefined : t('reconcile.preview')} />
          ) : null}
          <Table rowKey="orderRef" size="middle" loading={report.isLoading} columns={columns} dataSource={r?.lines ?? []} pagination={false} locale={{ emptyText: t('empty') }} scroll={{ x: 900 }} />
        </>
      )}
    </>
  );
}
