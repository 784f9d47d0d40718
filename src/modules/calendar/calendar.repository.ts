import { sql } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { ComposedDay, DayEdit, Layer } from './calendar.compose.js';
import type { Basis, DayKind, Notice, WorkingInterval } from './rules/index.js';

/** SQL of the calendar module; the service decides who may call what and when. */

export type HoursRow = {
  version: number; effectiveFrom: string; intervals: WorkingInterval[]; saturdayWorking: boolean;
  tetDaysBefore: number; nationalDayAdjacent: 'before' | 'after'; reason: string | null;
  recordedAt: Date | null; recordedBy: string | null;
};

export type YearRow = {
  year: number; version: number; tetDaysBefore: number; nationalDayAdjacent: 'before' | 'after';
  saturdayWorking: boolean; note: string | null;
};

export type NoticeRow = {
  id: number; year: number; seq: number; notice: Notice; recordedAt: Date; recordedBy: string | null;
  withdrawnAt: Date | null; withdrawnReason: string | null;
};

export type EditRow = { id: number; year: number; seq: number; edit: DayEdit; recordedAt: Date; recordedBy: string | null };

export type Recorder = { staffId: number | null; name: string | null };

export async function listHours(db: Db): Promise<HoursRow[]> {
  const rows = await db.selectFrom('calendar_hours').selectAll().orderBy('version', 'desc').execute();
  return rows.map((r) => ({
    version: r.version, effectiveFrom: r.effective_from, intervals: r.intervals, saturdayWorking: r.saturday_working,
    tetDaysBefore: r.tet_days_before, nationalDayAdjacent: r.national_day_adjacent as 'before' | 'after', reason: r.reason,
    recordedAt: r.recorded_at, recordedBy: r.recorded_by_name,
  }));
}

export async function latestHoursVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('calendar_hours').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertHours(db: Db, h: Omit<HoursRow, 'recordedAt' | 'recordedBy'>, by: Recorder): Promise<void> {
  await db.insertInto('calendar_hours').values({
    version: h.version, effective_from: h.effectiveFrom, intervals: JSON.stringify(h.intervals), saturday_working: h.saturdayWorking,
    tet_days_before: h.tetDaysBefore, national_day_adjacent: h.nationalDayAdjacent, reason: h.reason,
    recorded_by_staff_id: by.staffId, recorded_by_name: by.name,
  }).execute();
}

function toYear(r: { year: number; version: number; tet_days_before: number; national_day_adjacent: string; saturday_working: boolean; note: string | null }): YearRow {
  return {
    year: r.year, version: r.version, tetDaysBefore: r.tet_days_before, nationalDayAdjacent: r.national_day_adjacent as 'before' | 'after',
    saturdayWorking: r.saturday_working, note: r.note,
  };
}

export async function findYear(db: Db, year: number, forUpdate = false): Promise<YearRow | undefined> {
  let q = db.selectFrom('calendar_years').selectAll().where('year', '=', year);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toYear(row) : undefined;
}

export async function listYears(db: Db): Promise<YearRow[]> {
  return (await db.selectFrom('calendar_years').selectAll().orderBy('year').execute()).map(toYear);
}

/** Creates the year row at version 0; false when another transaction created it first. */
export async function insertYear(db: Db, y: Omit<YearRow, 'version'>): Promise<boolean> {
  const rows = await db.insertInto('calendar_years').values({
    year: y.year, version: 0, tet_days_before: y.tetDaysBefore, national_day_adjacent: y.nationalDayAdjacent,
    saturday_working: y.saturdayWorking, note: y.note,
  }).onConflict((oc) => oc.column('year').doNothing()).returning('year').execute();
  return rows.length === 1;
}

