import { useMemo } from 'react';
import { Alert, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { Chart } from '../../shared/ui/Chart';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useRanking } from './api';
import { bigVnd, count, period, rateVnd, share, vnd } from './format';
import { useReviewT } from './i18n';
import { costPath, parametersPath, plansPath, reviewPath } from './paths';
import { PeriodFilters, periodSearch, usePeriodQuery } from './PeriodFilters';
import { Num, Share } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { RankingRow, RankingSort } from './types';

const SORTS: RankingSort[] = ['yearly', 'perDossier', 'supplementShare', 'lateRate'];

/** The figure a sort ranks by, as a number for the chart (shares in percent), null when there is none. */
function keyValue(row: RankingRow, sort: RankingSort): number | null {
  if (sort === 'yearly') return row.yearlyVnd;
  if (sort === 'perDossier') return row.perDossierVnd;
  const ratio = sort === 'supplementShare' ? row.supplementShare : row.lateRate;
  return ratio.value === null ? null : Math.round(ratio.value * 1000) / 10;
}

/** `/can-bo/ra-soat-tthc`: where to look first — the procedures of a unit ranked by compliance cost over a period. */
export default function RankingPage() {
  const t = useReviewT();
  const { query, params, update } = usePeriodQuery();
  const asked = params.get('sort') as RankingSort | null;
  const sort: RankingSort = asked && SORTS.includes(asked) ? asked : 'yearly';
  const ranking = useRanking({ ...query, sort, limit: 100 });
  const data = ranking.data;
  const keyLabel = t(`sort.${sort}`);
  const carry = periodSearch(query);

  const option = useMemo(() => {
    const top = (data?.items ?? []).map((r) => ({ r, v: keyValue(r, sort) })).filter((x) => x.v !== null).slice(0, 10);
    // Bars all at zero (no parameters yet, or nothing late) tell nothing: the chart is left out.
    const shown = top.some((x) => (x.v ?? 0) > 0) ? top : [];
    // ECharts draws a category axis from the bottom up: reversed, the first rank is on top.
    const bars = [...shown].reverse();
    const money = sort === 'yearly' || sort === 'perDossier';
    const label = (v: number) => (money ? (sort === 'yearly' ? bigVnd(v) : vnd(v)) : `${share(v / 100)}`);
    return {
      count: shown.length,
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => label(v) },
        grid: { left: 8, right: 110, top: 8, bottom: 8, containLabel: true },
        // Each bar carries its figure; the value axis only marks percentages (đồng would crowd it).
        xAxis: { type: 'value', min: 0, axisLabel: money ? { show: false } : { formatter: (v: number) => `${v} %` } },
        yAxis: { type: 'category', data: bars.map((x) => `${x.r.rank}. ${x.r.procedureName}`), axisLabel: { width: 300, overflow: 'truncate' } },
        series: [{ name: keyLabel, type: 'bar', barMaxWidth: 22, data: bars.map((x) => x.v), label: { show: true, position: 'right', formatter: (p: { value: number }) => label(p.value) } }],
      },
    };
  }, [data, sort, keyLabel]);

  const columns: ColumnsType<RankingRow> = [
    { title: t('col.rank'), dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: t('col.procedure'), key: 'procedure', width: 340, render: (_, r) => (
        <Flex vertical gap={2}>
          <Link to={`${costPath(r.procedureCode)}${carry}`}>{r.procedureName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.procedureCode} · {t('ranking.version', { n: r.versionNo })}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('col.field'), dataIndex: 'fieldName', width: 160, render: (v: string | null) => v ?? '—' },
    { title: t('col.dossiers'), dataIndex: 'dossiers', width: 96, align: 'right', render: (v: number) => <Num>{count(v)}</Num> },
    { title: t('col.perDossier'), dataIndex: 'perDossierVnd', width: 130, align: 'right', render: (v: number) => <Num>{vnd(v)}</Num> },
    { title: t('col.yearly'), dataIndex: 'yearlyVnd', width: 150, align: 'right', render: (v: number) => <Num>{bigVnd(v)}</Num> },
    { title: t('col.supplement'), key: 'supplement', width: 110, align: 'right', render: (_, r) => <Share value={r.supplementShare.value} /> },
    { title: t('col.late'), key: 'late', width: 110, align: 'right', render: (_, r) => <Share value={r.lateRate.value} /> },
    { title: t('col.online'), key: 'online', width: 110, align: 'right', render: (_, r) => <Share value={r.onlineShare.value} /> },
    {
      title: t('col.followUp'), key: 'follow', width: 150, render: (_, r) => (
        <Flex gap={4} wrap>
          {r.reviewId !== null ? <Link to={reviewPath(r.reviewId)}><Tag color="blue" style={{ cursor: 'pointer' }}>{t('ranking.hasReview')}</Tag></Link> : null}
          {r.planCount > 0 ? (
            <Link to={`${plansPath}?code=${encodeURIComponent(r.procedureCode)}`}><Tag color="green" style={{ cursor: 'pointer' }}>{t('ranking.plans', { count: r.planCount })}</Tag></Link>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('ranking.title')} subtitle={t('ranking.subtitle')} />
      <ReviewNav active="ranking" />
      <Card size="small">
        <PeriodFilters query={query} update={update} shownUnitId={data?.unitId} shownPeriod={data?.period}>
          <Flex vertical gap={4}>
            <label htmlFor="pr-sort">{t('ranking.sort')}</label>
            <Select id="pr-sort" value={sort} style={{ width: 190 }} onChange={(v: RankingSort) => update({ sort: v === 'yearly' ? undefined : v })}
              options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
          </Flex>
        </PeriodFilters>
        {data ? (
          <Flex vertical gap={2} style={{ marginTop: 12 }}>
            <Typography.Text><strong>{data.unitName}</strong> · {t('common.period', { period: period(data.period) })}</Typography.Text>
            <Typography.Text>{t('ranking.totals', { procedures: count(data.totals.procedures), dossiers: count(data.totals.dossiers), yearly: bigVnd(data.totals.yearlyVnd) })}</Typography.Text>
            {data.parameters ? (
              <Typography.Text type="secondary">{t('ranking.parameters', { year: data.parameters.year, rate: rateVnd(data.parameters.hourlyRateVnd), source: data.parameters.source })}</Typography.Text>
            ) : null}
          </Flex>
        ) : null}
      </Card>

      {data && !data.parameters ? (
        <Alert className="mc-pr-card" type="warning" showIcon title={t('ranking.noParameters')} action={<Link to={parametersPath}>{t('ranking.setParameters')}</Link>} />
      ) : null}

      {ranking.isError ? <div className="mc-pr-card"><ErrorResult variant="inline" error={ranking.error} onRetry={() => void ranking.refetch()} /></div> : null}

      {data && option.count > 0 ? (
        <Card size="small" className="mc-pr-card" title={t('ranking.chartTitle', { key: keyLabel.toLocaleLowerCase('vi') })}>
          <Chart option={option.option} height={Math.max(160, option.count * 32 + 40)}
            label={t('ranking.chart', { key: keyLabel.toLocaleLowerCase('vi'), unit: data.unitName, period: period(data.period) })} />
        </Card>
      ) : null}

      <Card size="small" className="mc-pr-card">
        <Table<RankingRow> aria-label={t('ranking.table')} data-testid="pr-ranking" rowKey="procedureCode" size="middle" columns={columns}
          dataSource={data?.items ?? []} loading={ranking.isFetching} scroll={{ x: 1450 }}
          pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: ranking.isPending ? ' ' : t('ranking.empty') }} />
      </Card>
    </>
  );
}
