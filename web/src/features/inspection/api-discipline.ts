/**
 * Discipline cases under Decree 172/2025 (src/modules/inspection/discipline.service.ts, discipline-view.ts).
 * Bodies are typed from the server's zod schema (types only); answers follow discipline-view.ts.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FORMS, STEPS, disciplineAction, disciplineCreateBody } from '../../../../src/modules/inspection/schema';
import type { CouncilRole } from '../../../../src/modules/inspection/rules/discipline';
import { api, isApiError } from '../../shared/api';
import type { ClockState } from './api-cases';

export type { CouncilRole };
export type Form = (typeof FORMS)[number];
export type StepName = (typeof STEPS)[number];
export const STEP_ORDER: readonly StepName[] = ['notice', 'review_meeting', 'review_report', 'summons', 'council_meeting', 'recommendation'];
export const COUNCIL_ROLES: readonly CouncilRole[] = ['chair', 'employing_unit_leader', 'personnel'];
export type DisciplineStatus = 'open' | 'decided' | 'closed';
export const DISCIPLINE_STATUSES: readonly DisciplineStatus[] = ['open', 'decided', 'closed'];
export type PersonKind = 'cong_chuc' | 'can_bo';
export type LimitationClass = 'reprimand_level' | 'other' | 'no_limitation';
export const LIMITATION_CLASSES: readonly LimitationClass[] = ['reprimand_level', 'other', 'no_limitation'];
export type DeferralReason = 'illness' | 'maternity' | 'criminal' | 'complaint' | 'other';
export const DEFERRAL_REASONS: readonly DeferralReason[] = ['illness', 'maternity', 'criminal', 'complaint', 'other'];
export type Shortcut = 'conclusion' | 'conviction' | 'party';
export const SHORTCUTS: readonly Shortcut[] = ['conclusion', 'conviction', 'party'];
/**
 * Art. 2(11)'s relations (rules/discipline.ts BARRED_RELATIONS): a relative of the person may not sit on the
 * council. The server checks; the page offers the same words.
 */
export const RELATIONS = ['spouse', 'parent', 'parent_in_law', 'adoptive_parent', 'child', 'adopted_child', 'sibling', 'aunt_uncle', 'spouse_sibling', 'sibling_spouse'] as const;
export type Relation = (typeof RELATIONS)[number];

export type OpenBody = z.input<typeof disciplineCreateBody>;
export type DisciplineActionBody = z.input<typeof disciplineAction>;
export type DisciplineActionName = DisciplineActionBody['action'];

/** Stages as the list shows them: the last step recorded, deferred, or the outcome. */
export type Stage = 'opened' | 'deferred' | 'decided' | 'closed' | StepName | 'council_set_up';

export interface DisciplineDecision {
  form: Form;
  formName: string;
  decisionNo: string;
  decisionDate: string;
  effectiveOn: string;
  partyDecisionEffectiveOn: string | null;
  lapsesOn: string | null;
  lastDayInForce: string | null;
  inForce: boolean;
  superseded: boolean;
}

export interface DisciplineSummary {
  id: number;
  version: number;
  status: DisciplineStatus;
  stage: Stage;
  deferred: boolean;
  unitId: number;
  unitName: string;
  subject: { staffId: number; fullName: string; unitName: string; position: string | null };
  personKind: PersonKind;
  holdsPost: boolean;
  offenceSummary: string;
  discoveredOn: string;
  /** The concluded complaint or denunciation the case was opened from. */
  sourceCaseId: number | null;
  decision: DisciplineDecision | null;
}
export interface DisciplinePage { cases: DisciplineSummary[]; nextCursor: number | null }

export interface DisciplineClock {
  name: 'limitation' | 'time_limit' | 'review_report' | 'council_set_up' | 'summons' | 'recommendation' | 'decision' | 'termination_after_judgment';
  label: string;
  /** null: no limitation applies (art. 5(4)). */
  dueOn: string | null;
  doneOn: string | null;
  state: ClockState;
}

export interface DisciplineDetail extends DisciplineSummary {
  offenceEndedOn: string | null;
  offenceConcludedOn: string | null;
  laterOffences: string[];
  limitationClass: LimitationClass;
  complex: boolean;
  steps: { notice: string | null; reviewMeeting: string | null; reviewReport: string | null; councilSetUp: string | null; summons: string | null; councilMeeting: string | null; recommendation: string | null };
  deferrals: { from: string; to: string | null; reason: DeferralReason; note: string | null }[];
  council: { staffId: number; role: CouncilRole; fullName: string }[];
  /** The secret ballot and the minutes: null for the person under discipline (deliberationsHidden). */
  deliberations: { ballot: { present: number; yes: number; no: number; forms: Partial<Record<Form, number>> }; minutes: string | null } | null;
  deliberationsHidden: boolean;
  recommendedForm: Form | null;
  closedOn: string | null;
  closedReason: string | null;
  formsAllowed: Form[];
  priorDecision: { caseId: number; form: Form; effectiveOn: string; lapsesOn: string; minimumForm: Form | null } | null;
  clocks: DisciplineClock[];
  events: { id: number; at: string; action: string; actorName: string; note: string | null; details: Record<string, unknown> }[];
  standing: 'reader' | 'subject';
  allowedActions: DisciplineActionName[];
}

export interface DisciplineFilter { status?: DisciplineStatus }

const P = '/inspection/discipline';
export const disciplineKeys = {
  all: ['inspection', 'discipline'] as const,
  list: (f: DisciplineFilter) => ['inspection', 'discipline', 'list', f] as const,
  detail: (id: number) => ['inspection', 'discipline', id] as const,
};

export function useDisciplineCases(filter: DisciplineFilter) {
  return useInfiniteQuery({
    queryKey: disciplineKeys.list(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => api.get<DisciplinePage>(P, { ...filter, cursor: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDisciplineCase(id: number | null) {
  return useQuery({
    queryKey: disciplineKeys.detail(id ?? 0),
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<DisciplineDetail>(`${P}/${id}`, undefined, signal),
    retry: (n, e) => n < 1 && !(isApiError(e) && e.status < 500),
  });
}

export function useOpenDiscipline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenBody) => api.post<DisciplineDetail>(P, body),
    onSuccess: (d) => {
      client.setQueryData(disciplineKeys.detail(d.id), d);
      void client.invalidateQueries({ queryKey: [...disciplineKeys.all, 'list'] });
    },
  });
}

export function useDisciplineAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DisciplineActionBody) => api.post<DisciplineDetail>(`${P}/${id}/actions`, body),
    onSuccess: (d) => {
      client.setQueryData(disciplineKeys.detail(id), d);
      void client.invalidateQueries({ queryKey: [...disciplineKeys.all, 'list'] });
    },
  });
}
