/**
 * Inspection plans (src/modules/inspection/plans.service.ts, plan-view.ts). Request bodies are typed from the
 * server's zod schema (types only: the web never loads zod from there), so a renamed field fails type
 * checking here; answers follow plan-view.ts.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { planAction, planCreateBody } from '../../../../../src/modules/inspection/plans.schema';
import { api, isApiError } from '../../../shared/api';
import type { InspectionStatus, PlanStatus, TopicCode } from './labels';

export type PlanCreateBody = z.input<typeof planCreateBody>;
export type PlanActionBody = z.input<typeof planAction>;
export type PlanActionName = PlanActionBody['action'];
export type PlanItemBody = z.input<typeof planCreateBody>['items'] extends (infer I)[] | undefined ? I : never;

export interface PlanSummary {
  id: number;
  version: number;
  inspectingUnitId: number;
  inspectingUnitName: string;
  year: number;
  title: string;
  status: PlanStatus;
  decisionNo: string | null;
  decisionDate: string | null;
  signer: string | null;
  /** Items in the plan, and items taken out of it after approval. */
  itemCount: number;
  cancelledCount: number;
}

export interface PlanItem {
  id: number;
  targetUnitId: number;
  targetUnitName: string;
  topics: TopicCode[];
  plannedFrom: string;
  plannedTo: string;
  lead: { id: number; fullName: string } | null;
  note: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  /** The live inspection opened from the item (a cancelled one frees it). */
  inspection: { id: number; status: InspectionStatus } | null;
}

export interface PlanEvent { id: number; at: string; action: string; actorName: string; note: string | null; details: Record<string, unknown> }

export interface PlanDetail extends PlanSummary {
  note: string | null;
  items: PlanItem[];
  events: PlanEvent[];
  /** What the caller may do now: item changes after approval are amendments and need a reason. */
  allowedActions: PlanActionName[];
}

export interface PlanFilter { year?: number; unitId?: number; status?: PlanStatus }

const P = '/inspection/plans';
export const planKeys = {
  all: ['inspection', 'plans'] as const,
  list: (f: PlanFilter) => ['inspection', 'plans', 'list', f] as const,
  detail: (id: number) => ['inspection', 'plans', id] as const,
};

export function usePlans(filter: PlanFilter) {
  return useInfiniteQuery({
    queryKey: planKeys.list(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => api.get<{ plans: PlanSummary[]; nextCursor: number | null }>(P, { ...filter, cursor: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number | null) {
  return useQuery({
    queryKey: planKeys.detail(id ?? 0),
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<PlanDetail>(`${P}/${id}`, undefined, signal),
    retry: (n, e) => n < 1 && !(isApiError(e) && e.status < 500),
  });
}

/** Every plan change answers the plan: it replaces the cached one and the lists reload. */
function usePlanMutation<B>(send: (body: B) => Promise<PlanDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (plan) => {
      client.setQueryData(planKeys.detail(plan.id), plan);
      void client.invalidateQueries({ queryKey: [...planKeys.all, 'list'] });
    },
  });
}

export const useCreatePlan = () => usePlanMutation((body: PlanCreateBody) => api.post<PlanDetail>(P, body));
export const usePlanAction = (id: number) => usePlanMutation((body: PlanActionBody) => api.post<PlanDetail>(`${P}/${id}/actions`, body));
