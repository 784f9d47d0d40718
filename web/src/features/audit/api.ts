import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { Id } from '../../shared/auth';

export type Label = { vi: string; en: string };

export interface AuditEvent {
  id: Id;
  /** ISO timestamp. */
  at: string;
  actorName: string | null;
  unitName: string | null;
  action: string;
  /** "Đăng nhập"; several steps recorded together are listed with commas. */
  actionLabel: Label;
  entity: string;
  entityId: string | null;
  /** The object named: "Tài khoản nguyenvana", "Hồ sơ H30.22-260302-0001". */
  object: Label;
  summary: { before?: unknown; after?: unknown; note?: string } | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditFilters {
  action?: string;
  entity?: string;
  actor?: string;
  /** Vietnamese calendar days (YYYY-MM-DD); the server reads them in Asia/Ho_Chi_Minh. */
  from?: string;
  to?: string;
}

interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface AuditVocabulary {
  actions: { action: string; label: Label }[];
  entities: { entity: string; label: Label }[];
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

/** The labelled actions and kinds of object, for the filter lists. */
export function useAuditVocabulary() {
  return useQuery({
    queryKey: ['audit', 'vocabulary'],
    queryFn: ({ signal }) => api.get<AuditVocabulary>('/audit/vocabulary', undefined, signal),
    staleTime: Infinity,
  });
}
