import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { AgencyRef, ChannelTime, Level, OnlineMode } from './schema.js';

/**
 * Public search over the versions in force, in up to three passes:
 *
 * 1. exact: every word typed is the start of a word of the procedure's search text (code, name,
 *    field, keywords — accent- and case-free, see catalog_search_normalize). "dang ky khai sinh",
 *    "Đăng ký khai sinh" and "khai si" all land here;
 * 2. only when (1) finds nothing, typo-tolerant: all words but one match as in (1) ("khai sihn",
 *    "chuyen truong trung hco pho thong" — a typo in a short word defeats trigrams);
 * 3. only when (2) finds nothing too, the whole query close to a stretch of the text by pg_trgm word
 *    similarity (`<%`, threshold 0.6; "karaoek"). It is the costly pass (a similarity per row), so it
 *    comes last.
 *
 * Keeping typo tolerance as a fallback keeps exact results free of look-alikes ("khai tu" would
 * otherwise bring "khai sinh" too). Results rank name matches first: the query as a phrase of the
 * name, as a whole keyword, all its words in the name, as a phrase of the search text, then (typo
 * passes only) by trigram similarity to the name, and by length: the shortest name that fits.
 */
export type SearchFilter = {
  /** Already normalised with normalizeForSearch(). */
  q?: string | undefined;
  field?: string | undefined;
  level?: Level | undefined;
  online?: OnlineMode | undefined;
  agency?: string | undefined;
  page: number;
  pageSize: number;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh: versions in force on this day. */
  day: string;
};

export type SearchHit = {
  code: string;
  name: string;
  field: { code: string; name: string };
  levels: Level[];
  onlineMode: OnlineMode;
  channels: ChannelTime[];
  implementingAgency: AgencyRef;
  boundaryIndependent: boolean;
  versionNumber: number;
};

export type SearchResult = { items: SearchHit[]; total: number; fuzzy: boolean };

/**
 * Versions in force on `day`. Publication never lets two windows of a procedure overlap (see
 * catalog.versions.ts publish), so this is at most one row per procedure without a DISTINCT ON —
 * which would stop the planner from pushing the text filter and the trigram index below it.
 */
function inForce(day: string): RawBuilder<unknown> {
  return sql`(
    select v.procedure_id, v.number, v.name, v.field_code, v.field_name, v.levels, v.online_mode, v.name_search, v.keywords_search,
      v.search_text, v.channels, v.agency_code, v.agency_name, v.boundary_independent as boundary
    from catalog_procedure_versions v
    where v.status <> 'draft' and v.effective_from <= ${day}::date and (v.effective_to is null or v.effective_to >= ${day}::date))`;
}

function filters(f: SearchFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.field) where.push(sql`c.field_code = ${f.field}`);
  if (f.level) where.push(sql`c.levels @> array[${f.level}]::text[]`);
  if (f.online) where.push(sql`c.online_mode = ${f.online}`);
  // A province agency by its e-ID code; a commune-level one (no code) by its name.
  if (f.agency) where.push(sql`(c.agency_code = ${f.agency} or c.agency_name = ${f.agency})`);
  return where;
}

/** `(' ' || text) like '% word%'`: the word starts a word of the text ("ho" finds "hộ", not "thọ"). */
const startsWord = (column: string, w: string) => sql`(' ' || ${sql.ref(column)}) like ${`% ${w}%`}`;

/** How many query words start a word of the search text. */
function wordsMatched(words: string[]): RawBuilder<number> {
  return sql<number>`(${sql.join(words.map((w) => sql`(${startsWord('c.search_text', w)})::int`), sql` + `)})`;
}

type Mode = 'all' | 'exact' | 'most' | 'trigram';

