/**
 * Inspections, their record and their recommendations (src/modules/inspection/inspections.service.ts,
 * inspection-view.ts). Bodies are typed from the server's zod schema (types only); answers follow
 * inspection-view.ts. `view` says who reads: the inspecting side sees the whole record; the inspected
 * side, once concluded, neither the team's notes nor its log (the server leaves them out).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChecklistFigure, Rollup } from '../../../../../src/modules/inspection/checklist-rules';
import type { inspectionAction, inspectionCreateBody, recommendationAction } from '../../../../../src/modules/inspection/inspections.schema';
import { api, isApiError } from '../../../shared/api';
import { planKeys } from './api-plans';
import type { FindingKind, InspectionKind, InspectionStatus, Label, RecommendationClockState, RecommendationStatus, TopicCode, Verdict } from './labels';

export type OpenInspectionBody = z.input<typeof inspectionCreateBody>;
export type InspectionActionBody = z.input<typeof inspectionAction>;
export type InspectionActionName = InspectionActionBody['action'];
export type RecommendationActionBody = z.input<typeof recommendationAction>;
export type RecommendationActionName = RecommendationActionBody['action'];
export type TeamRole = 'lead' | 'member';
export type Scope = 'team' | 'inspecting' | 'inspected';
export const SCOPES: readonly Scope[] = ['team', 'inspecting', 'inspected'];

export interface InspectionSummary {
  id: number;
  version: number;
  kind: InspectionKind;
  status: InspectionStatus;
  inspectingUnitId: number;
  inspectingUnitName: string;
  targetUnitId: number;
  targetUnitName: string;
  planItemId: number | null;
  topics: TopicCode[];
  decisionNo: string | null;
  decisionDate: string | null;
  onSiteFrom: string;
  onSiteTo: string;
  coversFrom: string;
  coversTo: string;
  startedOn: string | null;
  conclusionNo: string | null;
  conclusionDate: string | null;
  closedOn: string | null;
  view: 'inspecting' | 'inspected';
  onTeam: boolean;
  recommendationCounts: { total: number; closed: number; overdue: number };
}

export interface ChecklistItem {
  code: string;
  kind: 'system' | 'manual';
  label: Label;
  source: Label;
  figure: ChecklistFigure | null;
  verdict: Verdict;
  /** The team's note: null for the inspected side. */
  note: string | null;
}

export interface Finding { id: number; kind: FindingKind; description: string; staff: { id: number; fullName: string; unitName: string } | null; checklistCode: string | null }

export interface RecommendationClock { state: RecommendationClockState; dueDay: string; workingDaysLate: number; workingDaysLeft: number }
export interface RecommendationUpdate { at: string; kind: 'report' | 'accept' | 'return'; on: string; text: string | null; actorName: string }
export interface Recommendation {
  id: number;
  version: number;
  seq: number;
  text: string;
  responsibleUnitId: number;
  responsibleUnitName: string;
  dueOn: string;
  dueWorkingDays: number | null;
  status: RecommendationStatus;
  closedOn: string | null;
  clock: RecommendationClock;
  updates: RecommendationUpdate[];
  allowedActions: RecommendationActionName[];
}

export interface InspectionEvent { id: number; at: string; action: string; actorName: string; note: string | null; details: Record<string, unknown> }

export interface InspectionDetail extends InspectionSummary {
  planId: number | null;
  surpriseReason: string | null;
  triggerRef: string | null;
  cancelledReason: string | null;
  team: { staffId: number; role: TeamRole; fullName: string; unitName: string }[];
  /** Taken when the team starts; null before. */
  checklist: { takenAt: string; items: ChecklistItem[]; rollup: Rollup } | null;
  findings: Finding[];
  conclusion: { no: string; date: string; signer: string; summary: string } | null;
  recommendations: Recommendation[];
  /** The working log: empty for the inspected side. */
  events: InspectionEvent[];
  allowedActions: InspectionActionName[];
}

export interface InspectionFilter { status?: InspectionStatus; kind?: InspectionKind; scope?: Scope; planId?: number }

const P = '/inspection/inspections';
export const inspectionKeys = {
  all: ['inspection', 'inspections'] as const,
  list: (f: InspectionFilter) => ['inspection', 'inspections', 'list', f] as const,
  detail: (id: number) => ['inspection', 'inspections', id] as const,
};

export function useInspections(filter: InspectionFilter) {
  return useInfiniteQuery({
    queryKey: inspectionKeys.list(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => api.get<{ inspections: InspectionSummary[]; nextCursor: number | null }>(P, { ...filter, cursor: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: number | null) {
  return useQuery({
    queryKey: inspectionKeys.detail(id ?? 0),
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<InspectionDetail>(`${P}/${id}`, undefined, signal),
    retry: (n, e) => n < 1 && !(isApiError(e) && e.status < 500),
  });
}

/**
 * Every change answers the inspection: it replaces the cached one, the lists reload, and so do the plans
 * (an item shows the inspection opened from it and its status).
 */
function useInspectionMutation<B>(send: (body: B) => Promise<InspectionDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (d) => {
      client.setQueryData(inspectionKeys.detail(d.id), d);
      void client.invalidateQueries({ queryKey: [...inspectionKeys.all, 'list'] });
      if (d.planItemId) void client.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

export const useOpenInspection = () => useInspectionMutation((body: OpenInspectionBody) => api.post<InspectionDetail>(P, body));
export const useInspectionAction = (id: number) => useInspectionMutation((body: InspectionActionBody) => api.post<InspectionDetail>(`${P}/${id}/actions`, body));
export const useRecommendationAction = (id: number, recId: number) =>
  useInspectionMutation((body: RecommendationActionBody) => api.post<InspectionDetail>(`${P}/${id}/recommendations/${recId}/actions`, body));
