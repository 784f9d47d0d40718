import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/transaction.js';
import type { AgencyRef, ChannelTime, Level, OnlineMode } from './schema.js';
import { corrections, vocabularyOf, type Vocabulary } from './rules/typo.js';

/**
 * Public search over the versions in force, in up to three passes:
 *
 * 1. exact: every word typed is the start of a word of the procedure's search text (code, name,
 *    field, keywords — accent- and case-free, see catalog_search_normalize). "dang ky khai sinh",
 *    "Đăng ký khai sinh" and "khai si" all land here;
 * 2. only when (1) finds nothing, corrected: each word the catalogue does not know is replaced by
 *    its nearest words of the catalogue by edit distance (rules/typo.ts: "khai sihn" → "khai sinh",
 *    "karaoek" → "karaoke"), then searched as in (1) — as cheap as (1), and as precise;
 * 3. only when (2) finds nothing, typo-tolerant: all words but one match as in (1) ("chuyen truong
 *    trung hco pho thong" — a typo in a short word defeats trigrams);
 * 4. only when (3) finds nothing too, the whole query close to a stretch of the text by pg_trgm word
 *    similarity (`<%`, threshold 0.6). It is the costly pass (a similarity per row), so it comes last.
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

/** `corrected`: the words searched for instead of the typed ones, when the catalogue did not know some. */
export type SearchResult = { items: SearchHit[]; total: number; fuzzy: boolean; corrected?: string };

/**
 * Versions in force on `day`. Publication never lets two windows of a procedure overlap (see
 * catalog.versions.ts publish), so this is at most one row per procedure without a DISTINCT ON —
 * which would stop the planner from pushing the text filter and the trigram index below it.
 */
function inForce(day: string): RawBuilder<unknown> {
  return sql`(
    select v.id, v.procedure_id, v.number, v.name, v.field_code, v.field_name, v.levels, v.online_mode, v.name_search, v.keywords_search,
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

type Mode = 'all' | 'exact' | 'corrected' | 'most' | 'trigram';

/** `alternatives`: for the corrected pass, the words to look for in place of each typed one. */
async function run(db: Db, f: SearchFilter, mode: Mode, alternatives: string[][] = []): Promise<{ items: SearchHit[]; total: number }> {
  const where = filters(f);
  const q = mode === 'corrected' ? alternatives.map((a) => a[0]).join(' ') : f.q ?? '';
  const words = q.split(' ').filter(Boolean).slice(0, 12);
  if (mode === 'exact') {
    // `search_text like '%word%'` is what the trigram index can answer (words of 3+ letters); the
    // word-start test then rechecks the few rows it returns.
    where.push(...words.filter((w) => w.length >= 3).map((w) => sql`c.search_text like ${`%${w}%`}`));
    where.push(...words.map((w) => startsWord('c.search_text', w)));
  }
  if (mode === 'corrected') {
    for (const alts of alternatives.slice(0, 12)) {
      if (alts.every((w) => w.length >= 3)) where.push(sql`(${sql.join(alts.map((w) => sql`c.search_text like ${`%${w}%`}`), sql` or `)})`);
      where.push(sql`(${sql.join(alts.map((w) => startsWord('c.search_text', w)), sql` or `)})`);
    }
  }
  if (mode === 'most') {
    // With at most one word missing, one of any two long words must be there: an index-usable OR.
    const long = words.filter((w) => w.length >= 3);
    if (long.length >= 2) where.push(sql`(${sql.join(long.map((w) => sql`c.search_text like ${`%${w}%`}`), sql` or `)})`);
    where.push(sql`${wordsMatched(words)} >= ${words.length - 1}`);
  }
  if (mode === 'trigram') where.push(sql`${q} <% c.search_text`);
  const inName = sql.join(words.map((w) => startsWord('c.name_search', w)), sql` and `);
  // The ranking as columns k1…k6, so the page (up to 100 rows) is ranked and read in two steps: the
  // matching versions are counted and sorted on these narrow keys alone, and only the page's rows
  // are then read whole (name, channels, agency…) — at 10,000 procedures a common word matches
  // ~1,000 rows, and carrying every column of each through the count and the sort cost more than
  // the search itself.
  const keys = mode === 'all'
    ? sql`false as k1, false as k2, false as k3, false as k4, 0::int as k5, 0::float4 as k6, c.name_search as k7`
    : sql`${mode === 'most' ? wordsMatched(words) : sql`0`}::int as k5,
          (' ' || c.name_search || ' ') like ${`% ${q} %`} as k1, ${q} = any(c.keywords_search) as k2, (${inName}) as k3,
          (' ' || c.search_text || ' ') like ${`% ${q} %`} as k4,
          ${mode === 'exact' || mode === 'corrected' ? sql`0::float4` : sql`similarity(${q}, c.name_search)`} as k6, length(c.name_search) as k7`;
  const order = mode === 'all' ? sql`k7, code` : sql`k5 desc, k1 desc, k2 desc, k3 desc, k4 desc, k6 desc, k7, code`;
  const rows = await sql<{
    code: string; number: number; name: string; field_code: string; field_name: string; levels: string[]; online_mode: string;
    channels: ChannelTime[]; agency_code: string | null; agency_name: string; boundary: boolean; total: string;
  }>`with page as (
       select c.id, p.code, ${keys}, count(*) over () as total
       from ${inForce(f.day)} c join catalog_procedures p on p.id = c.procedure_id
       ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
       order by ${order}
       limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize})
     select page.code, v.number, v.name, v.field_code, v.field_name, v.levels, v.online_mode, v.channels, v.agency_code, v.agency_name,
       v.boundary_independent as boundary, page.total
     from page join catalog_procedure_versions v on v.id = page.id
     order by ${order}`.execute(db);
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
  const passes: Mode[] = f.q.includes(' ') ? ['exact', 'corrected', 'most', 'trigram'] : ['exact', 'corrected', 'trigram'];
  for (const mode of passes) {
    let alternatives: string[][] = [];
    if (mode === 'corrected') {
      const found = corrections(f.q.split(' ').filter(Boolean).slice(0, 12), await vocabulary(db));
      if (!found) continue;
      alternatives = found;
    }
    const page = await run(db, f, mode, alternatives);
    // A pass that has results keeps its later pages too, even one past the end.
    const has = page.total > 0 || (f.page > 1 && (await run(db, { ...f, page: 1, pageSize: 1 }, mode, alternatives)).total > 0);
    if (has || mode === 'trigram') return { ...page, fuzzy: mode !== 'exact', ...(mode === 'corrected' ? { corrected: alternatives.map((a) => a[0]!).join(' ') } : {}) };
  }
  throw new Error('unreachable');
}

/**
 * The words of every published version's search text (rules/typo.ts), kept per database for a minute:
 * read only by a search the exact pass did not answer, so a word new to the catalogue is offered as a
 * correction at most a minute late (the exact pass finds it at once).
 */
const VOCABULARY_TTL_MS = 60_000;
const vocabularies = new WeakMap<Db, { at: number; vocabulary: Promise<Vocabulary> }>();
function vocabulary(db: Db): Promise<Vocabulary> {
  const kept = vocabularies.get(db);
  if (kept && Date.now() - kept.at < VOCABULARY_TTL_MS) return kept.vocabulary;
  const loading = sql<{ search_text: string }>`select search_text from catalog_procedure_versions where status <> 'draft'`.execute(db)
    .then((rows) => vocabularyOf(rows.rows.map((r) => r.search_text)));
  vocabularies.set(db, { at: Date.now(), vocabulary: loading });
  loading.catch(() => vocabularies.delete(db));
  return loading;
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
