/** A criterion's scoring and applicability in words, as the set page's table shows them. */
import type { Translate } from '../../../shared/i18n';
import type { Applicability, CriterionNode, FactValue, RatioRule, TieredRule } from '../api-sets';
import type { ParSetKey } from '../messages-sets';
import { isLeafNode } from './tree';

type T = Translate<ParSetKey>;

/** 2,5 — the Vietnamese decimal comma, as the decisions print points. */
export const points = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
/** A share 0–1 as a percentage number: 0.8 → "80". */
export const percentOf = (share: number) => points(Number((share * 100).toFixed(4)));

export function tiersText(rule: TieredRule, t: T): string {
  const key = rule.better === 'higher' ? 'tier.higher' : 'tier.lower';
  return rule.tiers.map((tier) => t(key, { threshold: points(tier.threshold), points: points(tier.points) })).join('; ');
}

function conversionText(rule: TieredRule | RatioRule, t: T): string {
  if (rule.kind === 'tiered') return tiersText(rule, t);
  return rule.target === undefined ? t('ratio.plain') : t('ratio.target', { target: percentOf(rule.target) });
}

export function sourceName(source: string, t: T): string {
  const key = `source.${source}` as ParSetKey;
  const name = t(key);
  return name === key ? source : name;
}

/** "Theo mức: ≥ 95: 2 điểm; ≥ 80: 1 điểm", "Tự động từ số liệu: Nguồn …; quy đổi …". */
export function scoringText(node: CriterionNode, t: T): { kind: string; detail: string | null } {
  if (!isLeafNode(node)) return { kind: t('scoring.parent'), detail: null };
  const s = node.scoring;
  if (!s) return { kind: t('scoring.none'), detail: null };
  const kind = t(`scoring.${s.kind}`);
  if (s.kind === 'tiered') return { kind, detail: tiersText(s, t) };
  if (s.kind === 'ratio') return { kind, detail: conversionText(s, t) };
  if (s.kind === 'computed') return { kind, detail: t('computed.text', { source: sourceName(s.source, t), conversion: conversionText(s.conversion, t) }) };
  return { kind, detail: null };
}

function factName(fact: string, t: T): string {
  const key = `fact.${fact}` as ParSetKey;
  const name = t(key);
  return name === key ? fact : name;
}

function valueText(value: FactValue, t: T): string {
  if (value === true) return t('appl.yes');
  if (value === false) return t('appl.no');
  return String(value);
}

/** The usual one-fact rule as a sentence; a combined rule as its JSON, so nothing is hidden. */
export function applicabilityText(rule: Applicability | undefined, t: T): string {
  if (!rule || rule.kind === 'always') return t('appl.always');
  if (rule.kind === 'fact') return t('appl.fact', { fact: factName(rule.fact, t), value: valueText(rule.equals, t) });
  return `${t('appl.complex')}: ${JSON.stringify(rule)}`;
}
