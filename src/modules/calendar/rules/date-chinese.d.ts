// date-chinese ships types/index.d.ts but its package.json "exports" has no "types" condition, so
// NodeNext resolution cannot find them. We declare the part we use, with the true return type of
// inMajorSolarTerm (an object, not the number the shipped file claims).
declare module 'date-chinese' {
  export class CalendarChinese {
    constructor();
    timeshiftUTC(gcal: unknown): number;
    /** Julian day of local midnight of the day containing `jde`. */
    midnight(jde: number): number;
    inMajorSolarTerm(jde: number): { term: number; lon: number };
    nextNewMoon(jde: number): number;
    previousNewMoon(jde: number): number;
    majorSolarTerm(term: number, gyear: number): number;
  }
  export class CalendarVietnamese extends CalendarChinese {}
}
