/**
 * Typed calls for Parts C and D of the quality API (src/modules/quality/API.md): internal audits,
 * nonconformities and their corrective actions, proposals from the signals, management reviews.
 * Every change answers the record; it replaces the cached copy and the other quality lists read again
 * (a finding opens a nonconformity, a closed nonconformity changes a review's inputs).
 */
import { keepPreviousData, type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api';
import type {
  AuditCreateBody, AuditDetail, AuditItemResult, AuditSummary, FindingBody, NcCreateBody, NcDetail, NcPlanBody, NcSource, NcStatus, NcSummary,
  ProposalList, ReviewDetail, ReviewSummary, ReviewUpdateBody,
} from './types-audit';

const Q = '/quality';
export const auditKeys = {
  all: ['quality'] as const,
  audits: (qmsId: number, year: number) => ['quality', 'audits', qmsId, year] as const,
  audit: (id: number) => ['quality', 'audit', id] as const,
  ncs: (qmsId: number, f: NcFilter) => ['quality', 'ncs', qmsId, f] as const,
  nc: (id: number) => ['quality', 'nc', id] as const,
  proposals: (qmsId: number, p: { from?: string; to?: string }) => ['quality', 'proposals', qmsId, p] as const,
  reviews: (qmsId: number) => ['quality', 'reviews', qmsId] as const,
  review: (id: number) => ['quality', 'review', id] as const,
};

/** A detail read: a 4xx is an answer (not found, forbidden), not worth a retry. */
const once = (n: number, e: unknown) => n < 1 && !(isApiError(e) && e.status < 500);

/** A change answered one record: keep it, and let every other quality read come again. */
function useChange<B, R extends { id: number }>(send: (body: B) => Promise<R>, key: (r: R) => QueryKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (r) => {
      const own = key(r);
      client.setQueryData(own, r);
      void client.invalidateQueries({ queryKey: auditKeys.all, predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify(own) });
    },
  });
}

// Audits
export function useAudits(qmsId: number | null, year: number) {
  return useQuery({
    queryKey: auditKeys.audits(qmsId ?? 0, year),
    enabled: qmsId !== null,
    queryFn: ({ signal }) => api.get<{ items: AuditSummary[] }>(`${Q}/systems/${qmsId}/audits`, { year }, signal),
    select: (b) => b.items,
    placeholderData: keepPreviousData,
    retry: once,
  });
}

export function useAudit(id: number | null) {
  return useQuery({ queryKey: auditKeys.audit(id ?? 0), enabled: id !== null, queryFn: ({ signal }) => api.get<AuditDetail>(`${Q}/audits/${id}`, undefined, signal), retry: once });
}

const auditKey = (a: AuditDetail) => auditKeys.audit(a.id);
export const useCreateAudit = (qmsId: number) => useChange((b: AuditCreateBody) => api.post<AuditDetail>(`${Q}/systems/${qmsId}/audits`, b), auditKey);
export const useStartAudit = (id: number) => useChange((b: { version: number }) => api.post<AuditDetail>(`${Q}/audits/${id}/start`, b), auditKey);
export const useAddAuditItem = (id: number) =>
  useChange((b: { version: number; question: string; clause?: string; processId?: number }) => api.post<AuditDetail>(`${Q}/audits/${id}/items`, b), auditKey);
export const useSetAuditItem = (id: number) =>
  useChange(({ seq, ...b }: { seq: number; version: number; result: AuditItemResult; evidenceNote?: string }) => api.put<AuditDetail>(`${Q}/audits/${id}/items/${seq}`, b), auditKey);
export const useAddFinding = (id: number) => useChange((b: FindingBody & { version: number }) => api.post<AuditDetail>(`${Q}/audits/${id}/findings`, b), auditKey);
export const useReportAudit = (id: number) => useChange((b: { version: number; summary: string }) => api.post<AuditDetail>(`${Q}/audits/${id}/report`, b), auditKey);

// Nonconformities
export interface NcFilter { status?: NcStatus; source?: NcSource; mine?: boolean }

