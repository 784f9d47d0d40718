import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';

/** GET /admin/dossier-archive (dossiers/archive/archive.service.ts `status`). */
export interface DossierArchiveStatus {
  afterYears: number;
  version: number;
  updatedAt: string;
  /** Dossiers whose last event is before this instant may move. */
  cutoff: string;
  due: { n: number; more: boolean };
  archived: number;
  partitions: { table: 'dossier_events' | 'dossier_events_archive'; partition: string; year: number | null; events: number; bytes: number }[];
}

const KEY = ['dossiers', 'archive'];

export function useDossierArchive() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<DossierArchiveStatus>('/admin/dossier-archive', undefined, signal) });
}

export function useSaveDossierArchive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { afterYears: number; version: number }) => api.put<DossierArchiveStatus>('/admin/dossier-archive', body),
    onSuccess: (saved) => client.setQueryData(KEY, saved),
  });
}
