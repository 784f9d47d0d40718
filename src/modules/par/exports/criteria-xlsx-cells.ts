/**
 * The criteria workbook's layout (columns, words, how a scoring rule and an applicability rule are written
 * in a cell) and the reading of single cells back into rules: shared by the writer and the reader in
 * criteria-xlsx.ts, so that what one writes the other reads.
 */
import ExcelJS from 'exceljs';
import type { SpreadsheetLimits } from '../../../platform/files/xlsx-guard.js';
import type { Applicability, FactValue, RatioRule, Scoring, ScoringKind, TieredRule } from '../rules/criteria.js';
import { COMPUTED_SOURCES, treeInput } from '../schema.js';

export const SHEET = 'Bộ tiêu chí';
export const FONT = 'Times New Roman';
export const THIN = { style: 'thin' } as const;
export const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** A set has a few hundred rows at most; anything far beyond is not a criteria set. */
export const LIMITS: SpreadsheetLimits = { maxRows: 5_000, maxInflatedBytes: 32 * 1024 * 1024 };

export type Column = 'code' | 'text' | 'max' | 'scoring' | 'param' | 'evidence' | 'appraiser' | 'applicability';
export const COLUMNS: readonly { key: Column; header: string; width: number }[] = [
  { key: 'code', header: 'STT', width: 8 },
  { key: 'text', header: 'Nội dung tiêu chí', width: 60 },
  { key: 'max', header: 'Điểm tối đa', width: 10 },
  { key: 'scoring', header: 'Cách chấm điểm', width: 16 },
  { key: 'param', header: 'Tham số chấm điểm', width: 30 },
  { key: 'evidence', header: 'Tài liệu kiểm chứng', width: 42 },
  { key: 'appraiser', header: 'Đơn vị thẩm định', width: 24 },
  { key: 'applicability', header: 'Điều kiện áp dụng', width: 26 },
];
export const HEADER = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<Column, string>;

export const SCORING_WORDS: Record<ScoringKind, string> = {
  manual: 'Chấm tay',
  binary: 'Đạt/Không đạt',
  tiered: 'Theo mức',
  ratio: 'Tỷ lệ',
  survey: 'Điều tra XHH',
  bonus: 'Điểm thưởng',
  penalty: 'Điểm trừ',
  computed: 'Tự động',
};
/** Written on a parent whose maximum is below its children's total (`maxNotSumOfChildren`). */
export const CAPPED_PARENT = 'Không vượt điểm tối đa';
export const ALWAYS = 'Luôn áp dụng';
export const CAP_LABELS = { bonus: 'Điểm thưởng tối đa', penalty: 'Điểm trừ tối đa' } as const;

/** Without diacritics, lower case, single spaces: how headers and words typed by people are compared. */
export function plain(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ').replace(/:$/, '').trim();
}

export const KIND_BY_WORD = new Map<string, ScoringKind>([
  ...Object.entries(SCORING_WORDS).map(([kind, word]) => [plain(word), kind as ScoringKind] as const),
  ['ti le', 'ratio'], ['dieu tra xa hoi hoc', 'survey'], ['dat', 'binary'],
]);

// ── writing ───────────────────────────────────────────────────────────────────────────────────────

/** "2,5": a Vietnamese reader's decimal comma, no grouping (thresholds stay under 1.000). */
export const num = (x: number) => String(x).replace('.', ',');
export const targetText = (t: number) => `chỉ tiêu ${num(Number((t * 100).toFixed(6)))}%`;
export const tiersText = (r: TieredRule) => r.tiers.map((t) => `${r.better === 'higher' ? '≥' : '≤'}${num(t.threshold)}:${num(t.points)}`).join('; ');
export const conversionText = (c: TieredRule | RatioRule) => c.kind === 'tiered' ? tiersText(c) : c.target === undefined ? 'tỷ lệ' : targetText(c.target);

export function paramText(s: Scoring | undefined): string {
  if (!s) return '';
  if (s.kind === 'tiered') return tiersText(s);
  if (s.kind === 'ratio') return s.target === undefined ? '' : targetText(s.target);
  if (s.kind === 'computed') return `nguồn ${s.source}; ${conversionText(s.conversion)}`;
  return '';
}

/** The simple fact form reads as a sentence; any other rule stays JSON so nothing is lost. */
export function applicabilityText(a: Applicability | undefined): string {
  if (!a) return '';
  if (a.kind === 'always') return ALWAYS;
  if (a.kind === 'fact') return `${a.fact} = ${typeof a.equals === 'string' ? JSON.stringify(a.equals) : String(a.equals)}`;
  return JSON.stringify(a);
}

export const dayText = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d.split('-').reverse().join('/') : d);

// ── reading cells ─────────────────────────────────────────────────────────────────────────────────

export function columnOf(header: string): Column | null {
  const h = plain(header);
  if (h === 'stt' || h === 'ma' || h === 'stt/ma' || h.startsWith('ma tieu chi')) return 'code';
  if (h.startsWith('noi dung') || h === 'tieu chi' || h === 'ten tieu chi') return 'text';
  if (h.includes('diem toi da')) return 'max';
  if (h.startsWith('cach cham') || h.startsWith('phuong phap cham')) return 'scoring';
  if (h.startsWith('tham so')) return 'param';
  if (h.includes('kiem chung')) return 'evidence';
  if (h.includes('tham dinh')) return 'appraiser';
  if (h.includes('ap dung')) return 'applicability';
  return null;
}