async function run(db: Db, f: SearchFilter, mode: Mode): Promise<{ items: SearchHit[]; total: number }> {
  const where = filters(f);
  const q = f.q ?? '';
  const words = q.split(' ').filter(Boolean).slice(0, 12);
  if (mode === 'exact') {
    // `search_text like '%word%'` is what the trigram index can answer (words of 3+ letters); the
    // word-start test then rechecks the few rows it returns.
    where.push(...words.filter((w) => w.length >= 3).map((w) => sql`c.search_text like ${`%${w}%`}`));
    where.push(...words.map((w) => startsWord('c.search_text', w)));
  }
  if (mode === 'most') {
    // With at most one word missing, one of any two long words must be there: an index-usable OR.
    const long = words.filter((w) => w.length >= 3);
    if (long.length >= 2) where.push(sql`(${sql.join(long.map((w) => sql`c.search_text like ${`%${w}%`}`), sql` or `)})`);
    where.push(sql`${wordsMatched(words)} >= ${words.length - 1}`);
  }
  if (mode === 'trigram') where.push(sql`${q} <% c.search_text`);
  const inName = sql.join(words.map((w) => startsWord('c.name_search', w)), sql` and `);
  const order = mode === 'all'
    ? sql`c.name_search, p.code`
    : sql`${mode === 'most' ? sql`${wordsMatched(words)} desc,` : sql``}
          (' ' || c.name_search || ' ') like ${`% ${q} %`} desc, ${q} = any(c.keywords_search) desc, (${inName}) desc,
          (' ' || c.search_text || ' ') like ${`% ${q} %`} desc,
          ${mode === 'exact' ? sql`` : sql`similarity(${q}, c.name_search) desc,`} length(c.name_search), p.code`;
  const rows = await sql<{
    code: string; number: number; name: string; field_code: string; field_name: string; levels: string[]; online_mode: string;
    channels: ChannelTime[]; agency_code: string | null; agency_name: string; boundary: boolean; total: string;
  }>`select p.code, c.number, c.name, c.field_code, c.field_name, c.levels, c.online_mode, c.channels, c.agency_code, c.agency_name, c.boundary,
       count(*) over () as total
     from ${inForce(f.day)} c join catalog_procedures p on p.id = c.procedure_id
     ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
     order by ${order}
     limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return {
    total: Number(rows.rows[0]?.total ?? 0),
    items: rows.rows.map((r) => ({
      code: r.code, name: r.name, field: { code: r.field_code, name: r.field_name }, levels: r.levels as Level[],
      onlineMode: r.online_mode as OnlineMode, channels: r.channels, implementingAgency: { ...(r.agency_code ? { code: r.agency_code } : {}), name: r.agency_name }, boundaryIndependent: r.boundary,
      versionNumber: r.number,
    })),
  };
}

export async function searchProcedures(db: Db, f: SearchFilter): Promise<SearchResult> {
  if (!f.q) return { ...(await run(db, f, 'all')), fuzzy: false };
  const passes: Mode[] = f.q.includes(' ') ? ['exact', 'most', 'trigram'] : ['exact', 'trigram'];
  for (const mode of passes) {
    const page = await run(db, f, mode);
    // A pass that has results keeps its later pages too, even one past the end.
    const has = page.total > 0 || (f.page > 1 && (await run(db, { ...f, page: 1, pageSize: 1 }, mode)).total > 0);
    if (has || mode === 'trigram') return { ...page, fuzzy: mode !== 'exact' };
  }
  throw new Error('unreachable');
}

export type FieldCount = { code: string; name: string; count: number };

/** Fields (lĩnh vực) of the procedures in force, with how many each has. */
export async function fieldCounts(db: Db, day: string, f: Pick<SearchFilter, 'level' | 'online'> = {}): Promise<FieldCount[]> {
  const where = filters({ ...f, page: 1, pageSize: 1, day });
  const rows = await sql<{ field_code: string; field_name: string; n: string }>`
    select c.field_code, min(c.field_name) as field_name, count(*) as n from ${inForce(day)} c
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    group by c.field_code`.execute(db);
  return rows.rows.map((r) => ({ code: r.field_code, name: r.field_name, count: Number(r.n) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export type AgencyCount = { code: string | null; name: string; count: number };

/** Implementing agencies of the procedures in force, for the agency filter. */
export async function agencyCounts(db: Db, day: string): Promise<AgencyCount[]> {
  const rows = await sql<{ agency_code: string | null; agency_name: string; n: string }>`
    select c.agency_code, c.agency_name, count(*) as n from ${inForce(day)} c group by c.agency_code, c.agency_name`.execute(db);
  return rows.rows.map((r) => ({ code: r.agency_code, name: r.agency_name, count: Number(r.n) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The content of every procedure's version in force on a day (statistics: form II.07b counts them). */
export async function contentsInForce(db: Db, day: string): Promise<{ code: string; content: unknown }[]> {
  const rows = await sql<{ code: string; content: unknown }>`
    select distinct on (p.code) p.code, v.content from catalog_procedure_versions v join catalog_procedures p on p.id = v.procedure_id
    where v.status <> 'draft' and v.effective_from <= ${day}::date and (v.effective_to is null or v.effective_to >= ${day}::date)
    order by p.code, v.number desc`.execute(db);
  return rows.rows;
}
