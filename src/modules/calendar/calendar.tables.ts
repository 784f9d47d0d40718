/** Tables of the calendar module (filled in with its migration 0004). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CalendarTables {}
