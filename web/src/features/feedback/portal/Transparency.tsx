import { useMemo, useState } from 'react';
import { Card, DatePicker, Flex, Grid, List, Progress, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_PATTERN, formatNumber } from '../../../shared/format';
import { Chart } from '../../../shared/ui/Chart';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { type UnitStats, useStats } from '../api';
import { useFeedbackT } from '../i18n';

const percent = (rate: number | null) => (rate === null ? null : Math.round((rate > 1 ? rate : rate * 100) * 10) / 10);

function OnTime({ rate }: { rate: number | null }) {
  const p = percent(rate);
  if (p === null) return <>—</>;
  // The number is written out; the bar only repeats it.
  return (
    <Flex vertical gap={0}>
      <span>{`${p.toLocaleString('vi-VN')} %`}</span>
      <Progress percent={p} showInfo={false} size="small" strokeColor={p >= 90 ? '#237804' : p >= 70 ? '#ad6800' : '#a8071a'} aria-hidden />
    </Flex>
  );
}

/**
 * Per unit: received, answered, share answered on time, average days to answer, published
 * (issue 12 item 5). A chart of the busiest units (ECharts) above the table that gives every figure.
 */
export function Transparency() {
  const t = useFeedbackT();
  const wide = Grid.useBreakpoint().md ?? true;
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const stats = useStats(from, to);
  const units = useMemo(() => [...(stats.data?.units ?? [])].sort((a, b) => b.received - a.received), [stats.data]);
  const busiest = useMemo(() => units.filter((u) => u.received > 0).slice(0, 10).reverse(), [units]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('stats.received'), t('stats.answered')] },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: busiest.map((u) => u.unitName), axisLabel: { width: wide ? 220 : 120, overflow: 'truncate' } },
    series: [
      { name: t('stats.received'), type: 'bar', data: busiest.map((u) => u.received) },
      { name: t('stats.answered'), type: 'bar', data: busiest.map((u) => u.answered) },
    ],
  }), [busiest, t, wide]);
  const avg = (u: UnitStats) => (u.averageDaysToAnswer === null ? '—' : t('stats.days', { n: u.averageDaysToAnswer.toLocaleString('vi-VN', { maximumFractionDigits: 1 }) }));
  return (
    <Card className="mc-fb-card" style={{ marginTop: 16 }}>
      <section aria-labelledby="fb-stats">
        <Typography.Title level={2} id="fb-stats" className="mc-fb-h2" style={{ marginTop: 0 }}>{t('stats.title')}</Typography.Title>
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <label htmlFor="fb-stats-range">{t('stats.period')}</label>
          <DatePicker.RangePicker
            id={{ start: 'fb-stats-range' }}
            format={DATE_PATTERN}
            value={range}
            allowClear={false}
            inputReadOnly
            onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }}
            style={{ maxWidth: 320 }}
          />
        </Flex>
        {busiest.length ? <Chart option={option} label={t('stats.title')} height={Math.max(180, busiest.length * 34 + 60)} /> : null}
        {stats.isError ? <ErrorResult variant="inline" error={stats.error} onRetry={() => void stats.refetch()} /> : wide ? (
          <Table<UnitStats>
            aria-label={t('stats.title')}
            rowKey={(u) => String(u.unitId)}
            size="small"
            loading={stats.isPending}
            dataSource={units}
            pagination={false}
            locale={{ emptyText: t('stats.empty') }}
            columns={[
              { title: t('stats.unit'), dataIndex: 'unitName' },
              { title: t('stats.received'), dataIndex: 'received', align: 'right', width: 100, render: (v: number) => formatNumber(v) },
              { title: t('stats.answered'), dataIndex: 'answered', align: 'right', width: 100, render: (v: number) => formatNumber(v) },
              { title: t('stats.onTime'), dataIndex: 'onTimeRate', width: 170, render: (v: number | null) => <OnTime rate={v} /> },
              { title: t('stats.avgDays'), key: 'avg', width: 140, render: (_, u) => avg(u) },
              { title: t('stats.published'), dataIndex: 'published', align: 'right', width: 100, render: (v: number) => formatNumber(v) },
            ]}
          />
        ) : (
          <List<UnitStats>
            aria-label={t('stats.title')}
            loading={stats.isPending}
            dataSource={units}
            locale={{ emptyText: t('stats.empty') }}
            renderItem={(u) => (
              <List.Item key={String(u.unitId)} style={{ display: 'block' }}>
                <Typography.Text strong>{u.unitName}</Typography.Text>
                <div>{t('stats.received')}: {formatNumber(u.received)} · {t('stats.answered')}: {formatNumber(u.answered)} · {t('stats.published')}: {formatNumber(u.published)}</div>
                <div>{t('stats.avgDays')}: {avg(u)}</div>
                <div>{t('stats.onTime')}: <OnTime rate={u.onTimeRate} /></div>
              </List.Item>
            )}
          />
        )}
      </section>
    </Card>
  );
}
