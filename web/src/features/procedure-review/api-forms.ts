/**
 * Review forms and simplification plans (src/modules/procedure-review/API.md Parts C and E) as the pages
 * use them (creating a review is in api.ts). Every write sends the version it read; after one, everything
 * the module shows is read again (the ranking's review links and plan counts change with them).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';
import type {
  ListAnswer, Plan, PlanActionBody, PlanCreateBody, PlanStatus, PlanSummary, PlansSummary, PlanUpdateBody,
  Review, ReviewActionBody, ReviewStatus, ReviewSummary, ReviewUpdateBody,
} from './types';

const P = '/procedure-review';
const KEY = ['procedure-review'] as const;

export const reviewDocxUrl = (id: number) => apiUrl(`${P}/reviews/${id}/form.docx`);
export const reviewPdfUrl = (id: number) => apiUrl(`${P}/reviews/${id}/form.pdf`);

/**
 * After a write: the record as answered is shown at once (the page keeps its form and any error under
 * it), then the module's lists, records and figures are read again.
 */
function useSettle<T extends { id: number }>(record?: 'review' | 'plan') {
  const client = useQueryClient();
  return (answer?: T) => {
    if (record && answer) client.setQueryData([...KEY, record, answer.id], answer);
    void client.invalidateQueries({ queryKey: KEY });
  };
}

// ---- Part C: review forms

export interface ReviewsFilter { unitId?: number; year?: number; status?: ReviewStatus }

export function useReviews(filter: ReviewsFilter) {
  return useQuery({
    queryKey: [...KEY, 'reviews', filter],
    queryFn: ({ signal }) => api.get<ListAnswer<ReviewSummary>>(`${P}/reviews`, { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReview(id: number | null) {
  return useQuery({ queryKey: [...KEY, 'review', id], queryFn: ({ signal }) => api.get<Review>(`${P}/reviews/${id}`, undefined, signal), enabled: id !== null });
}

export function useUpdateReview(id: number) {
  const settle = useSettle<Review>('review');
  return useMutation({ mutationFn: (body: ReviewUpdateBody) => api.put<Review>(`${P}/reviews/${id}`, body), onSuccess: settle });
}

export function useReviewAction(id: number) {
  const settle = useSettle<Review>('review');
  return useMutation({ mutationFn: (body: ReviewActionBody) => api.post<Review>(`${P}/reviews/${id}/actions`, body), onSuccess: settle });
}

// ---- Part E: simplification plans

export interface PlansFilter { unitId?: number; year?: number; status?: PlanStatus }

export function usePlans(filter: PlansFilter) {
  return useQuery({
    queryKey: [...KEY, 'plans', filter],
    queryFn: ({ signal }) => api.get<ListAnswer<PlanSummary>>(`${P}/plans`, { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlansSummary(year: number) {
  return useQuery({
    queryKey: [...KEY, 'plans-summary', year],
    queryFn: ({ signal }) => api.get<PlansSummary>(`${P}/plans/summary`, { year }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number | null) {
  return useQuery({ queryKey: [...KEY, 'plan', id], queryFn: ({ signal }) => api.get<Plan>(`${P}/plans/${id}`, undefined, signal), enabled: id !== null });
}

export function useCreatePlan() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: PlanCreateBody) => api.post<Plan>(`${P}/plans`, body), onSuccess: settle });
}

export function useUpdatePlan(id: number) {
  const settle = useSettle<Plan>('plan');
  return useMutation({ mutationFn: (body: PlanUpdateBody) => api.put<Plan>(`${P}/plans/${id}`, body), onSuccess: settle });
}

export function usePlanAction(id: number) {
  const settle = useSettle<Plan>('plan');
  return useMutation({ mutationFn: (body: PlanActionBody) => api.post<Plan>(`${P}/plans/${id}/actions`, body), onSuccess: settle });
}
