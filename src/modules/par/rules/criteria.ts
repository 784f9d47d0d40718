/**
 * The PAR criteria set (Bộ tiêu chí Chỉ số CCHC) as data, its validation and which criteria apply to a
 * unit (pure). Shape after DOMAIN-MANAGEMENT §A5 and §F1: a tree Lĩnh vực (area) → Tiêu chí (criterion)
 * → Tiêu chí thành phần (sub-criterion); scores are entered on the leaves and roll up (index.ts).
 *
 * Bonus and penalty points (điểm thưởng / điểm trừ, Hà Nội 2025 content 9) sit outside the 100-point
 * scale and are capped per set (`diemthuongtoida` / `diemphattoida` in a real app, §A5): their leaves
 * never count in a parent's maximum nor in the denominator of the index.
 */
import { fmt } from './numbers.js';

/** Score levels of the tree, by depth; the Vietnamese names are the ones used in the decisions. */
export const LEVELS = ['area', 'criterion', 'subCriterion'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { area: 'Lĩnh vực', criterion: 'Tiêu chí', subCriterion: 'Tiêu chí thành phần' };

export type Tier = { threshold: number; points: number };
/**
 * Tiered thresholds on an input value. `better: 'higher'` — the tier with the greatest threshold at or
 * below the value (e.g. ≥ 95 % → 2, ≥ 80 % → 1); `'lower'` — the tier with the smallest threshold at or
 * above the value (e.g. 0 late reports → 1, ≤ 2 → 0.5). A value reaching no tier scores 0.
 */
export type TieredRule = { kind: 'tiered'; better: 'higher' | 'lower'; tiers: readonly Tier[] };
/** Ratio × max; with a target T (a share 0–1) full marks at R ≥ T, else R / T × max (the 766 pattern, §B3). */
export type RatioRule = { kind: 'ratio'; target?: number };

export type Scoring =
  | { kind: 'manual' }
  | { kind: 'binary' }
  | TieredRule
  | RatioRule
  /** Points from the sociological survey (survey.ts); never self-scored (BNV CV 383/384, §A3). */
  | { kind: 'survey' }
  | { kind: 'bonus' }
  | { kind: 'penalty' }
  /** Filled from another module's data (the 766 index, on-time rates…); `source` names the feed. */
  | { kind: 'computed'; source: string; conversion: TieredRule | RatioRule };
export type ScoringKind = Scoring['kind'];

export type FactValue = string | number | boolean;
/** Facts about a unit the applicability rules read, e.g. { block: 'so', hasProcedures: false }. */
export type UnitFacts = Readonly<Record<string, FactValue>>;

/** When a criterion applies to a unit (Hà Nam 2023: units without TTHC are not scored on area 3). */
export type Applicability =
  | { kind: 'always' }
  | { kind: 'fact'; fact: string; equals: FactValue }
  | { kind: 'all'; rules: readonly Applicability[] }
  | { kind: 'any'; rules: readonly Applicability[] }
  | { kind: 'not'; rule: Applicability };

export type CriterionNode = {
  code: string;
  text: string;
  maxPoints: number;
  /** Leaves only. */
  scoring?: Scoring;
  children?: readonly CriterionNode[];
  applicability?: Applicability;
  /** The evidence (tài liệu kiểm chứng) the set asks for, as the decision words it. */
  evidence?: string;
  /** The department that appraises this criterion for every unit (§A3 step 2). */
  appraisingUnitId?: number | null;
  /**
   * The decision gives a maximum that is not the sum of the children (e.g. "up to 2 points for any of
   * the following"); the roll-up then caps the children's sum at this maximum.
   */
  maxNotSumOfChildren?: boolean;
};

export type CriteriaTree = {
  /** Caps on the total bonus and the total penalty of a unit, per set; 0 when the set has none. */
  caps: { bonus: number; penalty: number };
  areas: readonly CriterionNode[];
};

export const isLeaf = (n: CriterionNode): boolean => !n.children || n.children.length === 0;

/** Bonus/penalty leaves, and groups made only of them, stand outside the 100-point scale. */
export function isExtra(n: CriterionNode): boolean {
  if (isLeaf(n)) return n.scoring?.kind === 'bonus' || n.scoring?.kind === 'penalty';
  return n.children!.every(isExtra);
}

/** Depth-first walk with the level of each node. */
export function* walk(nodes: readonly CriterionNode[], depth = 0): Generator<{ node: CriterionNode; depth: number }> {
  for (const node of nodes) {
    yield { node, depth };
    if (node.children) yield* walk(node.children, depth + 1);
  }
}

// ── validation ────────────────────────────────────────────────────────────────────────────────────

export type TreeProblemCode =
  | 'EMPTY_CODE' | 'EMPTY_TEXT' | 'DUPLICATE_CODE' | 'TOO_DEEP' | 'BAD_MAX' | 'MAX_NOT_SUM'
  | 'LEAF_WITHOUT_SCORING' | 'PARENT_WITH_SCORING' | 'BAD_TIERS' | 'BAD_TARGET' | 'BAD_SOURCE'
  | 'BAD_CAP' | 'BONUS_OVER_CAP' | 'PENALTY_OVER_CAP' | 'BAD_APPLICABILITY' | 'EMPTY_SET' | 'CODE_NOT_UNDER_PARENT' | 'SOURCE_UNIT';
export type TreeProblem = { code: string | null; problem: TreeProblemCode; message: string };

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const finiteNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function checkRule(rule: TieredRule | RatioRule, max: number, where: string, code: string, out: TreeProblem[]): void {
  if (rule.kind === 'ratio') {
    const t = rule.target;
    if (t !== undefined && !(typeof t === 'number' && t > 0 && t <= 1)) {
      out.push({ code, problem: 'BAD_TARGET', message: `${where}: chỉ tiêu phải là tỷ lệ lớn hơn 0 và không quá 1 (100%)` });
    }
    return;
  }
  if (rule.tiers.length === 0) {
    out.push({ code, problem: 'BAD_TIERS', message: `${where}: chưa có mức điểm nào` });
    return;
  }
  const seen = new Set<number>();
  for (const t of rule.tiers) {
    if (!finiteNonNegative(t.threshold)) out.push({ code, problem: 'BAD_TIERS', message: `${where}: ngưỡng phải là số không âm` });
    else if (seen.has(t.threshold)) out.push({ code, problem: 'BAD_TIERS', message: `${where}: ngưỡng ${fmt(t.threshold)} bị trùng` });
    else seen.add(t.threshold);
    if (!finiteNonNegative(t.points) || t.points > max + 1e-9) {
      out.push({ code, problem: 'BAD_TIERS', message: `${where}: điểm của một mức phải từ 0 đến điểm tối đa (${fmt(max)})` });
    }
  }
}

/**
 * Sources whose figure is a percentage 0–100 (the 766 index); every other source is a share 0–1. A
 * ratio needs a share, and tiers on a share are written as shares: a threshold above 1 is never reached.
 */
export const PERCENT_SOURCES: ReadonlySet<string> = new Set(['service_index.percent']);

function checkSourceUnit(source: string, rule: TieredRule | RatioRule, where: string, code: string, out: TreeProblem[]): void {
  const percent = PERCENT_SOURCES.has(source);
  if (rule.kind === 'ratio' && percent) {
    out.push({ code, problem: 'SOURCE_UNIT', message: `${where}: nguồn "${source}" là điểm phần trăm (0–100), hãy chấm theo mức thay vì theo tỷ lệ` });
  }
  if (rule.kind === 'tiered' && !percent && rule.tiers.some((t) => t.threshold > 1)) {
    out.push({ code, problem: 'SOURCE_UNIT', message: `${where}: nguồn "${source}" là tỷ lệ từ 0 đến 1, ngưỡng phải ghi dạng tỷ lệ (ví dụ 0,95 cho 95%)` });
  }
}

function checkApplicability(rule: Applicability, where: string, code: string, out: TreeProblem[]): void {
  switch (rule.kind) {
    case 'always':
      return;
    case 'fact':
      if (!rule.fact.trim()) out.push({ code, problem: 'BAD_APPLICABILITY', message: `${where}: điều kiện áp dụng thiếu tên dữ kiện` });
      return;
    case 'all':
    case 'any':
      if (rule.rules.length === 0) out.push({ code, problem: 'BAD_APPLICABILITY', message: `${where}: nhóm điều kiện áp dụng đang rỗng` });
      for (const r of rule.rules) checkApplicability(r, where, code, out);
      return;
    case 'not':
      checkApplicability(rule.rule, where, code, out);
  }
}

/** Every problem of a set, in tree order; an empty list means the set may be issued. */
export function validateTree(tree: CriteriaTree): TreeProblem[] {
  const out: TreeProblem[] = [];
  const { bonus, penalty } = tree.caps;
  if (!finiteNonNegative(bonus)) out.push({ code: null, problem: 'BAD_CAP', message: 'Điểm thưởng tối đa phải là số không âm' });
  if (!finiteNonNegative(penalty)) out.push({ code: null, problem: 'BAD_CAP', message: 'Điểm trừ tối đa phải là số không âm' });
  if (tree.areas.length === 0 || tree.areas.every(isExtra)) {
    out.push({ code: null, problem: 'EMPTY_SET', message: 'Bộ tiêu chí phải có ít nhất một lĩnh vực được chấm điểm' });
  }

  const seen = new Set<string>();
  // A child's code continues its parent's ("2" → "2.1" → "2.1.3"): the XLSX layout rebuilds the tree from codes.
  const parentOf = new Map<CriterionNode, CriterionNode>();
  for (const { node } of walk(tree.areas)) for (const c of node.children ?? []) parentOf.set(c, node);
  for (const { node, depth } of walk(tree.areas)) {
    const level = LEVELS[depth];
    const code = node.code?.trim() ?? '';
    const where = `${level ? LEVEL_LABELS[level] : 'Mục'} ${code || '(chưa có mã)'}`;
    if (!code) out.push({ code: null, problem: 'EMPTY_CODE', message: `${where}: chưa có mã` });
    else if (seen.has(code)) out.push({ code, problem: 'DUPLICATE_CODE', message: `Mã "${code}" bị trùng` });
    seen.add(code);
    if (!node.text?.trim()) out.push({ code, problem: 'EMPTY_TEXT', message: `${where}: chưa có nội dung` });
    if (!level) out.push({ code, problem: 'TOO_DEEP', message: `${where}: bộ tiêu chí chỉ có ba cấp (lĩnh vực, tiêu chí, tiêu chí thành phần)` });
    const parent = parentOf.get(node);
    if (parent && code && !code.startsWith(`${parent.code.trim()}.`)) {
      out.push({ code, problem: 'CODE_NOT_UNDER_PARENT', message: `${where}: mã phải bắt đầu bằng mã của mục cha "${parent.code}." (ví dụ ${parent.code}.1)` });
    }
    if (node.applicability) checkApplicability(node.applicability, where, code, out);

    if (isLeaf(node)) {
      // A leaf is where points are entered, so it needs a positive maximum and a way of scoring.
      if (!finiteNonNegative(node.maxPoints) || node.maxPoints === 0) {
        out.push({ code, problem: 'BAD_MAX', message: `${where}: điểm tối đa phải là số lớn hơn 0` });
      }
      const s = node.scoring;
      if (!s) {
        out.push({ code, problem: 'LEAF_WITHOUT_SCORING', message: `${where}: chưa chọn cách chấm điểm` });
        continue;
      }
      if (s.kind === 'tiered' || s.kind === 'ratio') checkRule(s, node.maxPoints, where, code, out);
      if (s.kind === 'computed') {
        if (!s.source.trim()) out.push({ code, problem: 'BAD_SOURCE', message: `${where}: chưa chọn nguồn số liệu tự động` });
        checkRule(s.conversion, node.maxPoints, where, code, out);
        checkSourceUnit(s.source, s.conversion, where, code, out);
      }
      if (s.kind === 'bonus' && finiteNonNegative(bonus) && node.maxPoints > bonus + 1e-9) {
        out.push({ code, problem: 'BONUS_OVER_CAP', message: `${where}: điểm thưởng tối đa của mục (${fmt(node.maxPoints)}) vượt mức thưởng tối đa của bộ tiêu chí (${fmt(bonus)})` });
      }
      if (s.kind === 'penalty' && finiteNonNegative(penalty) && node.maxPoints > penalty + 1e-9) {
        out.push({ code, problem: 'PENALTY_OVER_CAP', message: `${where}: điểm trừ tối đa của mục (${fmt(node.maxPoints)}) vượt mức trừ tối đa của bộ tiêu chí (${fmt(penalty)})` });
      }
      continue;
    }

    if (node.scoring) out.push({ code, problem: 'PARENT_WITH_SCORING', message: `${where}: chỉ chấm điểm ở mục cuối cùng, không chấm ở mục có mục con` });
    if (!finiteNonNegative(node.maxPoints)) {
      out.push({ code, problem: 'BAD_MAX', message: `${where}: điểm tối đa phải là số không âm` });
      continue;
    }
    // A group of bonus/penalty items has no place on the 100-point scale; its maximum is informative.
    if (isExtra(node)) continue;
    const sum = node.children!.filter((c) => !isExtra(c)).reduce((a, c) => a + c.maxPoints, 0);
    if (node.maxNotSumOfChildren) {
      if (node.maxPoints > sum + 1e-9) {
        out.push({ code, problem: 'MAX_NOT_SUM', message: `${where}: điểm tối đa (${fmt(node.maxPoints)}) lớn hơn tổng điểm các mục con (${fmt(sum)}), không thể đạt được` });
      }
    } else if (!near(sum, node.maxPoints)) {
      out.push({ code, problem: 'MAX_NOT_SUM', message: `${where}: điểm tối đa (${fmt(node.maxPoints)}) khác tổng điểm các mục con (${fmt(sum)})` });
    }
  }
  return out;
}

/** The facts a set's applicability rules read, sorted: what the organiser declares for each unit. */
export function factsUsed(tree: CriteriaTree): string[] {
  const out = new Set<string>();
  const visit = (rule: Applicability): void => {
    if (rule.kind === 'fact') out.add(rule.fact);
    else if (rule.kind === 'all' || rule.kind === 'any') rule.rules.forEach(visit);
    else if (rule.kind === 'not') visit(rule.rule);
  };
  for (const { node } of walk(tree.areas)) if (node.applicability) visit(node.applicability);
  // `surveyHeld` is the round's, not the unit's (set when the round opens).
  out.delete('surveyHeld');
  return [...out].sort();
}

// ── applicability ─────────────────────────────────────────────────────────────────────────────────

/** Three-valued: a fact the unit has not declared makes the answer unknown, not false. */
type Truth = true | false | 'unknown';

function evaluate(rule: Applicability, facts: UnitFacts, missing: Set<string>): Truth {
  switch (rule.kind) {
    case 'always':
      return true;
    case 'fact':
      if (!Object.prototype.hasOwnProperty.call(facts, rule.fact)) {
        missing.add(rule.fact);
        return 'unknown';
      }
      return facts[rule.fact] === rule.equals;
    case 'all': {
      const vs = rule.rules.map((r) => evaluate(r, facts, missing));
      return vs.includes(false) ? false : vs.includes('unknown') ? 'unknown' : true;
    }
    case 'any': {
      const vs = rule.rules.map((r) => evaluate(r, facts, missing));
      return vs.includes(true) ? true : vs.includes('unknown') ? 'unknown' : false;
    }
    case 'not': {
      const v = evaluate(rule.rule, facts, missing);
      return v === 'unknown' ? v : !v;
    }
  }
}

export type ApplicabilityResult = {
  /** Codes of every node (any level) the unit is scored on. */
  applicable: ReadonlySet<string>;
  /** Codes left out, with the reason shown on the unit's sheet. */
  excluded: ReadonlyMap<string, string>;
  /** Facts the rules asked for that the unit has not declared; those criteria stay applicable. */
  missingFacts: readonly string[];
};

/**
 * Which criteria apply to a unit. A node is excluded when its own rule is false, when an ancestor is
 * excluded, or when all its children are excluded. An unknown answer keeps the criterion: excluding it
 * shrinks the denominator and so raises the unit's index, which must rest on a declared fact.
 */
export function applicable(tree: CriteriaTree, unitFacts: UnitFacts): ApplicabilityResult {
  const included = new Set<string>();
  const excluded = new Map<string, string>();
  const missing = new Set<string>();

  const excludeAll = (n: CriterionNode, reason: string) => {
    excluded.set(n.code, reason);
    for (const c of n.children ?? []) excludeAll(c, reason);
  };
  const visit = (n: CriterionNode): boolean => {
    if (n.applicability && evaluate(n.applicability, unitFacts, missing) === false) {
      excludeAll(n, `Không áp dụng với đơn vị (${n.code})`);
      return false;
    }
    if (!isLeaf(n)) {
      const any = n.children!.map(visit).some(Boolean);
      if (!any) {
        excluded.set(n.code, 'Không có mục con nào áp dụng với đơn vị');
        return false;
      }
    }
    included.add(n.code);
    return true;
  };
  tree.areas.forEach(visit);
  return { applicable: included, excluded, missingFacts: [...missing].sort() };
}
