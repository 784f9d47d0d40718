import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Empty, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { usePageTitle } from '../../../shared/pageTitle';
import { Chart } from '../../../shared/ui/Chart';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { type AreaResult, type BlockResults, type PublicResults, type RankedUnit, usePublicResults } from '../api-public';
import { useParPublicT } from '../i18n-sets';
import './ranking.css';

/** 87,25 — two decimals, the published and rounded figure (docs/PAR.md: bands and ranks are decided on it). */
const pct = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pts = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

// The default bands' own colours, best to worst; a band a province names otherwise takes the next free colour by rank.
const KNOWN_BANDS: Record<string, string> = { 'Xuất sắc': '#237804', 'Tốt': '#1d3f72', 'Khá': '#876800', 'Trung bình': '#ad4e00', 'Yếu': '#a8071a' };
const MORE_COLOURS = ['#08979c', '#531dab', '#595959', '#c41d7f', '#3f6600'];
const NO_BAND = '#8c8c8c';

/** A colour per band label: the known ones fixed, the others ordered by the best index that has them. */
function bandColours(results: PublicResults): Map<string, string> {
  const best = new Map<string, number>();
  for (const b of results.blocks) for (const u of b.units) if (u.band && u.index !== null) best.set(u.band, Math.max(best.get(u.band) ?? -1, u.index));
  const out = new Map<string, string>();
  let next = 0;
  for (const [label] of [...best.entries()].sort((a, b) => b[1] - a[1])) out.set(label, KNOWN_BANDS[label] ?? MORE_COLOURS[next++ % MORE_COLOURS.length]!);
  return out;
}

/**
 * Public: `/chi-so-cchc?nam=` — the published PAR index by block: a bar per unit in its band's colour, and
 * the ranking with last year's figure and each unit's points by area. The chart repeats the table.
 */
