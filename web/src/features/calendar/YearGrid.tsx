import { memo, useMemo } from 'react';
import { Tooltip } from 'antd';
import { formatDate } from '../../shared/format';
import type { CalendarDay } from './api';
import { daysInMonth, isoOf, mondayIndex, statusOf, vnToday, type DayStatus } from './dates';
import { type CalendarKey, useCalendarT } from './messages';
import './calendar.css';

const STATUS_KEY: Record<DayStatus, CalendarKey> = {
  holiday: 'kind.holiday',
  compensatory: 'kind.compensatory',
  swap_off: 'kind.swap_off',
  makeup_workday: 'kind.makeup_workday',
  weekend: 'kind.weekend',
  ordinary: 'kind.ordinary',
};

/** Colour key of the grid; the same classes paint the swatches. */
export function Legend() {
  const t = useCalendarT();
  const items: DayStatus[] = ['holiday', 'compensatory', 'swap_off', 'makeup_workday', 'weekend'];
  return (
    <div className="mc-cal-legend" role="group" aria-label={t('legend')}>
      {items.map((s) => (
        <span key={s}>
          <i className={`mc-cal-day mc-cal-swatch is-${s}`} aria-hidden="true" />
          {t(STATUS_KEY[s])}
        </span>
      ))}
      <span>
        <i className="mc-cal-day mc-cal-swatch is-today" aria-hidden="true" />
        {t('kind.today')}
      </span>
    </div>
  );
}

interface Props {
  year: number;
  days: readonly CalendarDay[];
  saturdayWorking: boolean;
  selected: string | null;
  onSelect: (date: string) => void;
  /** Months to draw (1–12); all twelve by default. Phones show one at a time. */
  months?: readonly number[];
}

const ALL_MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Twelve month grids; each day is a button with its name and legal basis on hover and in its label. */
export const YearGrid = memo(function YearGrid({ year, days, saturdayWorking, selected, onSelect, months = ALL_MONTHS }: Props) {
  const t = useCalendarT();
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const today = vnToday();
  const weekdays = t('weekday.short').split(',');

  return (
    <div className={months.length === 1 ? 'mc-cal-months is-single' : 'mc-cal-months'}>
      {months.map((month) => {
        const first = mondayIndex(isoOf(year, month, 1));
        const count = daysInMonth(year, month);
        return (
          <section key={month} className="mc-cal-month" aria-label={t('month.name', { month })}>
            <h3>{t('month.name', { month })}</h3>
            <div className="mc-cal-grid" role="grid">
              {weekdays.map((w) => (
                <div key={w} className="mc-cal-wd" role="columnheader">
                  {w}
                </div>
              ))}
              {Array.from({ length: first }, (_, k) => (
                <div key={`pad${k}`} aria-hidden="true" />
              ))}
              {Array.from({ length: count }, (_, k) => {
                const date = isoOf(year, month, k + 1);
                const entry = byDate.get(date);
                const status = statusOf(date, entry, saturdayWorking);
                const label = `${formatDate(date)}: ${t(STATUS_KEY[status])}${entry ? ` — ${entry.name}` : ''}`;
                const classes = ['mc-cal-day', `is-${status}`];
                if (date === today) classes.push('is-today');
                if (date === selected) classes.push('is-selected');
                if (entry?.source === 'manual') classes.push('is-manual');
                const button = (
                  <button
                    type="button"
                    className={classes.join(' ')}
                    aria-label={label}
                    aria-pressed={date === selected}
                    data-date={date}
                    onClick={() => onSelect(date)}
                  >
                    {k + 1}
                  </button>
                );
                return entry ? (
                  <Tooltip
                    key={date}
                    title={
                      <>
                        <div>{entry.name}</div>
                        {entry.basis ? (
                          <div style={{ opacity: 0.85 }}>{t('day.basis', { document: entry.basis.document, date: formatDate(entry.basis.date) })}</div>
                        ) : null}
                      </>
                    }
                  >
                    {button}
                  </Tooltip>
                ) : (
                  <span key={date} style={{ display: 'contents' }}>
                    {button}
                  </span>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
});

export { STATUS_KEY };
