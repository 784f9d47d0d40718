/**
 * The server's codes and labels of plans and inspections (zod-free modules the web may load as they are),
 * read in the current locale.
 */
import { useCallback } from 'react';
import { useLocale } from '../../../shared/i18n';
import { CHECKLIST } from '../../../../../src/modules/inspection/checklist-rules';
import {
  FINDING_KIND_LABELS, FINDING_KINDS, INSPECTION_KIND_LABELS, INSPECTION_KINDS, INSPECTION_STATUS_LABELS, INSPECTION_STATUSES, PLAN_STATUS_LABELS, PLAN_STATUSES,
  RECOMMENDATION_CLOCK_LABELS, RECOMMENDATION_STATUS_LABELS, TOPIC_LABELS, TOPICS, VERDICT_LABELS, VERDICTS,
  type FindingKind, type InspectionKind, type InspectionStatus, type Label, type PlanStatus, type RecommendationClockState, type RecommendationStatus, type TopicCode, type Verdict,
} from '../../../../../src/modules/inspection/inspection-labels';

export { FINDING_KINDS, INSPECTION_KINDS, INSPECTION_STATUSES, PLAN_STATUSES, TOPICS, VERDICTS };
export type { FindingKind, InspectionKind, InspectionStatus, Label, PlanStatus, RecommendationClockState, RecommendationStatus, TopicCode, Verdict };

/** A `{ vi, en }` label in the current locale. */
export function useLabel(): (l: Label | null | undefined) => string {
  const locale = useLocale();
  return useCallback((l) => (l ? l[locale] || l.vi : ''), [locale]);
}

/** Every code the pages show, in words of the current locale; an unknown code is shown as it is. */
export function useCodes() {
  const label = useLabel();
  return {
    topic: (c: string) => label(TOPIC_LABELS[c as TopicCode]) || c,
    planStatus: (c: string) => label(PLAN_STATUS_LABELS[c as PlanStatus]) || c,
    kind: (c: string) => label(INSPECTION_KIND_LABELS[c as InspectionKind]) || c,
    status: (c: string) => label(INSPECTION_STATUS_LABELS[c as InspectionStatus]) || c,
    verdict: (c: string) => label(VERDICT_LABELS[c as Verdict]) || c,
    finding: (c: string) => label(FINDING_KIND_LABELS[c as FindingKind]) || c,
    recStatus: (c: string) => label(RECOMMENDATION_STATUS_LABELS[c as RecommendationStatus]) || c,
    clock: (c: string) => label(RECOMMENDATION_CLOCK_LABELS[c as RecommendationClockState]) || c,
    checklistItem: (code: string) => label(CHECKLIST.find((d) => d.code === code)?.label) || code,
  };
}
