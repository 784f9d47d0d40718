import type { ColumnType, Generated } from 'kysely';

/** Tables of the calendar module (migration 0004_calendar.sql). */

/** `date` columns come back as 'YYYY-MM-DD' text (the pg type parser is set in connection.ts). */
type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
/** Filled by the database on insert (defaults, sequences); never written by the application. */
type Auto<T> = ColumnType<T, never, never>;

export type StoredInterval = { start: string; end: string };
export type StoredNoticeDay = { date: string; kind: string; name: string; occasion?: string };
export type StoredBasis = { document: string; date: string };

export interface CalendarHoursTable {
  version: number;
  effective_from: DateText;
  intervals: Json<StoredInterval[]>;
  saturday_working: boolean;
  tet_days_before: number;
  national_day_adjacent: string;
  reason: string | null;
  recorded_at: Generated<Date>;
  recorded_by_staff_id: number | null;
  recorded_by_name: string | null;
}

export interface CalendarYearsTable {
  year: number;
  version: Generated<number>;
  tet_days_before: number;
  national_day_adjacent: string;
  saturday_working: boolean;
  note: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CalendarNoticesTable {
  id: Generated<number>;
  year: number;
  /** bigint: returned as a string by pg. */
  seq: Auto<string>;
  document: string;
  issued_on: DateText;
  title: string;
  issuer: string | null;
  references_docs: Json<StoredBasis[]>;
  covers: Json<string[]>;
  days: Json<StoredNoticeDay[]>;
  removes: Json<string[]>;
  note: string | null;
  recorded_at: Generated<Date>;
  recorded_by_staff_id: number | null;
  recorded_by_name: string | null;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
}

export interface CalendarDayEditsTable {
  id: Generated<number>;
  year: number;
  seq: Auto<string>;
  date: DateText;
  kind: string | null;
  name: string | null;
  basis_document: string | null;
  basis_date: NullableDateText;
  reason: string;
  recorded_at: Generated<Date>;
  recorded_by_staff_id: number | null;
  recorded_by_name: string | null;
}

export interface CalendarDaysTable {
  date: DateText;
  year: number;
  kind: string;
  name: string;
  basis_document: string | null;
  basis_date: NullableDateText;
  occasion: string | null;
  source: string;
  notice_id: number | null;
  edit_id: number | null;
  reason: string | null;
}

export interface CalendarTables {
  calendar_hours: CalendarHoursTable;
  calendar_years: CalendarYearsTable;
  calendar_notices: CalendarNoticesTable;
  calendar_day_edits: CalendarDayEditsTable;
  calendar_days: CalendarDaysTable;
}
