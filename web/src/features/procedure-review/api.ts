/**
 * The procedure-review API (src/modules/procedure-review/API.md) as the ranking, cost, parameters and
 * review-plan pages use it (Parts A, B, D, and creating a review from C). Every write sends the version
 * it read; after a write everything of the module is read again (the ranking shows reviews and plans).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api';
import type {
  CostQuery, ListAnswer, Parameters, ParametersBody, ParametersList, ProcedureCost, Ranking, RankingQuery, Review, ReviewCreateBody,
  ReviewPlan, ReviewPlanCreateBody, ReviewPlanSummary, ReviewPlanUpdateBody, ReviewSummary, UnitsAnswer,
} from './types';

export const PR_API = '/procedure-review';
/** The root of every query key of the module: invalidating it refreshes all its pages. */
export const PR_KEY = ['procedure-review'] as const;
const P = PR_API;

/** After a write: every list and record of the module is read again. */
export function usePrSettle() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: PR_KEY });
}

// ---- Part A: parameters
export function useParameters() {
  return useQuery({ queryKey: [...PR_KEY, 'parameters'], queryFn: ({ signal }) => api.get<ParametersList>(`${P}/parameters`, undefined, signal) });
}

export function useSaveParameters() {
  const settle = usePrSettle();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: ParametersBody }) => api.put<Parameters>(`${P}/parameters/${year}`, body),
    onSuccess: settle,
  });
}

// ---- Part B: units, ranking, a procedure's cost
export function useReviewUnits() {
  return useQuery({ queryKey: [...PR_KEY, 'units'], queryFn: ({ signal }) => api.get<UnitsAnswer>(`${P}/units`, undefined, signal), staleTime: 60_000 });
}

export function useRanking(query: RankingQuery) {
  return useQuery({
    queryKey: [...PR_KEY, 'costs', query],
    queryFn: ({ signal }) => api.get<Ranking>(`${P}/costs`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProcedureCost(code: string | undefined, query: CostQuery) {
  return useQuery({
    queryKey: [...PR_KEY, 'cost', code, query],
    queryFn: ({ signal }) => api.get<ProcedureCost>(`${P}/costs/${encodeURIComponent(code!)}`, { ...query }, signal),
    enabled: !!code, placeholderData: keepPreviousData,
  });
}

// ---- Part C: opening a review form (from the cost page and a review plan's item)
/**
 * Creates the review, or finds the one that already exists for the agency, year and procedure (409
 * REVIEW_EXISTS): either way the caller gets the id to open. The shared client keeps no error details,
 * so the existing id is looked up in the agency's reviews of that year.
 */
export function useCreateReview() {
  const settle = usePrSettle();
  return useMutation({
    mutationFn: async (body: ReviewCreateBody): Promise<{ id: number; existed: boolean }> => {
      try {
        const review = await api.post<Review>(`${P}/reviews`, body);
        return { id: review.id, existed: false };
      } catch (error) {
        if (!isApiError(error) || error.code !== 'REVIEW_EXISTS') throw error;
        const list = await api.get<ListAnswer<ReviewSummary>>(`${P}/reviews`, { unitId: body.agencyUnitId, year: body.year });
        const found = list.items.find((r) => r.procedureCode === body.procedureCode && r.agencyUnitId === body.agencyUnitId && r.year === body.year);
        if (!found) throw error;
        return { id: found.id, existed: true };
      }
    },
    onSuccess: settle,
  });
}

// ---- Part D: yearly review plans
export function useReviewPlans(year: number | undefined) {
  return useQuery({
    queryKey: [...PR_KEY, 'review-plans', year],
    queryFn: ({ signal }) => api.get<ListAnswer<ReviewPlanSummary>>(`${P}/review-plans`, { year }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReviewPlan(id: number | null) {
  return useQuery({
    queryKey: [...PR_KEY, 'review-plan', id],
    queryFn: ({ signal }) => api.get<ReviewPlan>(`${P}/review-plans/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useCreateReviewPlan() {
  const settle = usePrSettle();
  return useMutation({ mutationFn: (body: ReviewPlanCreateBody) => api.post<ReviewPlan>(`${P}/review-plans`, body), onSuccess: settle });
}

export function useUpdateReviewPlan(id: number) {
  const settle = usePrSettle();
  return useMutation({ mutationFn: (body: ReviewPlanUpdateBody) => api.put<ReviewPlan>(`${P}/review-plans/${id}`, body), onSuccess: settle });
}

export function useApproveReviewPlan(id: number) {
  const settle = usePrSettle();
  return useMutation({
    mutationFn: (version: number) => api.post<ReviewPlan>(`${P}/review-plans/${id}/actions`, { action: 'approve', version }),
    onSuccess: settle,
  });
}
