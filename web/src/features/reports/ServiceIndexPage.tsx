import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, DatePicker, Drawer, Flex, Input, InputNumber, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { DATE_PATTERN, formatDate, formatDateTime, toIsoDate } from '../../shared/format';
import { useLocale } from '../../shared/i18n';
import { Chart } from '../../shared/ui/Chart';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { usePeriods } from './api';
import { type BehindDossier, type IndexIndicator, useIndexDossiers, useServiceIndex } from './service-index.api';
import { useServiceIndexT } from './service-index.messages';

const CUSTOM = 'custom';
type Row = { key: string; code: string; name: string; points: number; max: number; indicator?: IndexIndicator; children?: Row[] };
const n2 = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** Staff: the Decision 766 service index for a period and a unit subtree, each value linking to the dossiers behind it. */
export default function ServiceIndexPage() {
  const t = useServiceIndexT();
  const locale = useLocale();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const periods = usePeriods(year);
  const [periodCode, setPeriodCode] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [unit, setUnit] = useState('');
  const [drill, setDrill] = useState<IndexIndicator | null>(null);

  const list = periods.data?.periods ?? [];
  const chosen = periodCode === CUSTOM ? null : list.find((p) => p.code === periodCode) ?? list[0];
  const from = chosen ? chosen.from : range?.[0] ? toIsoDate(range[0]) : null;
  const to = chosen ? chosen.to : range?.[1] ? toIsoDate(range[1]) : null;
  const unitCode = unit.trim() ? unit.trim().toUpperCase() : undefined;
  const q = from && to ? { from, to, ...(unitCode ? { unit: unitCode } : {}) } : null;
  const index = useServiceIndex(q);
  const r = index.data;
  const label = (x: { name: string; nameEn: string | null }) => (locale === 'en' && x.nameEn ? x.nameEn : x.name);

  const rows: Row[] = useMemo(() => (r?.groups ?? []).map((g) => ({
    key: `g${g.code}`, code: g.code, name: label(g), points: g.points, max: g.max,
    children: g.indicators.map((i) => ({ key: `i${i.code}`, code: i.code, name: label(i), points: i.points, max: i.max, indicator: i })),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  })), [r, locale]);

  const columns: ColumnsType<Row> = [
    { title: t('col.code'), dataIndex: 'code', width: 96 },
    { title: t('col.name'), dataIndex: 'name', width: 300 },
    {
      title: t('col.value'), key: 'value', align: 'right', width: 130,
      render: (_: unknown, x) => {
        const i = x.indicator;
        if (!i) return null;
        if (i.value === null) return <Typography.Text type="secondary">{i.note}</Typography.Text>;
        const text = `${n2(i.value)}%`;
        return i.dossiers ? <Button type="link" size="small" style={{ padding: 0 }} aria-label={`${t('value.link')} ${i.code}`} onClick={() => setDrill(i)}>{text}</Button> : text;
      },
    },
    { title: t('col.figures'), key: 'figures', align: 'right', width: 130, render: (_: unknown, x) => (x.indicator && x.indicator.denominator !== null ? `${x.indicator.numerator!.toLocaleString('vi-VN')} / ${x.indicator.denominator.toLocaleString('vi-VN')}` : null) },
    { title: t('col.points'), dataIndex: 'points', align: 'right', width: 80, render: (v: number, x) => (x.children ? <strong>{n2(v)}</strong> : n2(v)) },
    { title: t('col.max'), dataIndex: 'max', align: 'right', width: 70, render: (v: number) => n2(v) },
    { title: t('col.formula'), key: 'formula', render: (_: unknown, x) => (x.indicator ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>{x.indicator.formula}</Typography.Text> : null) },
  ];

  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('series.points'), t('series.max')] },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: (r?.groups ?? []).map((g) => label(g)), axisLabel: { interval: 0, width: 110, overflow: 'break', lineHeight: 18 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('series.points'), type: 'bar', data: (r?.groups ?? []).map((g) => g.points), label: { show: true, position: 'top' } },
      { name: t('series.max'), type: 'bar', data: (r?.groups ?? []).map((g) => g.max) },
    ],
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [r, locale, t]);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label="Năm / Year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Select aria-label="Kỳ báo cáo / Period" style={{ minWidth: 260 }} value={periodCode ?? list[0]?.code ?? null} onChange={setPeriodCode} loading={periods.isLoading}
          options={[...list.map((p) => ({ value: p.code, label: `${locale === 'en' ? p.label.en : p.label.vi} (${formatDate(p.from)} – ${formatDate(p.to)})` })), { value: CUSTOM, label: locale === 'en' ? 'Other range' : 'Khoảng thời gian khác' }]} />
        {periodCode === CUSTOM ? (
          <DatePicker.RangePicker aria-label="Từ ngày – đến ngày" format={DATE_PATTERN} value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
        ) : null}
        <Input aria-label={locale === 'en' ? 'Unit e-ID' : 'Mã định danh đơn vị'} placeholder={locale === 'en' ? 'Unit e-ID (empty: everything you may see)' : 'Mã định danh đơn vị (để trống: toàn bộ phạm vi được xem)'} style={{ width: 320 }} value={unit} onChange={(e) => setUnit(e.target.value)} allowClear />
      </Flex>
      {index.isError ? <ErrorResult error={index.error} /> : null}
      {r ? (
        <>
          <Typography.Title level={4} style={{ marginTop: 0 }}>{r.unit.name}: {t('total', { total: n2(r.total), max: n2(r.max) })}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {locale === 'en' ? r.period.label.en : r.period.label.vi} ({formatDate(r.period.from)} – {formatDate(r.period.to)}) · {formatDateTime(r.asOf)}. {t('version', { label: r.version.label, from: formatDate(r.version.effectiveFrom) })}
          </Typography.Paragraph>
          {r.version.note ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={r.version.note} /> : null}
          <Chart option={option} label={t('chart')} height={300} />
        </>
      ) : null}
      {!index.isError ? (
        <Table<Row> rowKey="key" size="small" bordered loading={index.isLoading && !!q} columns={columns} dataSource={rows} pagination={false}
          expandable={{ defaultExpandAllRows: true, expandedRowKeys: rows.map((x) => x.key) }} scroll={{ x: 1100 }} />
      ) : null}
      {drill && q ? <DrillDrawer query={q} indicator={drill} onClose={() => setDrill(null)} /> : null}
    </>
  );
}

