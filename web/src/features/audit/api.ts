import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { Id } from '../../shared/auth';

export interface AuditEvent {
  id: Id;
  /** ISO timestamp. */
  at: string;
  actorName: string | null;
  unitName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditFilters {
  action?: string;
  entity?: string;
  actor?: string;
  /** ISO timestamps with the +07:00 offset: the range is a span of Vietnamese calendar days. */
  from?: string;
  to?: string;
}

interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>('/audit', { ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
