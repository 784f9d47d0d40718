import { Alert, Card, Flex, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router-dom';
import { BLOCKS } from '../../../../../src/modules/par/labels';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type AreaFigure, type Results, type UnitResult, useResults } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { idParam } from '../sets/paths';
import { fmtPoints } from './dialog';
import { boardPath, sheetPath } from './paths';
import './round.css';

/** `/can-bo/cchc/dot/:roundId/ket-qua`: the council's review sheet — every unit ranked per block, self-score beside the final score. */
export default function ResultsPage() {
  const t = useParRoundT();
  const roundId = idParam(useParams().roundId);
  const results = useResults(roundId ?? 0);
  if (roundId === null) return <Alert type="error" showIcon title={t('badRoute')} />;
  if (results.isError) return <ErrorResult error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  if (!data) return <Card size="small"><Skeleton active /></Card>;
  return (
    <>
      <Link to={boardPath(roundId)}>{t('sheet.back')}</Link>
      <PageHeader title={t('results.title', { round: data.round.name })} subtitle={t('results.subtitle', { stage: t(`stage.${data.round.stage}`) })} />
      <Flex vertical gap={16}>
        {BLOCKS.map((b) => {
          const rows = data.results.filter((r) => r.block === b).sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9) || x.unitName.localeCompare(y.unitName, 'vi'));
          return rows.length ? <BlockResults key={b} data={data} block={b} rows={rows} /> : null;
        })}
      </Flex>
    </>
  );
}

function BlockResults({ data, block, rows }: { data: Results; block: (typeof BLOCKS)[number]; rows: UnitResult[] }) {
  const t = useParRoundT();
  const locale = useLocale();
  const label = data.blocks[block]?.[locale] ?? block;
  const columns: ColumnsType<UnitResult> = [
    { title: t('results.col.rank'), key: 'rank', width: 70, align: 'right', render: (_, r) => r.rank ?? t('none') },
    { title: t('col.unit'), key: 'unit', render: (_, r) => <Link to={sheetPath(data.round.id, r.unitId)} aria-label={t('openSheet', { unit: r.unitName })}>{r.unitName}</Link> },
    { title: t('results.col.self'), key: 'self', width: 100, align: 'right', render: (_, r) => fmtPoints(r.selfPoints) },
    { title: t('results.col.points'), key: 'points', width: 170, align: 'right', render: (_, r) => `${fmtPoints(r.points)} / ${fmtPoints(r.applicableMax)}` },
    { title: t('results.col.bonusPenalty'), key: 'bp', width: 130, align: 'right', render: (_, r) => `+${fmtPoints(r.bonus)} / −${fmtPoints(r.penalty)}` },
    { title: t('results.col.total'), key: 'total', width: 100, align: 'right', render: (_, r) => fmtPoints(r.total) },
    { title: t('results.col.index'), key: 'index', width: 100, align: 'right', render: (_, r) => <strong>{r.index === null ? t('none') : t('percent', { n: fmtPoints(r.index) })}</strong> },
    { title: t('results.col.band'), key: 'band', width: 120, render: (_, r) => r.band ?? t('none') },
    {
      title: t('results.col.unscored'), key: 'unscored', width: 100, align: 'right',
      render: (_, r) => (r.unscored ? <Typography.Text type="warning" strong>{r.unscored}</Typography.Text> : 0),
    },
  ];
  return (
    <Card size="small" title={<Typography.Title level={2} className="mc-par-h2">{label}</Typography.Title>}>
      <Table<UnitResult>
        aria-label={t('results.table', { block: label })}
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{ expandedRowRender: (r) => <Areas unit={r} /> }}
      />
    </Card>
  );
}

function Areas({ unit }: { unit: UnitResult }) {
  const t = useParRoundT();
  return (
    <Table<AreaFigure>
      aria-label={t('results.areas', { unit: unit.unitName })}
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={unit.areas}
      columns={[
        { title: t('col.code'), dataIndex: 'code', width: 80 },
        { title: t('results.area'), dataIndex: 'text' },
        { title: t('col.points'), key: 'p', width: 160, align: 'right', render: (_, a) => (a.applicable ? `${fmtPoints(a.points)} / ${fmtPoints(a.max)}` : t('results.notApplicable')) },
      ]}
    />
  );
}
