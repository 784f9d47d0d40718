import { useMemo } from 'react';
import { DatePicker, Flex, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAuth } from '../../../shared/auth';
import { DATE_PATTERN, formatDate, toIsoDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { type OrgUnit, useUnits } from '../../org/api';
import { UnitSelect } from '../../org/UnitSelect';
import { useInspectionReportT } from './i18n';
import { REPORT_ROLES } from './paths';
import { PERIOD_PARTS, type PeriodPart, statutoryPeriod } from './period';

/** What the filters choose: a statutory period of a year, or a range; and a unit (null: the top of one's reach). */
export type ReportChoice =
  | { mode: 'statutory'; year: number; part: PeriodPart; unitId: number | null }
  | { mode: 'custom'; from: string | null; to: string | null; unitId: number | null };

/**
 * The units the caller may report on: those under a unit where one holds a role with report.read. The org
 * list is what the caller may read of the tree (org.read), which is wider for some roles.
 */
function useReportUnits(): { units: OrgUnit[]; loading: boolean } {
  const { user } = useAuth();
  const units = useUnits();
  return useMemo(() => {
    const list = units.data ?? [];
    const parent = new Map(list.map((u) => [String(u.id), u.parentId === null ? null : String(u.parentId)]));
    const held = new Set((user?.roles ?? []).filter((g) => REPORT_ROLES.includes(g.role)).map((g) => String(g.unitId)));
    const covered = (id: string) => {
      for (let at: string | null | undefined = id, hops = 0; at != null && hops < 50; at = parent.get(at), hops++) if (held.has(at)) return true;
      return false;
    };
    return { units: list.filter((u) => covered(String(u.id))), loading: units.isLoading };
  }, [user, units.data, units.isLoading]);
}

export function ReportFilters({ choice, today, onChange }: { choice: ReportChoice; today: string; onChange: (next: ReportChoice) => void }) {
  const t = useInspectionReportT();
  const locale = useLocale();
  const { units, loading } = useReportUnits();
  const thisYear = Number(today.slice(0, 4));
  const year = choice.mode === 'statutory' ? choice.year : thisYear;
  // Ten years back and the next one (whose first quarter starts on 15/12), and the chosen one if further away.
  const years = [...new Set([thisYear + 1, ...Array.from({ length: 10 }, (_v, i) => thisYear - i), year])].sort((a, b) => b - a);
  const periodOptions = [
    ...PERIOD_PARTS.map((part) => {
      const p = statutoryPeriod(year, part);
      const notStarted = p.from > today;
      return { value: part, disabled: notStarted, label: `${p.label[locale]} (${formatDate(p.from)} – ${formatDate(p.to)})${notStarted ? ` ${t('period.notStarted')}` : ''}` };
    }),
    { value: 'custom', label: t('period.custom') },
  ];
  const range: [Dayjs, Dayjs] | null = choice.mode === 'custom' && choice.from && choice.to ? [dayjs(choice.from), dayjs(choice.to)] : null;
  return (
    <Flex gap={12} wrap className="mc-insp-rep-filters">
      {choice.mode === 'statutory' ? (
        <div className="mc-insp-rep-field mc-insp-rep-year">
          <label htmlFor="insp-rep-year">{t('filter.year')}</label>
          <Select id="insp-rep-year" value={year} options={years.map((y) => ({ value: y, label: String(y) }))} onChange={(y: number) => onChange({ ...choice, year: y })} />
        </div>
      ) : null}
      <div className="mc-insp-rep-field mc-insp-rep-period">
        <label htmlFor="insp-rep-period">{t('filter.period')}</label>
        <Select<string> id="insp-rep-period" value={choice.mode === 'statutory' ? choice.part : 'custom'} options={periodOptions} popupMatchSelectWidth={false}
          onChange={(v) => onChange(v === 'custom'
            ? { mode: 'custom', from: null, to: null, unitId: choice.unitId }
            : { mode: 'statutory', year, part: v as PeriodPart, unitId: choice.unitId })} />
      </div>
      {choice.mode === 'custom' ? (
        <div className="mc-insp-rep-field mc-insp-rep-range">
          <label htmlFor="insp-rep-range">{t('filter.range')}</label>
          <DatePicker.RangePicker id={{ start: 'insp-rep-range' }} format={DATE_PATTERN} value={range} allowClear={false}
            // A period may not start after today (the server refuses it); its end may lie ahead (judged on today).
            disabledDate={(d, info) => !info.from && (toIsoDate(d) ?? '') > today}
            onChange={(v) => onChange({ ...choice, from: v?.[0] ? toIsoDate(v[0]) : null, to: v?.[1] ? toIsoDate(v[1]) : null })} />
        </div>
      ) : null}
      <div className="mc-insp-rep-field mc-insp-rep-unit">
        <label htmlFor="insp-rep-unit">{t('filter.unit')}</label>
        <UnitSelect id="insp-rep-unit" units={units} loading={loading} allowClear placeholder={t('filter.unitAll')}
          value={choice.unitId === null ? null : String(choice.unitId)} onChange={(v) => onChange({ ...choice, unitId: v ? Number(v) : null })} />
      </div>
    </Flex>
  );
}
