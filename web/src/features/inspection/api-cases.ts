/**
 * Complaint and denunciation cases (src/modules/inspection/cases.service.ts, case-view.ts). Bodies are typed
 * from the server's zod schema (types only); answers follow case-view.ts.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CASE_KINDS, CASE_STATUSES, caseAction, caseCreateBody } from '../../../../src/modules/inspection/schema';
import { api, isApiError } from '../../shared/api';

export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const KINDS: readonly CaseKind[] = ['complaint_first', 'complaint_second', 'denunciation', 'not_eligible'];
export const STATUSES: readonly CaseStatus[] = ['received', 'accepted', 'verifying', 'concluded', 'refused'];
export type Channel = z.input<typeof caseCreateBody>['channel'];
export const CHANNELS: readonly Channel[] = ['portal', 'desk', 'feedback', 'mail'];
export type Complexity = 'normal' | 'complex' | 'especially_complex';
export const COMPLEXITIES: readonly Complexity[] = ['normal', 'complex', 'especially_complex'];
export type Outcome = 'founded' | 'partly_founded' | 'unfounded' | 'withdrawn';
export const OUTCOMES: readonly Outcome[] = ['founded', 'partly_founded', 'unfounded', 'withdrawn'];

/** The POST body; `feedbackId` (the feedback item's code) links a case made from a feedback item. */
export type ReceiveBody = z.input<typeof caseCreateBody>;
export type CaseActionBody = z.input<typeof caseAction>;
export type CaseActionName = CaseActionBody['action'];
export const CASE_ACTIONS: readonly CaseActionName[] = ['classify', 'accept', 'refuse', 'start_verification', 'extend', 'conclude', 'publish', 'set_team'];

export type ClockState = 'running' | 'overdue' | 'done_in_time' | 'done_late';
export interface CaseClock {
  name: 'acceptance' | 'intake' | 'limitation' | 'resolution';
  label: string;
  dueOn: string;
  period: { days: number; kind: 'calendar' | 'working' };
  /** The first day of the rule set the clock was counted with, and whether that set is confirmed. */
  rulesFrom: string;
  verified: boolean;
  doneOn: string | null;
  state: ClockState;
  latestPossibleOn?: string;
}

export interface CaseSummary {
  id: number;
  version: number;
  kind: CaseKind;
  status: CaseStatus;
  receivedOn: string;
  channel: Channel;
  handlingUnitId: number;
  handlingUnitName: string;
  subjectUnitId: number;
  subjectUnitName: string;
  subjectStaff: { id: number; fullName: string } | null;
  summary: string;
  acceptedOn: string | null;
  concludedOn: string | null;
  outcome: Outcome | null;
  published: boolean;
  nextClock: CaseClock | null;
}
export interface CasesPage { cases: CaseSummary[]; nextCursor: number | null }

export interface Party { fullName: string; idNumber: string | null; address: string | null; phone: string | null; email: string | null }
export interface CaseEvent { id: number; at: string; action: string; actorName: string; note: string | null; details: Record<string, unknown> }

export interface CaseDetail extends CaseSummary {
  sourceRef: string | null;
  learnedOn: string | null;
  refusedOn: string | null;
  refusalReason: string | null;
  remoteArea: boolean;
  complexity: Complexity;
  severalPlaces: boolean;
  extensions: number[];
  conclusion: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  publishedOn: string | null;
  /** null outside the handling team when the identity is protected (a denunciation). */
  party: Party | null;
  identityProtected: boolean;
  onTeam: boolean;
  team: { staffId: number; role: 'lead' | 'member'; fullName: string }[];
  clocks: CaseClock[];
  events: CaseEvent[];
  allowedActions: CaseActionName[];
  /** Discipline cases opened from this one (their ids; reading them is discipline.read's business). */
  disciplineCaseIds?: number[];
}

/** GET /inspection/cases/draft-from-feedback/:code: what a conduct feedback item already says (case-from-feedback.ts). */
export interface FeedbackDraft {
  kind: 'denunciation';
  channel: 'feedback';
  sourceRef: string;
  /** The feedback item's code, sent back with the case so the server records its source. */
  feedbackId: string;
  receivedOn: string;
  summary: string;
  subjectUnitId: number;
  subjectStaffId: number | null;
  /** Not promised by the endpoint; used when present so the form names the official without another read. */
  subjectStaffName?: string | null;
  handlingUnitId: number | null;
  party: { fullName: string; idNumber?: string | null; address?: string | null; phone?: string | null; email?: string | null };
}

export interface CaseFilter { status?: CaseStatus; kind?: CaseKind }

const P = '/inspection/cases';
export const caseKeys = {
  all: ['inspection', 'cases'] as const,
  list: (f: CaseFilter) => ['inspection', 'cases', 'list', f] as const,
  detail: (id: number) => ['inspection', 'cases', id] as const,
  draft: (feedbackCode: string) => ['inspection', 'cases', 'draft', feedbackCode] as const,
};

export function useCases(filter: CaseFilter) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => api.get<CasesPage>(P, { ...filter, cursor: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number | null) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? 0),
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<CaseDetail>(`${P}/${id}`, undefined, signal),
    retry: (n, e) => n < 1 && !(isApiError(e) && e.status < 500),
  });
}

export function useFeedbackDraft(feedbackCode: string | null) {
  return useQuery({
    queryKey: caseKeys.draft(feedbackCode ?? ''),
    enabled: !!feedbackCode,
    queryFn: ({ signal }) => api.get<FeedbackDraft>(`${P}/draft-from-feedback/${encodeURIComponent(feedbackCode ?? '')}`, undefined, signal),
    retry: false,
    // A draft is read once: refetching would overwrite what the user has typed since.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useReceiveCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceiveBody) => api.post<CaseDetail>(P, body),
    onSuccess: (d) => {
      client.setQueryData(caseKeys.detail(d.id), d);
      void client.invalidateQueries({ queryKey: [...caseKeys.all, 'list'] });
    },
  });
}

export function useCaseAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseActionBody) => api.post<CaseDetail>(`${P}/${id}/actions`, body),
    onSuccess: (d) => {
      client.setQueryData(caseKeys.detail(id), d);
      void client.invalidateQueries({ queryKey: [...caseKeys.all, 'list'] });
    },
  });
}
