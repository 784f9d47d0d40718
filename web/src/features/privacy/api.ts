import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';

export const REQUEST_KINDS = ['access', 'correction', 'deletion', 'restriction', 'objection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** One data-subject request (GET /privacy/requests). */
export interface PrivacyRequest {
  id: number;
  kind: RequestKind;
  kindName: string;
  kindNameEn: string;
  idNumber: string;
  requesterName: string;
  channel: 'desk' | 'letter';
  details: string | null;
  receivedAt: string;
  acknowledgeDueAt: string;
  resolveDueAt: string;
  status: 'received' | 'acknowledged' | 'done' | 'refused';
  statusName: string;
  statusNameEn: string;
  outcome: string | null;
  overdue: { acknowledge: boolean; resolve: boolean };
  version: number;
}

export interface RetentionPeriod {
  recordType: string;
  labelVi: string;
  labelEn: string;
  months: number;
  basis: string | null;
  documentNamePattern: string | null;
}

export function useRequests(overdueOnly: boolean) {
  return useQuery({
    queryKey: ['privacy', 'requests', overdueOnly],
    queryFn: ({ signal }) => api.get<{ items: PrivacyRequest[] }>('/privacy/requests', { overdue: overdueOnly ? 'true' : undefined, limit: 200 }, signal),
  });
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: RequestKind; idNumber: string; requesterName: string; channel: 'desk' | 'letter'; details?: string }) =>
      api.post<PrivacyRequest>('/privacy/requests', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'requests'] }),
  });
}

export function useRequestAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; action: 'acknowledge' | 'complete' | 'refuse'; version: number; outcome?: string }) =>
      api.post<PrivacyRequest>(`/privacy/requests/${id}/actions`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'requests'] }),
  });
}

export const exportUrl = (id: number) => apiUrl(`/privacy/requests/${id}/export`);

export function useRetention() {
  return useQuery({ queryKey: ['privacy', 'retention'], queryFn: ({ signal }) => api.get<{ items: RetentionPeriod[] }>('/privacy/retention', undefined, signal) });
}

export function useSaveRetention() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ recordType, ...body }: { recordType: string; months: number; basis: string | null; documentNamePattern: string | null }) =>
      api.put<RetentionPeriod>(`/privacy/retention/${recordType}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'retention'] }),
  });
}
