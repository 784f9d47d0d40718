import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

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