export function useNonconformities(qmsId: number | null, f: NcFilter) {
  return useQuery({
    queryKey: auditKeys.ncs(qmsId ?? 0, f),
    enabled: qmsId !== null,
    queryFn: ({ signal }) => api.get<{ items: NcSummary[] }>(`${Q}/systems/${qmsId}/nonconformities`, { status: f.status, source: f.source, mine: f.mine ? 'true' : undefined }, signal),
    select: (b) => b.items,
    placeholderData: keepPreviousData,
    retry: once,
  });
}

export function useNonconformity(id: number | null) {
  return useQuery({ queryKey: auditKeys.nc(id ?? 0), enabled: id !== null, queryFn: ({ signal }) => api.get<NcDetail>(`${Q}/nonconformities/${id}`, undefined, signal), retry: once });
}

const ncKey = (n: NcDetail) => auditKeys.nc(n.id);
export const useCreateNonconformity = (qmsId: number) => useChange((b: NcCreateBody) => api.post<NcDetail>(`${Q}/systems/${qmsId}/nonconformities`, b), ncKey);
export const usePlanNonconformity = (id: number) => useChange((b: NcPlanBody) => api.post<NcDetail>(`${Q}/nonconformities/${id}/plan`, b), ncKey);
export const useActionDone = (id: number) =>
  useChange(({ seq, ...b }: { seq: number; version: number; note?: string }) => api.post<NcDetail>(`${Q}/nonconformities/${id}/actions/${seq}/done`, b), ncKey);
export const useVerifyNonconformity = (id: number) =>
  useChange((b: { version: number; result: 'effective' | 'not_effective'; note: string }) => api.post<NcDetail>(`${Q}/nonconformities/${id}/verify`, b), ncKey);
export const useCloseNonconformity = (id: number) => useChange((b: { version: number }) => api.post<NcDetail>(`${Q}/nonconformities/${id}/close`, b), ncKey);

// Proposals
export function useProposals(qmsId: number | null, period: { from?: string; to?: string }) {
  return useQuery({
    queryKey: auditKeys.proposals(qmsId ?? 0, period),
    enabled: qmsId !== null,
    queryFn: ({ signal }) => api.get<ProposalList>(`${Q}/systems/${qmsId}/proposals`, period, signal),
    placeholderData: keepPreviousData,
    retry: once,
  });
}

export const useAcceptProposal = (qmsId: number) => useChange((b: { sourceKey: string; ownerUnitId: number }) => api.post<NcDetail>(`${Q}/systems/${qmsId}/proposals/accept`, b), ncKey);

export function useDismissProposal(qmsId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (b: { sourceKey: string; reason: string }) => api.post<void>(`${Q}/systems/${qmsId}/proposals/dismiss`, b),
    onSuccess: () => client.invalidateQueries({ queryKey: ['quality', 'proposals', qmsId] }),
  });
}

// Management reviews
export function useReviews(qmsId: number | null) {
  return useQuery({
    queryKey: auditKeys.reviews(qmsId ?? 0),
    enabled: qmsId !== null,
    queryFn: ({ signal }) => api.get<{ items: ReviewSummary[] }>(`${Q}/systems/${qmsId}/reviews`, undefined, signal),
    select: (b) => b.items,
    retry: once,
  });
}

export function useReview(id: number | null) {
  return useQuery({ queryKey: auditKeys.review(id ?? 0), enabled: id !== null, queryFn: ({ signal }) => api.get<ReviewDetail>(`${Q}/reviews/${id}`, undefined, signal), retry: once });
}

const reviewKey = (r: ReviewDetail) => auditKeys.review(r.id);
export const useCreateReview = (qmsId: number) =>
  useChange((b: { heldOn: string; chairStaffId?: number; attendees?: string }) => api.post<ReviewDetail>(`${Q}/systems/${qmsId}/reviews`, b), reviewKey);
export const useUpdateReview = (id: number) => useChange((b: ReviewUpdateBody) => api.put<ReviewDetail>(`${Q}/reviews/${id}`, b), reviewKey);
export const useHoldReview = (id: number) => useChange((b: { version: number }) => api.post<ReviewDetail>(`${Q}/reviews/${id}/hold`, b), reviewKey);
export const useAssignReview = (id: number) => useChange((b: { version: number; number: string }) => api.post<ReviewDetail>(`${Q}/reviews/${id}/assign`, b), reviewKey);