/** Bumps the version if it is still `expected`; false when someone else changed the year first. */
export async function bumpYear(db: Db, year: number, expected: number, values: { note?: string | null } = {}): Promise<boolean> {
  const result = await db.updateTable('calendar_years')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('year', '=', year).where('version', '=', expected).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listNotices(db: Db, year: number): Promise<NoticeRow[]> {
  const rows = await db.selectFrom('calendar_notices').selectAll().where('year', '=', year).orderBy('seq').execute();
  return rows.map((r) => {
    const notice: Notice = {
      document: r.document, date: r.issued_on, title: r.title,
      days: r.days.map((d) => ({ date: d.date, kind: d.kind as DayKind, name: d.name, ...(d.occasion ? { occasion: d.occasion } : {}) })),
    };
    if (r.issuer) notice.issuer = r.issuer;
    if (r.references_docs.length) notice.references = r.references_docs;
    if (r.covers.length) notice.covers = r.covers;
    if (r.removes.length) notice.removes = r.removes;
    if (r.note) notice.note = r.note;
    return {
      id: r.id, year: r.year, seq: Number(r.seq), notice, recordedAt: r.recorded_at, recordedBy: r.recorded_by_name,
      withdrawnAt: r.withdrawn_at, withdrawnReason: r.withdrawn_reason,
    };
  });
}

export async function findNotice(db: Db, id: number): Promise<{ id: number; year: number; withdrawn: boolean } | undefined> {
  const row = await db.selectFrom('calendar_notices').select(['id', 'year', 'withdrawn_at']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, year: row.year, withdrawn: row.withdrawn_at !== null } : undefined;
}

export async function insertNotice(db: Db, year: number, n: Notice, by: Recorder): Promise<number> {
  const row = await db.insertInto('calendar_notices').values({
    year, document: n.document, issued_on: n.date, title: n.title, issuer: n.issuer ?? null,
    references_docs: JSON.stringify(n.references ?? []), covers: JSON.stringify(n.covers ?? []),
    days: JSON.stringify(n.days), removes: JSON.stringify(n.removes ?? []), note: n.note ?? null,
    recorded_by_staff_id: by.staffId, recorded_by_name: by.name,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function withdrawNotice(db: Db, id: number, reason: string): Promise<void> {
  await db.updateTable('calendar_notices').set({ withdrawn_at: new Date(), withdrawn_reason: reason }).where('id', '=', id).execute();
}

export async function listEdits(db: Db, year: number): Promise<EditRow[]> {
  const rows = await db.selectFrom('calendar_day_edits').selectAll().where('year', '=', year).orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id, year: r.year, seq: Number(r.seq), recordedAt: r.recorded_at, recordedBy: r.recorded_by_name,
    edit: {
      date: r.date, kind: r.kind as DayKind | null, name: r.name, reason: r.reason,
      basis: r.basis_document && r.basis_date ? { document: r.basis_document, date: r.basis_date } : null,
    },
  }));
}

export async function insertEdit(db: Db, year: number, e: DayEdit, by: Recorder): Promise<number> {
  const row = await db.insertInto('calendar_day_edits').values({
    year, date: e.date, kind: e.kind, name: e.name, basis_document: e.basis?.document ?? null, basis_date: e.basis?.date ?? null,
    reason: e.reason, recorded_by_staff_id: by.staffId, recorded_by_name: by.name,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The notices in force and the edits of a year, as layers for composeYear. */
export async function layersOf(db: Db, year: number): Promise<Layer[]> {
  const [notices, edits] = await Promise.all([listNotices(db, year), listEdits(db, year)]);
  return [
    ...notices.filter((n) => !n.withdrawnAt).map((n): Layer => ({ type: 'notice', id: n.id, seq: n.seq, notice: n.notice })),
    ...edits.map((e): Layer => ({ type: 'edit', id: e.id, seq: e.seq, edit: e.edit })),
  ];
}

export async function replaceDays(db: Db, year: number, days: readonly ComposedDay[]): Promise<void> {
  await db.deleteFrom('calendar_days').where('year', '=', year).execute();
  if (days.length === 0) return;
  await db.insertInto('calendar_days').values(days.map((d) => ({
    date: d.date, year, kind: d.kind, name: d.name, basis_document: d.basis?.document ?? null, basis_date: d.basis?.date ?? null,
    occasion: d.occasion ?? null, source: d.source, notice_id: d.noticeId, edit_id: d.editId, reason: d.reason,
  }))).execute();
}

export type StoredDay = { date: string; year: number; kind: DayKind; name: string; basis: Basis | null; source: ComposedDay['source']; reason: string | null };

export async function listDays(db: Db, year?: number): Promise<StoredDay[]> {
  let q = db.selectFrom('calendar_days').select(['date', 'year', 'kind', 'name', 'basis_document', 'basis_date', 'source', 'reason']);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('date').execute();
  return rows.map((r) => ({
    date: r.date, year: r.year, kind: r.kind as DayKind, name: r.name, source: r.source as ComposedDay['source'], reason: r.reason,
    basis: r.basis_document && r.basis_date ? { document: r.basis_document, date: r.basis_date } : null,
  }));
}

/**
 * A number that grows with every committed change to the calendar: each change bumps one year's
 * version or adds an hours version. Other processes compare it to know their cache is stale.
 */
export async function changeStamp(db: Db): Promise<string> {
  const r = await sql<{ stamp: string }>`
    select ((select coalesce(sum(version), 0) from calendar_years) + (select coalesce(max(version), 0) from calendar_hours))::text as stamp`.execute(db);
  return r.rows[0]!.stamp;
}
