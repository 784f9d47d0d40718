import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { Button, Card, DatePicker, Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { DATE_PATTERN, formatDate, formatDateTime, toIsoDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { Chart } from '../../shared/ui/Chart';
import { type GroupBy, type Ii06aColumn, type Ii06aFigures, type Ii06aQueryParams, type Ii06aReport, ii06aFileUrl, useIi06a, usePeriods } from './api';
import { Ii07bCard } from './Ii07bCard';
import { KeptReportsCard } from './KeptReportsCard';
import { useReportsT } from './messages';

type Row = Ii06aFigures & { key: string; name: string };
const CUSTOM = 'custom';

/** Staff: form II.06a for a statutory period or any range, a unit subtree, grouped by unit, field or procedure. */
export default function ReportsPage() {
  const t = useReportsT();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const periods = usePeriods(year);
  // A link may name the report (?from=&to=&unit=&groupBy=): the way back from a figure's dossiers, or a shared link.
  const [search] = useSearchParams();
  const linked = /^\d{4}-\d{2}-\d{2}$/.test(search.get('from') ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(search.get('to') ?? '');
  const [periodCode, setPeriodCode] = useState<string | null>(linked ? CUSTOM : null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(linked ? [dayjs(search.get('from')), dayjs(search.get('to'))] : null);
  const [unit, setUnit] = useState(search.get('unit') ?? '');
  const [groupBy, setGroupBy] = useState<GroupBy>((['unit', 'field', 'procedure'] as const).find((g) => g === search.get('groupBy')) ?? 'unit');

  const list = periods.data?.periods ?? [];
  const chosen = periodCode === CUSTOM ? null : list.find((p) => p.code === periodCode) ?? list[0];
  const from = chosen ? chosen.from : range?.[0] ? toIsoDate(range[0]) : null;
  const to = chosen ? chosen.to : range?.[1] ? toIsoDate(range[1]) : null;
  const params: Ii06aQueryParams | null = from && to ? { from, to, groupBy, ...(unit.trim() ? { unit: unit.trim().toUpperCase() } : {}) } : null;
  const report = useIi06a(params);
  const r: Ii06aReport | undefined = report.data;
  const navigate = useNavigate();

  // Every figure opens the list of dossiers behind it (the same rule the form counts with).
  const behind = (column: Ii06aColumn, key: string | null) =>
    `/can-bo/bao-cao/ho-so?${new URLSearchParams({ ...(params as Record<string, string>), column, ...(key ? { key } : {}) }).toString()}`;
  const n = (v: number) => v.toLocaleString('vi-VN');
  const num = (title: string, column: Ii06aColumn, pick: (x: Row) => number) => ({
    title, key: column, align: 'right' as const,
    render: (_: unknown, x: Row) => {
      const v = pick(x);
      return v > 0 ? <Link to={behind(column, x.key === '__totals' ? null : x.key)} aria-label={t('figure.link', { n: v, column: title, row: x.name })}>{n(v)}</Link> : n(v);
    },
  });
  const columns: ColumnsType<Row> = [
    { title: t('col.name'), dataIndex: 'name', fixed: 'left', width: 260 },
    { title: t('col.received'), children: [num(t('col.total'), 'received.total', (x) => x.received.total), num(t('col.online'), 'received.online', (x) => x.received.online), num(t('col.direct'), 'received.direct', (x) => x.received.direct), num(t('col.carriedOver'), 'received.carriedOver', (x) => x.received.carriedOver)] },
    { title: t('col.completed'), children: [num(t('col.total'), 'completed.total', (x) => x.completed.total), num(t('col.early'), 'completed.early', (x) => x.completed.early), num(t('col.onTime'), 'completed.onTime', (x) => x.completed.onTime), num(t('col.late'), 'completed.late', (x) => x.completed.late)] },
    { title: t('col.inProgress'), children: [num(t('col.total'), 'inProgress.total', (x) => x.inProgress.total), num(t('col.within'), 'inProgress.withinDeadline', (x) => x.inProgress.withinDeadline), num(t('col.overdue'), 'inProgress.overdue', (x) => x.inProgress.overdue)] },
    num(t('col.awaiting'), 'awaitingSupplement', (x) => x.awaitingSupplement),
    num(t('col.withdrawn'), 'withdrawn', (x) => x.withdrawn),
  ];

  // The rows with the most late work, as bars: completed late and overdue now; a bar opens its dossiers.
  const worst = useMemo(() => [...(r?.rows ?? [])].filter((x) => x.completed.late + x.inProgress.overdue > 0)
    .sort((a, b) => b.completed.late + b.inProgress.overdue - (a.completed.late + a.inProgress.overdue)).slice(0, 15).reverse(), [r]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('chart.late'), t('chart.overdue')] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: worst.map((x) => x.name), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [
      { name: t('chart.late'), type: 'bar', stack: 'late', data: worst.map((x) => x.completed.late) },
      { name: t('chart.overdue'), type: 'bar', stack: 'late', data: worst.map((x) => x.inProgress.overdue) },
    ],
  }), [worst, t]);
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
      {params && r ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Button icon={<DownloadOutlined aria-hidden />} href={ii06aFileUrl(params, 'xlsx')} download>{t('export.xlsx')}</Button>
          <Button icon={<DownloadOutlined aria-hidden />} href={ii06aFileUrl(params, 'pdf')} target="_blank">{t('export.pdf')}</Button>
        </Flex>
      ) : null}
      {worst.length ? (
        <Card size="small" title={t('chart.title', { group: t(`groupBy.${groupBy}`).toLocaleLowerCase('vi') })} extra={<Typography.Text type="secondary">{t('chart.hint')}</Typography.Text>} style={{ marginBottom: 12 }}>
          <Chart option={option} label={t('chart.title', { group: t(`groupBy.${groupBy}`).toLocaleLowerCase('vi') })} height={Math.max(200, worst.length * 28 + 60)}
            onItemClick={(item) => {
              const row = worst[item.dataIndex];
              if (row) navigate(behind(item.seriesName === t('chart.late') ? 'completed.late' : 'inProgress.overdue', row.key));
            }} />
        </Card>
      ) : null}
      {report.isError ? <ErrorResult error={report.error} /> : (
        <Table<Row> rowKey="key" size="small" bordered loading={report.isLoading && !!from} columns={columns} dataSource={rows} pagination={false}
          locale={{ emptyText: t('empty') }} scroll={{ x: 1400 }}
          rowClassName={(x) => (x.key === '__totals' ? 'ant-table-row-selected' : '')} />
      )}
      {from && to ? <Ii07bCard from={from} to={to} /> : null}
      <KeptReportsCard />
    </>
  );
}
