import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { Period } from './api';

export type Scoring = { kind: 'ratio' } | { kind: 'step'; threshold: number; below: number } | { kind: 'target'; target: number };

export interface IndexIndicator {
  code: string; name: string; nameEn: string | null; measure: string;
  value: number | null; numerator: number | null; denominator: number | null;
  points: number; max: number; formula: string; note: string | null; dossiers: boolean;
}
export interface IndexGroup { code: string; name: string; nameEn: string | null; points: number; max: number; indicators: IndexIndicator[] }
export interface ServiceIndex {
  period: Period; unit: { code: string | null; name: string }; asOf: string;
  version: { effectiveFrom: string; label: string; note: string; revision: number };
  total: number; max: number; groups: IndexGroup[];
}
export interface BehindDossier {
  code: string; procedureCode: string; procedureName: string; unitName: string | null; channel: string;
  receivedAt: string | null; dueAt: string | null; completedAt: string | null; outcome: string | null; timeliness: string | null; counted: boolean;
}
export interface IndexVersion { effectiveFrom: string; revision: number; updatedAt: string; inForce: boolean; definition: { label: string; note: string; groups: { code: string; name: string; max: number }[] } }

export function useServiceIndex(q: { from: string; to: string; unit?: string } | null) {
  return useQuery({
    queryKey: ['reports', 'service-index', q],
    queryFn: ({ signal }) => api.get<ServiceIndex>('/reports/service-index', { ...q! }, signal),
    enabled: !!q,
  });
}

export function useIndexDossiers(q: { from: string; to: string; unit?: string; indicator: string; page: number; counted?: 'true' | 'false' } | null) {
  return useQuery({
    queryKey: ['reports', 'service-index', 'dossiers', q],
    queryFn: ({ signal }) => api.get<{ total: number; page: number; limit: number; items: BehindDossier[] }>('/reports/service-index/dossiers', { ...q!, limit: 20 }, signal),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

export function useIndexVersions() {
  return useQuery({ queryKey: ['reports', 'service-index', 'versions'], queryFn: ({ signal }) => api.get<{ items: IndexVersion[] }>('/reports/service-index/versions', undefined, signal) });
}

export function usePutIndexVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { effectiveFrom: string; revision: number | null; definition: unknown }) =>
      api.put<{ effectiveFrom: string; revision: number }>(`/reports/service-index/versions/${v.effectiveFrom}`, { revision: v.revision, definition: v.definition }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports', 'service-index'] }),
  });
}