/** A cell's text; the covered cells of a merge are empty, so an area merged across the row reads once. */
export function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v.trim();
  return String(cell.text ?? '').trim();
}

export const NUMBER = /^\d+(?:[.,]\d+)?$/;
export const toNumber = (s: string) => Number(s.replace(',', '.'));

/** A non-negative number typed or computed in a cell; null when the cell is empty. */
export function cellNumber(cell: ExcelJS.Cell): number | null | 'bad' {
  const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : 'bad';
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result >= 0 ? v.result : 'bad';
  const t = cellText(cell);
  if (!t) return null;
  return NUMBER.test(t) ? toNumber(t) : 'bad';
}

export function parseTiers(text: string): TieredRule | string {
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return 'chưa có mức nào (viết dạng "≥95:2; ≥80:1")';
  let better: TieredRule['better'] | undefined;
  const tiers: { threshold: number; points: number }[] = [];
  for (const p of parts) {
    const m = /^(≥|>=|≤|<=)\s*(\d+(?:[.,]\d+)?)\s*%?\s*:\s*(\d+(?:[.,]\d+)?)$/.exec(p);
    if (!m) return `không đọc được mức "${p}" (viết dạng "≥95:2" hoặc "≤2:0,5")`;
    const b = m[1] === '≥' || m[1] === '>=' ? 'higher' : 'lower';
    if (better && better !== b) return 'các mức phải cùng một chiều: cùng "≥" hoặc cùng "≤"';
    better = b;
    tiers.push({ threshold: toNumber(m[2]!), points: toNumber(m[3]!) });
  }
  return { kind: 'tiered', better: better!, tiers };
}

/** "" or "tỷ lệ" → no target; "chỉ tiêu 80%" → 0.8. */
export function parseRatio(text: string): RatioRule | string {
  const p = plain(text);
  if (!p || p === 'ty le' || p === 'ti le') return { kind: 'ratio' };
  const m = /^chi tieu\s*(\d+(?:[.,]\d+)?)\s*%$/.exec(p);
  if (!m) return `không đọc được "${text}" (để trống hoặc viết dạng "chỉ tiêu 80%")`;
  // toPrecision drops the float noise of the division, so 33,3% is read back as 0.333.
  return { kind: 'ratio', target: Number((toNumber(m[1]!) / 100).toPrecision(12)) };
}

export function parseScoring(kind: ScoringKind, param: string): Scoring | string {
  switch (kind) {
    case 'tiered':
      return parseTiers(param);
    case 'ratio':
      return parseRatio(param);
    case 'computed': {
      const [head = '', ...rest] = param.split(';');
      const m = /^nguon\s+(\S+)$/.exec(plain(head));
      if (!m) return `viết nguồn số liệu dạng "nguồn dossiers.on_time_rate; chỉ tiêu 95%"`;
      const source = m[1]!;
      if (!(COMPUTED_SOURCES as readonly string[]).includes(source)) return `nguồn "${source}" không có; các nguồn dùng được: ${COMPUTED_SOURCES.join(', ')}`;
      const conversion = rest.join(';').trim();
      const rule = /^\s*(≥|>=|≤|<=)/.test(conversion) ? parseTiers(conversion) : parseRatio(conversion);
      return typeof rule === 'string' ? rule : { kind: 'computed', source, conversion: rule };
    }
    default:
      return param ? `cách chấm "${SCORING_WORDS[kind]}" không dùng tham số, để trống ô này` : { kind } as Scoring;
  }
}

export function parseFactValue(raw: string): FactValue | undefined {
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (/^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  if (/^".*"$/.test(raw)) {
    try { return JSON.parse(raw) as string; } catch { return undefined; }
  }
  return raw;
}

export function parseApplicability(text: string): Applicability | string | undefined {
  if (!text) return undefined;
  if (plain(text) === plain(ALWAYS)) return { kind: 'always' };
  if (text.startsWith('{')) {
    try {
      const rule = JSON.parse(text) as unknown;
      // validateTree reads the rule's fields, so its shape is checked first, by the schema itself.
      const probe = treeInput.safeParse({ caps: { bonus: 0, penalty: 0 }, areas: [{ code: '1', text: '-', maxPoints: 1, scoring: { kind: 'manual' }, applicability: rule }] });
      return probe.success ? rule as Applicability : 'điều kiện viết bằng JSON không đúng dạng (always, fact, all, any, not)';
    } catch {
      return 'JSON không hợp lệ';
    }
  }
  const m = /^([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(text);
  const equals = m ? parseFactValue(m[2]!.trim()) : undefined;
  if (!m || equals === undefined) return `không đọc được "${text}" (viết dạng "hasProcedures = true", "${ALWAYS}" hoặc JSON)`;
  return { kind: 'fact', fact: m[1]!, equals };
}

