/**
 * Annual evaluation and staffing statistics (src/modules/personnel/evaluations.service.ts, the stats route).
 * Bodies are typed from the server's zod schema (types only); answers follow the service's `list`, `sheet`
 * and `view`, and the statistics follow rules/staffing-stats.ts `StaffingTable`.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EvaluationRule } from '../../../../src/modules/personnel/rules/evaluation';
import type { StaffingCounts, StaffingTable } from '../../../../src/modules/personnel/rules/staffing-stats';
import type { reviewBody, selfBody } from '../../../../src/modules/personnel/schema';
import { api, apiUrl } from '../../shared/api';
import { type EvaluationStatus, invalidatePeople } from './api-people';
import type { Rating } from './labels';

export type { EvaluationRule, StaffingCounts, StaffingTable };
export type SelfBody = z.input<typeof selfBody>;
export type ReviewBody = z.input<typeof reviewBody>;

export interface EvaluationRow {
  personId: number;
  fullName: string;
  position: string | null;
  unitName: string;
  status: EvaluationStatus;
  points: number | null;
  proposedRating: Rating | null;
  rating: Rating | null;
  demoted: boolean;
  version: number | null;
}
export interface EvaluationList {
  year: number;
  rule: { name: string; fromYear: number; excellentQuota: EvaluationRule['excellentQuota'] } | null;
  items: EvaluationRow[];
}

export interface SelfFacts { generalPoints: number; taskPoints: number; tasks: { total: number; done: number; exceeded: number }; criteria: { total: number; weak: number; failed: number } }
export interface Sheet {
  year: number;
  status: Exclude<EvaluationStatus, 'not_started'>;
  selfAssessment: string | null;
  selfFacts: SelfFacts | null;
  managerComment: string | null;
  meetingMinutes: string | null;
  points: number | null;
  proposedRating: Rating | null;
  rating: Rating | null;
  demoted: boolean;
  reasons: string[] | null;
  reviewedAt: string | null;
  approvedAt: string | null;
  version: number;
}
export interface SystemFacts {
  dossierSteps: { total: number; onTime: number } | null;
  directiveTasks: { total: number; done: number; onTime: number } | null;
  par: { points: number; rank: number | null; of: number | null } | null;
}
/** GET /people/:id/evaluations/:year: the sheet (null before the self-assessment) and what the system knows of the year. */
export interface SheetDetail {
  person: { id: number; fullName: string; unitName: string; position: string | null };
  year: number;
  canSelf: boolean;
  canReview: boolean;
  rule: { fromYear: number; name: string; rule: EvaluationRule; version: number } | null;
  systemFacts: SystemFacts | null;
  disciplined: boolean;
  sheet: Sheet | null;
}

/** GET /stats: the table over a scope (the province, or a chosen unit's direct children as rows). */
export interface StaffingSummary extends StaffingTable { scope?: { id: number; name: string } }

export const evaluationKeys = {
  list: (unitId: number, year: number) => ['personnel', 'evaluations', unitId, year] as const,
  sheet: (personId: number, year: number) => ['personnel', 'sheet', personId, year] as const,
  stats: (unitId: number | null, day: string | null) => ['personnel', 'stats', unitId ?? 'all', day ?? 'today'] as const,
};

export function useEvaluations(unitId: number | null, year: number) {
  return useQuery({
    queryKey: evaluationKeys.list(unitId ?? 0, year),
    queryFn: ({ signal }) => api.get<EvaluationList>('/personnel/evaluations', { unitId, year }, signal),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useSheet(personId: number | null, year: number) {
  return useQuery({
    queryKey: evaluationKeys.sheet(personId ?? 0, year),
    queryFn: ({ signal }) => api.get<SheetDetail>(`/personnel/people/${personId}/evaluations/${year}`, undefined, signal),
    enabled: personId !== null,
  });
}

function useEvaluationMutation<B, R>(send: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['personnel', 'evaluations'] });
      void client.invalidateQueries({ queryKey: ['personnel', 'sheet'] });
      invalidatePeople(client);
    },
  });
}

export const useSelfAssess = (personId: number, year: number) => useEvaluationMutation((body: SelfBody) => api.put<Sheet>(`/personnel/people/${personId}/evaluations/${year}/self`, body));
export const useReview = (personId: number, year: number) => useEvaluationMutation((body: ReviewBody) => api.put<Sheet>(`/personnel/people/${personId}/evaluations/${year}/review`, body));
export const useApproveEvaluations = () => useEvaluationMutation((body: { unitId: number; year: number }) => api.post<{ approved: number; demoted: number[] }>('/personnel/evaluations/approve', body));

export function useStats(unitId: number | null, day: string | null) {
  return useQuery({
    queryKey: evaluationKeys.stats(unitId, day),
    queryFn: ({ signal }) => api.get<StaffingSummary>('/personnel/stats', { unitId, day }, signal),
    placeholderData: keepPreviousData,
  });
}

export const statsXlsxUrl = (unitId: number | null, day: string | null) => apiUrl('/personnel/stats.xlsx', { unitId, day });
