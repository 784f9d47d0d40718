// The pure calendar rules: lunar conversion, holidays and notices, working time, deadlines.
// No I/O; the calendar service and routes build on these.

export { CalendarRuleError, type CalendarRuleErrorCode } from './errors.js';
export { toVnIso, type IsoDate } from './dates.js';
export { lunarToSolar, solarToLunar, SOLAR_MAX, SOLAR_MIN, type LunarDate, type LunarMeridian, type LunarOptions } from './lunar.js';
export {
  applyNotice,
  DAY_KIND_VI,
  DAY_KINDS,
  defaultHolidays,
  LABOUR_CODE_ART_111_3,
  LABOUR_CODE_ART_112,
  validateNotice,
  type Basis,
  type CalendarChange,
  type CalendarDay,
  type ChangeKind,
  type DayKind,
  type DefaultHolidayOptions,
  type Notice,
  type NoticeDay,
  type NoticeResult,
  type Occasion,
} from './holidays.js';
export { buildYear, parseNoticeFile, type HoursFile, type NoticeFile, type YearCalendar } from './notice.js';
export {
  DEFAULT_HOURS,
  WorkCalendar,
  type DayReason,
  type DayStatus,
  type WorkCalendarConfig,
  type WorkingInterval,
} from './working-time.js';
export {
  applyPause,
  computeDue,
  computeDueInstant,
  extend,
  workingHoursBetween,
  type CountingRule,
  type DeadlineRequest,
  type DeadlineResult,
  type DeadlineUnit,
  type Pause,
  type PauseMode,
} from './deadline.js';
export type { ExplanationEntry, ExplanationKind, ExplanationReason } from './explain.js';
