import { Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ACTIVITY_KINDS } from '../../../../src/modules/reform-budget/rules/budget';
import { money, percent } from './format';
import { useBudgetT } from './i18n';
import type { ActivityKind, Totals, UnitSummary, YearSummary } from './types';

/** An execution rate as a bar (capped at the bar's end, red past 100 %) with its figure, or "no data". */
export function Rate({ rate }: { rate: number | null }) {
  const t = useBudgetT();
  if (rate === null) return <Typography.Text type="secondary">{t('noData')}</Typography.Text>;
  return (
    <Progress percent={Math.min(rate, 100)} size="small" status={rate > 100 ? 'exception' : rate >= 100 ? 'success' : 'normal'}
      format={() => percent(rate)} style={{ minWidth: 130, marginBottom: 0 }} aria-label={percent(rate) ?? undefined} />
  );
}

type Row = { key: string; name: string; totals: Totals; bold?: boolean };

function useFigureColumns(first: string): ColumnsType<Row> {
  const t = useBudgetT();
  const amount = (value: number) => <span className="mc-budget-money">{money(value)}</span>;
  return [
    { title: first, dataIndex: 'name', render: (name: string, r) => (r.bold ? <strong>{name}</strong> : name) },
    { title: t('col.lines'), key: 'lines', width: 80, align: 'right', render: (_, r) => r.totals.lines },
    { title: t('col.planned'), key: 'planned', width: 170, align: 'right', render: (_, r) => amount(r.totals.plannedVnd) },
    { title: t('col.allocated'), key: 'allocated', width: 170, align: 'right', render: (_, r) => amount(r.totals.allocatedVnd) },
    { title: t('col.spent'), key: 'spent', width: 170, align: 'right', render: (_, r) => amount(r.totals.spentVnd) },
    { title: t('col.rate'), key: 'rate', width: 190, render: (_, r) => <Rate rate={r.totals.executionRate} /> },
  ];
}

/** One unit's year per activity (every activity listed, as the rules sum them) and in total. */
export function ActivitySummary({ summary }: { summary: Pick<UnitSummary, 'byKind' | 'total'> }) {
  const t = useBudgetT();
  const columns = useFigureColumns(t('col.activity'));
  const rows: Row[] = [
    ...ACTIVITY_KINDS.map((k: ActivityKind) => ({ key: k, name: t(`activity.${k}`), totals: summary.byKind[k] })),
    { key: 'total', name: t('total'), totals: summary.total, bold: true },
  ];
  return <Table<Row> aria-label={t('col.activity')} data-testid="budget-by-activity" size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 860 }} />;
}

/** The year over every unit the caller reads, one row a unit. */
export function UnitsSummary({ summary }: { summary: YearSummary }) {
  const t = useBudgetT();
  const columns = useFigureColumns(t('col.unit'));
  const rows: Row[] = [
    ...summary.units.map((u) => ({ key: String(u.unitId), name: u.unitName, totals: u.total })),
    { key: 'total', name: t('total'), totals: summary.total, bold: true },
  ];
  return <Table<Row> aria-label={t('col.unit')} data-testid="budget-by-unit" size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 860 }} />;
}
