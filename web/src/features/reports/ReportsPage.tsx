import { useState } from 'react';
import { DatePicker, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { DATE_PATTERN, formatDate, formatDateTime, toIsoDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type GroupBy, type Ii06aFigures, type Ii06aReport, useIi06a, usePeriods } from './api';
import { useReportsT } from './messages';

type Row = Ii06aFigures & { key: string; name: string };
const CUSTOM = 'custom';

/** Staff: form II.06a for a statutory period or any range, a unit subtree, grouped by unit, field or procedure. */
export default function ReportsPage() {
  const t = useReportsT();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const periods = usePeriods(year);
  const [periodCode, setPeriodCode] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [unit, setUnit] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');

  const list = periods.data?.periods ?? [];
  const chosen = periodCode === CUSTOM ? null : list.find((p) => p.code === periodCode) ?? list[0];
  const from = chosen ? chosen.from : range?.[0] ? toIsoDate(range[0]) : null;
  const to = chosen ? chosen.to : range?.[1] ? toIsoDate(range[1]) : null;
  const report = useIi06a(from && to ? { from, to, groupBy, ...(unit.trim() ? { unit: unit.trim().toUpperCase() } : {}) } : null);
  const r: Ii06aReport | undefined = report.data;

  const n = (v: number) => v.toLocaleString('vi-VN');
  const num = (title: string, pick: (x: Row) => number) => ({ title, key: title, align: 'right' as const, render: (_: unknown, x: Row) => n(pick(x)) });
  const columns: ColumnsType<Row> = [
    { title: t('col.name'), dataIndex: 'name', fixed: 'left', width: 260 },
    { title: t('col.received'), children: [num(t('col.total'), (x) => x.received.total), num(t('col.online'), (x) => x.received.online), num(t('col.direct'), (x) => x.received.direct), num(t('col.carriedOver'), (x) => x.received.carriedOver)] },
    { title: t('col.completed'), children: [num(t('col.total'), (x) => x.completed.total), num(t('col.early'), (x) => x.completed.early), num(t('col.onTime'), (x) => x.completed.onTime), num(t('col.late'), (x) => x.completed.late)] },
    { title: t('col.inProgress'), children: [num(t('col.total'), (x) => x.inProgress.total), num(t('col.within'), (x) => x.inProgress.withinDeadline), num(t('col.overdue'), (x) => x.inProgress.overdue)] },
    num(t('col.awaiting'), (x) => x.awaitingSupplement),
    num(t('col.withdrawn'), (x) => x.withdrawn),
  ];
  const rows: Row[] = r ? [...r.rows, { key: '__totals', name: t('totals'), ...r.totals }] : [];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label={t('filter.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Select aria-label={t('filter.period')} style={{ minWidth: 260 }} value={periodCode ?? list[0]?.code ?? null} onChange={setPeriodCode} loading={periods.isLoading}
          options={[...list.map((p) => ({ value: p.code, label: `${p.label.vi} (${formatDate(p.from)} – ${formatDate(p.to)})` })), { value: CUSTOM, label: t('filter.custom') }]} />
        {periodCode === CUSTOM ? (
          <DatePicker.RangePicker aria-label={t('filter.range')} format={DATE_PATTERN} value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
        ) : null}
        <Input aria-label={t('filter.unit')} placeholder={t('filter.unit')} style={{ width: 320 }} value={unit} onChange={(e) => setUnit(e.target.value)} allowClear />
        <Select<GroupBy> aria-label={t('filter.groupBy')} style={{ minWidth: 160 }} value={groupBy} onChange={setGroupBy}
          options={(['unit', 'field', 'procedure'] as const).map((g) => ({ value: g, label: t(`groupBy.${g}`) }))} />
      </Flex>
      {r ? (
        <Typography.Paragraph type="secondary">
          {t('asOf', { period: r.period.label.vi, from: formatDate(r.period.from), to: formatDate(r.period.to), unit: r.unit.name, asOf: formatDateTime(r.asOf) })}
        </Typography.Paragraph>
      ) : null}
      {report.isError ? <ErrorResult error={report.error} /> : (
        <Table<Row> rowKey="key" size="small" bordered loading={report.isLoading && !!from} columns={columns} dataSource={rows} pagination={false}
          locale={{ emptyText: t('empty') }} scroll={{ x: 1400 }}
          rowClassName={(x) => (x.key === '__totals' ? 'ant-table-row-selected' : '')} />
      )}
    </>
  );
}
