import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, formatDateTime } from '../../shared/format';
import { useLocale } from '../../shared/i18n';
import { Chart } from '../../shared/ui/Chart';
import type { Ii06aColumn } from './api';
import type { Dashboard, DashboardUnit } from './dashboard.api';
import { useDashboardT } from './dashboard.messages';
import './reports.css';

type Rate = Dashboard['rates']['onTime'];

export type DashboardLinks = {
  /** The dossiers behind a figure (staff only): a row's unit code, or null for the whole subtree. */
  figure?: (row: string | null, column: Ii06aColumn) => string;
  /** The same dashboard for another unit (a row of the ranking, or the parent). */
  unit: (code: string) => string;
};

const n = (v: number) => v.toLocaleString('vi-VN');
const pct = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 2 })} %`);

/**
 * The figures of one dashboard answer (GET /reports/dashboard or /public/statistics): key counts, the
 * rates, the monthly trend, overdue work by unit and the ranking. Staff pages pass `figure` links so
 * every count opens the dossiers behind it; the public page does not (it publishes counts only).
 */
export function DashboardView({ data, links }: { data: Dashboard; links: DashboardLinks }) {
  const t = useDashboardT();
  const locale = useLocale();
  const navigate = useNavigate();
  const tot = data.totals;
  const figure = (value: number, column: Ii06aColumn, row: DashboardUnit | null, what: string) =>
    links.figure && value > 0
      ? <Link to={links.figure(row?.code ?? null, column)} aria-label={t('figure.link', { n: n(value), what, unit: row?.name ?? data.unit.name })}>{n(value)}</Link>
      : n(value);

  const rateText = (r: Rate) => (r.value === null ? t('rate.none') : t('rate.of', { n: n(r.numerator), d: n(r.denominator) }));
  const rates: [string, Rate | { value: number | null }][] = [
    [t('rate.online'), data.rates.online], [t('rate.fullyOnline'), data.rates.fullyOnline], [t('rate.paidOnline'), data.rates.paidOnline],
    [t('rate.digitised'), data.rates.digitised], [t('rate.resultDigitised'), data.rates.resultDigitised], [t('rate.satisfaction'), data.rates.satisfaction],
  ];

  const trendOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.trend.map((p) => `${p.month.slice(5)}/${p.month.slice(0, 4)}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('trend.received'), type: 'bar', data: data.trend.map((p) => p.received) },
      { name: t('trend.completed'), type: 'bar', data: data.trend.map((p) => p.completed) },
      { name: t('trend.online'), type: 'line', data: data.trend.map((p) => p.online) },
      { name: t('trend.late'), type: 'line', data: data.trend.map((p) => p.late) },
    ],
  }), [data.trend, t]);

  const overdueRows = useMemo(() => data.units.filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, 15).reverse(), [data.units]);
  const overdueOption = useMemo(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: overdueRows.map((u) => u.name), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [{ name: t('rank.overdue'), type: 'bar', data: overdueRows.map((u) => u.overdue) }],
  }), [overdueRows, t]);

  const columns: ColumnsType<DashboardUnit> = [
    { title: t('rank.rank'), dataIndex: 'rank', width: 70, align: 'center', render: (r: number | null) => r ?? t('rank.none') },
    {
      title: t('rank.unit'), dataIndex: 'name',
      render: (name: string, u) => (u.hasChildren ? <Link to={links.unit(u.code)} aria-label={t('rank.open', { unit: name })}>{name}</Link> : name),
    },
    { title: t('rank.received'), key: 'received', align: 'right', render: (_: unknown, u) => figure(u.received, 'received.total', u, t('rank.received')) },
    { title: t('rank.completed'), key: 'completed', align: 'right', render: (_: unknown, u) => figure(u.completed, 'completed.total', u, t('rank.completed')) },
    { title: t('rank.late'), key: 'late', align: 'right', render: (_: unknown, u) => figure(u.late, 'completed.late', u, t('rank.late')) },
    { title: t('rank.overdue'), key: 'overdue', align: 'right', render: (_: unknown, u) => figure(u.overdue, 'inProgress.overdue', u, t('rank.overdue')) },
    { title: t('rank.onTime'), key: 'onTime', align: 'right', render: (_: unknown, u) => pct(u.onTime.value) },
    { title: t('rank.online'), key: 'online', align: 'right', render: (_: unknown, u) => pct(u.online.value) },
    { title: t('rank.satisfaction'), key: 'satisfaction', align: 'right', render: (_: unknown, u) => pct(u.satisfactionRate) },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="dashboard-as-of">
        {data.period.kind === 'custom'
          ? t('asOfCustom', { unit: data.unit.name, period: data.period.label[locale === 'en' ? 'en' : 'vi'], asOf: formatDateTime(data.asOf) })
          : t('asOf', { unit: data.unit.name, period: data.period.label[locale === 'en' ? 'en' : 'vi'], from: formatDate(data.period.from), to: formatDate(data.period.to), asOf: formatDateTime(data.asOf) })}
        {data.unit.parentCode ? <> · <Link to={links.unit(data.unit.parentCode)}>{t('up')}</Link></> : null}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small"><Statistic title={t('kpi.received')} valueRender={() => figure(tot.received, 'received.total', null, t('kpi.received'))} />
            <Typography.Text type="secondary">{t('kpi.receivedNote', { inPeriod: n(tot.receivedInPeriod), carried: n(tot.carriedOver) })}</Typography.Text></Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small"><Statistic title={t('kpi.completed')} valueRender={() => figure(tot.completed, 'completed.total', null, t('kpi.completed'))} />
            <Typography.Text type="secondary">{t('kpi.completedNote', { late: n(tot.late) })}</Typography.Text></Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small"><Statistic title={t('kpi.inProgress')} valueRender={() => figure(tot.inProgress, 'inProgress.total', null, t('kpi.inProgress'))} />
            <Typography.Text type="secondary">{t('kpi.inProgressNote', { overdue: n(tot.overdue), awaiting: n(tot.awaitingSupplement) })}</Typography.Text></Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small"><Statistic title={t('kpi.onTime')} value={pct(data.rates.onTime.value)} />
            <Typography.Text type="secondary">{rateText(data.rates.onTime)}</Typography.Text></Card>
        </Col>
      </Row>
      <Card size="small" title={t('rates.title')}>
        <Row gutter={[24, 12]}>
          {rates.map(([label, r]) => (
            <Col key={label} xs={24} sm={12} lg={8}>
              <Typography.Text>{label}: <strong>{pct(r.value)}</strong></Typography.Text>
              <Progress percent={r.value ?? 0} showInfo={false} size="small" aria-label={`${label}: ${pct(r.value)}`} />
              {'numerator' in r ? <Typography.Text type="secondary">{rateText(r)}</Typography.Text> : null}
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('trend.title')}>
        <Chart option={trendOption} label={t('trend.title')} height={300} />
        <div className="mc-scroll-region" tabIndex={0} role="region" aria-label={t('trend.title')}><Table size="small" rowKey="month" pagination={false} dataSource={data.trend} columns={[
          { title: t('trend.month'), dataIndex: 'month', render: (m: string) => `${m.slice(5)}/${m.slice(0, 4)}` },
          { title: t('trend.received'), dataIndex: 'received', align: 'right', render: n },
          { title: t('trend.online'), dataIndex: 'online', align: 'right', render: n },
          { title: t('trend.completed'), dataIndex: 'completed', align: 'right', render: n },
          { title: t('trend.late'), dataIndex: 'late', align: 'right', render: n },
        ]} /></div>
      </Card>
      {overdueRows.length ? (
        <Card size="small" title={t('overdue.title')} extra={links.figure ? <Typography.Text type="secondary">{t('overdue.hint')}</Typography.Text> : null}>
          <Chart option={overdueOption} label={t('overdue.title')} height={Math.max(160, overdueRows.length * 28 + 40)}
            onItemClick={links.figure ? (item) => { const u = overdueRows[item.dataIndex]; if (u) navigate(links.figure!(u.code, 'inProgress.overdue')); } : undefined} />
        </Card>
      ) : null}
      <Card size="small" title={t('rank.title')}>
        <div className="mc-scroll-region mc-scroll-wide" tabIndex={0} role="region" aria-label={t('rank.title')}>
          <Table<DashboardUnit> rowKey="code" size="small" bordered columns={columns} dataSource={data.units}
            pagination={data.units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            onRow={(u) => ({ 'data-unit': u.code } as React.HTMLAttributes<HTMLElement>)} />
        </div>
      </Card>
    </Flex>
  );
}
