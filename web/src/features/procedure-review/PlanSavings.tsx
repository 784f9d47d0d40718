import type { ReactNode } from 'react';
import { Descriptions, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { count, day, hours, percent, period, times, vnd } from './format';
import { Muted, Section } from './forms-ui';
import { useFormsT } from './i18n-forms';
import { useTimeLimitText } from './PlanChangesForm';
import type { Plan } from './types';

type Row = { key: string; label: string; before: ReactNode; after: ReactNode; difference?: ReactNode };

/** A fall in cost shown as "−1.234 đ"; no change as "0 đ". */
const less = (before: number, after: number) => (before === after ? vnd(0) : `${after < before ? '−' : '+'}${vnd(Math.abs(before - after))}`);

/**
 * What the plan saves: the yearly saving in đồng and per cent (big), then side by side "Hiện tại" and
 * "Sau đơn giản hóa" per dossier and a year, the time limit and the fees; and once a newer version of the
 * procedure is in force, the saving its dossiers really show.
 */
export function PlanSavings({ plan }: { plan: Plan }) {
  const t = useFormsT();
  const limitText = useTimeLimitText();
  const { before, after, saving } = plan;
  const rows: Row[] = [
    { key: 'perDossier', label: t('savings.perDossier'), before: vnd(before.perDossier.totalVnd), after: vnd(after.perDossier.totalVnd), difference: less(before.perDossier.totalVnd, after.perDossier.totalVnd) },
    { key: 'hours', label: t('savings.hours'), before: hours(before.perDossier.hours), after: hours(after.perDossier.hours), difference: hours(after.perDossier.hours - before.perDossier.hours) },
    { key: 'direct', label: t('savings.direct'), before: vnd(before.perDossier.directVnd), after: vnd(after.perDossier.directVnd), difference: less(before.perDossier.directVnd, after.perDossier.directVnd) },
    { key: 'dossiers', label: t('savings.dossiers'), before: times(before.yearlyDossiers), after: times(after.yearlyDossiers) },
    { key: 'yearly', label: t('savings.yearly'), before: <strong>{vnd(before.yearly.totalVnd)}</strong>, after: <strong>{vnd(after.yearly.totalVnd)}</strong>, difference: <strong>{less(before.yearly.totalVnd, after.yearly.totalVnd)}</strong> },
    { key: 'timeLimit', label: t('savings.timeLimit'), before: limitText(plan.timeLimit.before), after: limitText(plan.timeLimit.after) },
    ...plan.fees.map((f, i) => ({
      key: `fee-${i}`, label: t('savings.fee', { name: f.name }),
      before: f.beforeVnd === null ? <Muted>{t('changes.feeUnset')}</Muted> : vnd(f.beforeVnd),
      after: f.afterVnd === null ? <Muted>{t('changes.feeUnset')}</Muted> : vnd(f.afterVnd),
      difference: f.beforeVnd !== null && f.afterVnd !== null ? less(f.beforeVnd, f.afterVnd) : undefined,
    })),
  ];
  const columns: ColumnsType<Row> = [
    { title: t('savings.col.item'), dataIndex: 'label', width: 220 },
    { title: t('savings.col.before'), dataIndex: 'before', width: 130, align: 'right' },
    { title: t('savings.col.after'), dataIndex: 'after', width: 130, align: 'right' },
    { title: t('savings.col.difference'), dataIndex: 'difference', width: 120, align: 'right', render: (v: ReactNode) => v ?? '' },
  ];
  const pct = percent(saving.percent);
  // Per dossier the saving shows even without dossiers in the period (a year's saving is then 0); its share
  // is the year's whenever there are dossiers, so it is said once.
  const perDossierSaving = before.perDossier.totalVnd - after.perDossier.totalVnd;
  const perDossierPct = before.perDossier.totalVnd > 0 ? percent(Math.round((perDossierSaving * 10000) / before.perDossier.totalVnd) / 100) : null;
  return (
    <>
      <Section title={t('savings.title')} testId="plan-savings">
        <div className="mc-prf-stats">
          <Statistic className="mc-prf-stat-big" title={t('savings.stat.saving')} value={vnd(saving.savingVnd)} data-testid="plan-saving"
            suffix={pct ? <span className="mc-prf-stat-suffix">({t('savings.less', { percent: pct })})</span> : null} />
          <Statistic title={t('savings.stat.perDossier')} value={vnd(perDossierSaving)} data-testid="plan-saving-dossier"
            suffix={perDossierPct && !pct ? <span className="mc-prf-stat-suffix">({t('savings.less', { percent: perDossierPct })})</span> : null} />
          <Statistic title={t('savings.stat.before')} value={vnd(saving.beforeVnd)} />
          <Statistic title={t('savings.stat.after')} value={vnd(saving.afterVnd)} />
        </div>
        {before.yearlyDossiers === 0 ? <p className="mc-prf-small mc-prf-note"><Muted>{t('savings.noDossiers')}</Muted></p> : null}
        <Table<Row> aria-label={t('savings.table')} rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false}
          scroll={{ x: 600 }} style={{ marginTop: 16 }} data-testid="plan-compare" />
        {plan.status === 'approved' ? <p className="mc-prf-small mc-prf-note"><Muted>{t('savings.frozen')}</Muted></p> : null}
      </Section>
      {plan.measured ? (
        <Section title={t('measured.title')} testId="plan-measured">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'version', label: t('measured.version'), children: plan.measured.effectiveFrom ? t('measured.versionFrom', { n: plan.measured.versionNo, date: day(plan.measured.effectiveFrom) }) : plan.measured.versionNo },
            { key: 'period', label: t('measured.period'), children: period(plan.measured.period) },
            { key: 'dossiers', label: t('measured.dossiers'), children: count(plan.measured.dossiers) },
            { key: 'perDossier', label: t('measured.perDossier'), children: `${vnd(plan.measured.beforePerDossierVnd)} → ${vnd(plan.measured.perDossierVnd)}` },
            { key: 'saving', label: t('measured.saving'), children: <strong>{vnd(plan.measured.yearlySavingVnd)}{plan.measured.percent !== null ? ` (${percent(plan.measured.percent)})` : ''}</strong> },
            { key: 'planned', label: t('measured.planned'), children: `${vnd(saving.savingVnd)}${pct ? ` (${pct})` : ''}` },
          ]} />
        </Section>
      ) : null}
    </>
  );
}
