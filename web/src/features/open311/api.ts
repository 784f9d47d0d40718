import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';

/** A registered Open311 application (GET /open311/apps). */
export interface Open311App {
  id: number;
  name: string;
  contact: string | null;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  requests: number;
  version: number;
}

export function useApps() {
  return useQuery({ queryKey: ['open311', 'apps'], queryFn: ({ signal }) => api.get<{ items: Open311App[] }>('/open311/apps', undefined, signal) });
}

export function useCreateApp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; contact?: string }) => api.post<{ app: Open311App; apiKey: string }>('/open311/apps', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['open311', 'apps'] }),
  });
}

export function useRevokeApp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (app: Open311App) => api.post<Open311App>(`/open311/apps/${app.id}/revoke`, { version: app.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['open311', 'apps'] }),
  });
}
