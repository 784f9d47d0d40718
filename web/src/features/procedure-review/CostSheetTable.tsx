import { InputNumber, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { groupDigits, hours as showHours, times as showTimes, ungroupDigits, vnd } from './format';
import { useFormsT } from './i18n-forms';
import { SourceTag } from './review-ui';
import type { CostGroup, CostLineView, CostSheet, Estimates } from './types';

type Figure = 'hours' | 'times' | 'cash';
const ESTIMATE_FIELD = { hours: 'hours', times: 'times', cash: 'cashVnd' } as const;
const GROUPS: readonly CostGroup[] = ['information', 'documents', 'copies', 'submission', 'supplement', 'result', 'fees'];

export interface CostSheetTableProps {
  sheet: CostSheet;
  /** The reviewer may change the figures each line marks `editable` (a draft review). */
  editable?: boolean;
  /** The reviewer's estimates by line key; a figure present here is shown instead of the sheet's. */
  estimates?: Estimates;
  onChange?: (next: Estimates) => void;
  /** The table's accessible name (default "Bảng tính chi phí tuân thủ một hồ sơ"). */
  label?: string;
}

type Row = CostLineView & { span: number };

/**
 * A procedure's compliance-cost sheet (Circular 02/2017/TT-VPCP art. 27): each activity of one dossier
 * with its hours, how many times it happens and its direct cost, what it costs per dossier, and beside
 * each figure a tag saying where it came from; the totals per dossier and a year under it. With
 * `editable`, the figures a line lets the reviewer estimate become inputs; the totals are the server's,
 * computed again on saving.
 */
export function CostSheetTable({ sheet, editable = false, estimates = {}, onChange, label }: CostSheetTableProps) {
  const t = useFormsT();
  const rank = (g: CostGroup) => GROUPS.indexOf(g);
  const ordered = sheet.lines.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l.group) - rank(b.l.group) || a.i - b.i).map(({ l }) => l);
  // The group's name spans its lines: the first line of a group carries the span, the others none.
  const rows: Row[] = ordered.map((l, i) => {
    if (i > 0 && ordered[i - 1]!.group === l.group) return { ...l, span: 0 };
    let span = 1;
    while (i + span < ordered.length && ordered[i + span]!.group === l.group) span += 1;
    return { ...l, span };
  });

  const valueOf = (line: CostLineView, figure: Figure): number | undefined => {
    const field = ESTIMATE_FIELD[figure];
    const own = estimates[line.key];
    if (own && field in own) return own[field];
    return figure === 'hours' ? line.hours : figure === 'times' ? line.times : line.cashVnd;
  };
  const change = (line: CostLineView, figure: Figure, value: number | null) => {
    const own = { ...(estimates[line.key] ?? {}), [ESTIMATE_FIELD[figure]]: value ?? undefined };
    onChange?.({ ...estimates, [line.key]: own });
  };

  const input = (line: CostLineView, figure: Figure, title: string, value: number | undefined) => {
    const aria = `${title} — ${line.label}`;
    return figure === 'cash' ? (
      <InputNumber<number> size="small" aria-label={aria} min={0} max={1_000_000_000_000} precision={0} step={1000} value={value ?? null}
        formatter={(v) => groupDigits(v)} parser={(text) => ungroupDigits(text)} suffix="đ" placeholder={t('sheet.default')}
        onChange={(v) => change(line, figure, v)} className="mc-prf-sheet-input" />
    ) : (
      <InputNumber<number> size="small" aria-label={aria} min={0} max={figure === 'hours' ? 744 : 1000} step={1}
        decimalSeparator="," value={value ?? null} placeholder={t('sheet.default')} onChange={(v) => change(line, figure, v)} className="mc-prf-sheet-input" />
    );
  };
  // Each figure with the tag of where it came from (an estimate once the reviewer changed it and saved).
  const cell = (figure: Figure, title: string) => (_: unknown, line: CostLineView) => {
    const value = valueOf(line, figure);
    const shown = value === undefined ? '—' : figure === 'cash' ? vnd(value) : figure === 'hours' ? showHours(value) : showTimes(value);
    return (
      <span className="mc-prf-figure">
        {editable && line.editable[figure] ? input(line, figure, title, value) : <span className="mc-pr-num">{shown}</span>}
        <SourceTag source={line.sources[figure]} />
      </span>
    );
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('sheet.group'), key: 'group', width: 130,
      onCell: (r) => ({ rowSpan: r.span }),
      render: (_, r) => <Typography.Text strong>{t(`group.${r.group}`)}</Typography.Text>,
    },
    {
      title: t('sheet.activity'), key: 'label', width: 260,
      render: (_, r) => (
        <>
          <div className="mc-prf-text">{r.label}</div>
          {r.note ? <Typography.Text type="secondary" className="mc-prf-small">{r.note}</Typography.Text> : null}
        </>
      ),
    },
    { title: t('sheet.hours'), key: 'hours', width: 170, align: 'right', render: cell('hours', t('sheet.hours')) },
    { title: t('sheet.times'), key: 'times', width: 150, align: 'right', render: cell('times', t('sheet.times')) },
    { title: t('sheet.cash'), key: 'cash', width: 200, align: 'right', render: cell('cash', t('sheet.cash')) },
    { title: t('sheet.total'), key: 'total', width: 130, align: 'right', render: (_, r) => vnd(r.totalVnd) },
  ];

  return (
    <div className="mc-prf-sheet">
      <Table<Row> aria-label={label ?? t('sheet.table')} rowKey="key" size="small" bordered columns={columns} dataSource={rows}
        pagination={false} scroll={{ x: 1040 }} data-testid="cost-sheet"
        summary={() => (
          <Table.Summary>
            <Table.Summary.Row className="mc-prf-sheet-total">
              <Table.Summary.Cell index={0} colSpan={2}><strong>{t('sheet.perDossier')}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{t('sheet.hoursTotal', { hours: showHours(sheet.perDossier.hours) })}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={2} align="right">
                <Typography.Text type="secondary">{t('sheet.split', { work: vnd(sheet.perDossier.workVnd), direct: vnd(sheet.perDossier.directVnd) })}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><strong data-testid="sheet-per-dossier">{vnd(sheet.perDossier.totalVnd)}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
            <Table.Summary.Row className="mc-prf-sheet-total">
              <Table.Summary.Cell index={0} colSpan={5}><strong>{t('sheet.perYear', { dossiers: showTimes(sheet.yearlyDossiers) })}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><strong data-testid="sheet-yearly">{vnd(sheet.yearly.totalVnd)}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )} />
      <Typography.Paragraph type="secondary" className="mc-prf-small" style={{ marginTop: 8 }}>
        {t('sheet.wage', {
          rate: `${showHours(sheet.wage.hourlyRateVnd)} đ`, income: vnd(sheet.wage.monthlyIncomeVnd), days: sheet.wage.workingDaysPerMonth,
          hours: sheet.wage.hoursPerDay, year: sheet.wage.year, source: sheet.wage.source.trim().replace(/\.$/, ''),
        })}
        {editable ? ` ${t('sheet.editHint')}` : ''}
      </Typography.Paragraph>
    </div>
  );
}
