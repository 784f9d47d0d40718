import { useQuery } from '@tanstack/react-query';
import type { OpenTimeliness, Timeliness } from '../../../../src/modules/dossiers/rules/statuses';
import { api } from '../../shared/api';

/** GET /public/dossiers/:code?key= — status, dates and steps by agency; no personal data. */
export interface PublicDossier {
  code: string;
  procedureName: string;
  status: string;
  statusCode: number;
  statusName: string;
  statusNameEn: string;
  receivedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  returnedAt: string | null;
  timeliness: Timeliness | OpenTimeliness | null;
  /** Waiting for the applicant's supplement: the clock stopped then (form 02). */
  pausedSince: string | null;
  /** Closed long ago and moved to the archive (still found by its code). */
  archived: boolean;
  archivedAt: string | null;
  steps: PublicStep[];
}

export interface PublicStep {
  step: number;
  name: string;
  unitName: string;
  startedAt: string;
  completedAt: string | null;
  dueAt: string | null;
  timeliness: Timeliness | null;
}

export function usePublicLookup(code: string, secret: string) {
  return useQuery({
    queryKey: ['public', 'dossier', code, secret],
    enabled: Boolean(code && secret),
    // A wrong code or key answers 404, and the endpoint is rate-limited: never retry on its own.
    retry: false,
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(code)}`, { key: secret }, signal),
  });
}
