import dayjs, { type Dayjs } from 'dayjs';
import { formatDate } from '../../shared/format';

export type Preset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear';
export const PRESETS: readonly Preset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'];

/** Today as a Vietnamese calendar day, whatever the browser's own time zone. */
export function vnToday(now: Date = new Date()): Dayjs {
  const [d, m, y] = formatDate(now).split('/');
  return dayjs(`${y}-${m}-${d}`);
}

/** A period up to today: a register of days still to come would only be empty rows. */
export function presetPeriod(preset: Preset, today: Dayjs = vnToday()): [Dayjs, Dayjs] {
  switch (preset) {
    case 'thisMonth':
      return [today.startOf('month'), today];
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return [last.startOf('month'), last.endOf('month').startOf('day')];
    }
    case 'thisQuarter': {
      const first = today.month() - (today.month() % 3);
      return [today.month(first).startOf('month'), today];
    }
    case 'thisYear':
      return [today.startOf('year'), today];
  }
}
