import { useMutation, useQuery } from '@tanstack/react-query';
import type { GroupBy, KioskDossier, RatingChannel, RatingLevel, Results } from '../../../../src/modules/satisfaction/schema';
import { api } from '../../shared/api';

export type { GroupBy, KioskDossier, RatingLevel, Results };

export type IssuedCode = { code: string; renewed: boolean; kioskUrl: string; expiresAt: string | null; expiresOn: string | null };
export type PaperRating = { level: RatingLevel; label: { vi: string; en: string }; comment: string | null; channel: RatingChannel; ratedAt: string };

/** The kiosk: never retried on its own (wrong codes are counted and limited per address). */
export function useKioskCheck() {
  return useMutation({ retry: false, mutationFn: (code: string) => api.post<KioskDossier>('/public/ratings/check', { code }) });
}
export function useKioskRate() {
  return useMutation({ retry: false, mutationFn: (body: { code: string; level: RatingLevel; comment?: string | null }) => api.post<{ rated: true }>('/public/ratings', body) });
}

export function useIssueCode(dossierCode: string) {
  return useMutation({ mutationFn: (renew: boolean) => api.post<IssuedCode>(`/dossiers/${encodeURIComponent(dossierCode)}/rating-code`, renew ? { renew: true } : {}) });
}
export function usePaperRating(dossierCode: string) {
  return useMutation({ mutationFn: (body: { level: RatingLevel; comment?: string | null }) => api.post<PaperRating>(`/dossiers/${encodeURIComponent(dossierCode)}/rating`, body) });
}

export function useResults(q: { from: string; to: string; unitId?: string | undefined; groupBy: GroupBy }) {
  return useQuery({
    queryKey: ['satisfaction', q],
    queryFn: ({ signal }) => api.get<Results>('/satisfaction', { from: q.from, to: q.to, groupBy: q.groupBy, ...(q.unitId ? { unitId: q.unitId } : {}) }, signal),
  });
}
