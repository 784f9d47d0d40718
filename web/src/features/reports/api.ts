import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';
import type { Ii06aColumn } from '../../../../src/modules/reports/rules/ii06a-columns';

export type { Ii06aColumn };

export type GroupBy = 'unit' | 'field' | 'procedure';

export interface Period { kind: string; code: string; label: { vi: string; en: string }; from: string; to: string }

export interface Ii06aFigures {
  received: { total: number; online: number; direct: number; carriedOver: number };
  completed: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
  awaitingSupplement: number;
  withdrawn: number;
  satisfactionRate: number | null;
}

export interface Ii06aReport {
  form: 'II.06a';
  period: Period;
  unit: { code: string | null; name: string };
  groupBy: GroupBy;
  asOf: string;
  rows: (Ii06aFigures & { key: string; name: string })[];
  totals: Ii06aFigures;
}

export function usePeriods(year: number) {
  return useQuery({
    queryKey: ['reports', 'periods', year],
    queryFn: ({ signal }) => api.get<{ year: number; periods: Period[] }>('/reports/periods', { year }, signal),
    staleTime: Infinity,
  });
}

export function useIi06a(q: { from: string; to: string; unit?: string; groupBy: GroupBy } | null) {
  return useQuery({
    queryKey: ['reports', 'ii06a', q],
    queryFn: ({ signal }) => api.get<Ii06aReport>('/reports/ii06a', { ...q! }, signal),
    enabled: !!q,
  });
}

export type Ii06aQueryParams = { from: string; to: string; unit?: string; groupBy: GroupBy };

/** The workbook or PDF of the form, as the browser downloads it. */
export const ii06aFileUrl = (q: Ii06aQueryParams, format: 'xlsx' | 'pdf') => apiUrl('/reports/ii06a', { ...q, format });

export interface BehindDossier {
  code: string; procedureName: string; unitName: string; channel: string;
  receivedAt: string | null; dueAt: string | null; completedAt: string | null; outcome: string | null; timeliness: string | null;
}
export interface BehindPage {
  period: Period; unit: { code: string | null; name: string }; groupBy: GroupBy; key: string | null; column: Ii06aColumn;
  total: number; page: number; limit: number; items: BehindDossier[];
}

export function useIi06aDossiers(q: (Ii06aQueryParams & { key?: string; column: Ii06aColumn; page: number; limit: number }) | null) {
  return useQuery({
    queryKey: ['reports', 'ii06a-dossiers', q],
    queryFn: ({ signal }) => api.get<BehindPage>('/reports/ii06a/dossiers', { ...q! }, signal),
    enabled: !!q,
  });
}

export interface Ii07bRow { level: 'province' | 'commune' | 'vertical'; name: string; total: number; oneStop: number; internalProcess: number }
export interface Ii07bReport { form: 'II.07b'; period: Period; asOf: string; rows: Ii07bRow[]; totals: Omit<Ii07bRow, 'level' | 'name'> }

export function useIi07b(q: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['reports', 'ii07b', q],
    queryFn: ({ signal }) => api.get<Ii07bReport>('/reports/ii07b', { ...q! }, signal),
    enabled: !!q,
  });
}

export const ii07bFileUrl = (q: { from: string; to: string }, format: 'xlsx' | 'pdf') => apiUrl('/reports/ii07b', { ...q, format });

export interface KeptReport { id: number; form: string; period: Period; unit: { code: string | null; name: string }; generatedAt: string }

export function useKeptReports() {
  return useQuery({
    queryKey: ['reports', 'archive'],
    queryFn: ({ signal }) => api.get<{ items: KeptReport[] }>('/reports/archive', undefined, signal),
  });
}

export const keptReportUrl = (id: number, format: 'xlsx' | 'pdf') => apiUrl(`/reports/archive/${id}/${format}`);
