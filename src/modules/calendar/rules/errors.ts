// The rules stay free of the HTTP layer: they throw this typed error and the calendar service maps
// each code to an AppError (400 for bad input, 404 for a lunar date that does not exist).

export type CalendarRuleErrorCode =
  | 'DATE_INVALID'
  | 'DATE_OUT_OF_RANGE'
  | 'TIME_INVALID'
  | 'LUNAR_DATE_INVALID'
  | 'LUNAR_DATE_NOT_FOUND'
  | 'HOURS_INVALID'
  | 'NOTICE_INVALID'
  | 'DEADLINE_INVALID';

export class CalendarRuleError extends Error {
  override readonly name = 'CalendarRuleError';

  constructor(
    readonly code: CalendarRuleErrorCode,
    message: string,
  ) {
    super(message);
  }
}