export default function RankingPage() {
  const t = useParPublicT();
  usePageTitle(t('title'));
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('nam'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : undefined;
  const results = usePublicResults(year);
  const data = results.data;
  const choose = (y: number) => setSearch((cur) => { const out = new URLSearchParams(cur); out.set('nam', String(y)); return out; });
  const colours = useMemo(() => (data ? bandColours(data) : new Map<string, string>()), [data]);
  return (
    <div className="mc-container mc-par-ranking">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
      {results.isError ? <ErrorResult error={results.error} onRetry={() => void results.refetch()} /> : !data ? <Skeleton active /> : data.years.length === 0 ? (
        <Card><Empty description={t('empty')} /></Card>
      ) : (
        <>
          <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
            <label htmlFor="par-year">{t('year')}</label>
            <Select id="par-year" style={{ width: 120 }} value={data.round?.year ?? year} onChange={choose}
              options={data.years.map((y) => ({ value: y, label: String(y) }))} />
          </Flex>
          {!data.round ? <Card><Empty description={t('emptyYear', { year: year ?? '' })} /></Card> : (
            <>
              {data.round.decision.number ? (
                <Typography.Paragraph>
                  <strong>{data.round.name}</strong>{' — '}
                  {t('decision', { number: data.round.decision.number, date: formatDate(data.round.decision.date) })}
                  {data.round.decision.signer ? t('decision.signer', { signer: data.round.decision.signer }) : ''}
                </Typography.Paragraph>
              ) : <Typography.Paragraph strong>{data.round.name}</Typography.Paragraph>}
              <Flex vertical gap={16}>
                {data.blocks.map((b) => <BlockCard key={b.block} block={b} year={data.round!.year} colours={colours} />)}
              </Flex>
            </>
          )}
        </>
      )}
    </div>
  );
}

function BandTag({ band, colours }: { band: string | null; colours: Map<string, string> }) {
  if (!band) return <>—</>;
  return <Tag color={colours.get(band) ?? NO_BAND} style={{ marginInlineEnd: 0 }}>{band}</Tag>;
}

function BlockCard({ block, year, colours }: { block: BlockResults; year: number; colours: Map<string, string> }) {
  const t = useParPublicT();
  const locale = useLocale();
  const label = block.label[locale];
  const charted = block.units.filter((u) => u.index !== null);
  const option = useMemo(() => {
    // ECharts draws a category axis from the bottom up: reversed, the first rank is on top.
    const bars = [...charted].reverse();
    const top = Math.max(100, ...bars.map((u) => Math.ceil(u.index!)));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${pct(v)}%` },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: top, axisLabel: { formatter: (v: number) => `${v}%` } },
      yAxis: { type: 'category', data: bars.map((u) => u.unitName), axisLabel: { width: 240, overflow: 'truncate' } },
      series: [{
        name: t('col.index'), type: 'bar', barMaxWidth: 22,
        data: bars.map((u) => ({ value: u.index, itemStyle: { color: u.band ? colours.get(u.band) ?? NO_BAND : NO_BAND } })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => pct(p.value) },
      }],
    };
  }, [charted, colours, t]);
  const columns: ColumnsType<RankedUnit> = [
    { title: t('col.rank'), key: 'rank', width: 90, align: 'center', render: (_, u) => u.rank ?? <Typography.Text type="secondary">{t('unranked')}</Typography.Text> },
    { title: t('col.unit'), dataIndex: 'unitName' },
    { title: t('col.index'), key: 'index', width: 120, align: 'right', render: (_, u) => (u.index === null ? t('noIndex') : pct(u.index)) },
    { title: t('col.band'), key: 'band', width: 130, render: (_, u) => <BandTag band={u.band} colours={colours} /> },
    { title: t('col.change'), key: 'change', width: 260, render: (_, u) => <Change unit={u} /> },
  ];
  return (
    <Card title={<Typography.Title level={2} className="mc-par-ranking-h2">{label}</Typography.Title>}>
      {charted.length ? <Chart option={option} label={t('chart', { year, block: label.toLocaleLowerCase(locale === 'vi' ? 'vi' : 'en') })} height={Math.max(160, charted.length * 30 + 40)} /> : null}
      <Table<RankedUnit> aria-label={t('table', { year, block: label.toLocaleLowerCase(locale === 'vi' ? 'vi' : 'en') })} rowKey="unitId" size="small" columns={columns}
        dataSource={block.units} pagination={false} scroll={{ x: 760 }} style={{ marginTop: 12 }}
        expandable={{
          expandedRowRender: (u) => <AreaTable unit={u} />,
          expandIcon: ({ expanded, onExpand, record }) => (
            <button type="button" className={`ant-table-row-expand-icon ${expanded ? 'ant-table-row-expand-icon-expanded' : 'ant-table-row-expand-icon-collapsed'}`}
              aria-label={t(expanded ? 'collapse' : 'expand', { unit: record.unitName })} aria-expanded={expanded} onClick={(e) => onExpand(record, e)} />
          ),
        }} />
    </Card>
  );
}

function Change({ unit }: { unit: RankedUnit }) {
  const t = useParPublicT();
  if (unit.previousIndex === null) return <Typography.Text type="secondary">{t('change.new')}</Typography.Text>;
  const previous = unit.previousRank === null ? t('change.previousNoRank', { index: pct(unit.previousIndex) }) : t('change.previous', { index: pct(unit.previousIndex), rank: unit.previousRank });
  if (unit.index === null) return <Typography.Text type="secondary">{previous}</Typography.Text>;
  const delta = Math.round((unit.index - unit.previousIndex) * 100) / 100;
  const rankMove = unit.rank !== null && unit.previousRank !== null ? unit.previousRank - unit.rank : null;
  return (
    <Flex vertical>
      <span className={delta > 0 ? 'mc-par-up' : delta < 0 ? 'mc-par-down' : undefined}>
        {delta > 0 ? <ArrowUpOutlined aria-hidden /> : delta < 0 ? <ArrowDownOutlined aria-hidden /> : null}{' '}
        {delta === 0 ? t('change.same') : t('change.index', { sign: delta > 0 ? '+' : '−', delta: pct(Math.abs(delta)) })}
        {rankMove === null ? null : `, ${rankMove > 0 ? t('change.rankUp', { n: rankMove }) : rankMove < 0 ? t('change.rankDown', { n: -rankMove }) : t('change.rankSame')}`}
      </span>
      <Typography.Text type="secondary">{previous}</Typography.Text>
    </Flex>
  );
}

type AreaRow = AreaResult & { key: string; extra?: 'bonus' | 'penalty' | 'total' };

function AreaTable({ unit }: { unit: RankedUnit }) {
  const t = useParPublicT();
  const rows: AreaRow[] = [
    // Bonus and penalty groups are listed with 0/0 in the areas (rules/index.ts); their figures are the unit's own.
    ...unit.areas.filter((a) => a.max > 0 || a.points > 0 || !a.applicable).map((a) => ({ ...a, key: a.code })),
    ...(unit.bonus ? [{ key: '__bonus', code: '', text: t('area.bonus'), points: unit.bonus, max: 0, applicable: true, extra: 'bonus' as const }] : []),
    ...(unit.penalty ? [{ key: '__penalty', code: '', text: t('area.penalty'), points: unit.penalty, max: 0, applicable: true, extra: 'penalty' as const }] : []),
    { key: '__total', code: '', text: t('area.total'), points: unit.total, max: unit.applicableMax, applicable: true, extra: 'total' },
  ];
  const columns: ColumnsType<AreaRow> = [
    { title: t('area.code'), dataIndex: 'code', width: 80 },
    { title: t('area.text'), dataIndex: 'text', render: (v: string, r) => (r.extra === 'total' ? <strong>{v}</strong> : v) },
    {
      title: t('area.points'), key: 'points', width: 180, align: 'right',
      render: (_, r) => {
        if (!r.applicable) return <Typography.Text type="secondary">{t('area.notApplicable')}</Typography.Text>;
        if (r.extra === 'bonus') return `+${pts(r.points)}`;
        if (r.extra === 'penalty') return `−${pts(r.points)}`;
        const text = `${pts(r.points)} / ${pts(r.max)}`;
        return r.extra === 'total' ? <strong>{text}</strong> : text;
      },
    },
  ];
  return <Table<AreaRow> aria-label={t('areas', { unit: unit.unitName })} rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} />;
}