function DrillDrawer({ query, indicator, onClose }: { query: { from: string; to: string; unit?: string }; indicator: IndexIndicator; onClose: () => void }) {
  const t = useServiceIndexT();
  const [page, setPage] = useState(1);
  const [counted, setCounted] = useState<'all' | 'true' | 'false'>('all');
  const list = useIndexDossiers({ ...query, indicator: indicator.code, page, ...(counted === 'all' ? {} : { counted }) });
  const columns: ColumnsType<BehindDossier> = [
    { title: t('drill.code'), dataIndex: 'code', render: (code: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(code)}`}>{code}</Link> },
    { title: t('drill.procedure'), dataIndex: 'procedureName' },
    { title: t('drill.unit'), dataIndex: 'unitName' },
    { title: t('drill.received'), dataIndex: 'receivedAt', render: (v: string | null) => (v ? formatDate(v) : '') },
    { title: t('drill.completed'), dataIndex: 'completedAt', render: (v: string | null) => (v ? formatDate(v) : '') },
    { title: t('drill.counted'), dataIndex: 'counted', render: (v: boolean) => (v ? <Tag color="green">{t('drill.yes')}</Tag> : <Tag>{t('drill.no')}</Tag>) },
  ];
  return (
    <Drawer open width={960} onClose={onClose} title={t('drill.title', { code: indicator.code })}>
      <Typography.Paragraph type="secondary">{indicator.name}: {indicator.formula}</Typography.Paragraph>
      <Segmented style={{ marginBottom: 12 }} value={counted} onChange={(v) => { setCounted(v as 'all' | 'true' | 'false'); setPage(1); }}
        options={[{ value: 'all', label: t('drill.filter.all') }, { value: 'true', label: t('drill.filter.counted') }, { value: 'false', label: t('drill.filter.notCounted') }]} />
      {list.isError ? <ErrorResult error={list.error} /> : (
        <Table<BehindDossier> rowKey="code" size="small" loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }} />
      )}
    </Drawer>
  );
}
