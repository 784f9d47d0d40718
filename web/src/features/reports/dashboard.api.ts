import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { Dashboard } from '../../../../src/modules/reports/dashboard.schema';

export type { Dashboard };
export type DashboardUnit = Dashboard['units'][number];

export function useDashboard(q: { from: string; to: string; unit?: string } | null) {
  return useQuery({
    queryKey: ['reports', 'dashboard', q],
    queryFn: ({ signal }) => api.get<Dashboard>('/reports/dashboard', { ...q! }, signal),
    enabled: !!q,
  });
}

export function usePublicStatistics(q: { year?: number; unit?: string }) {
  return useQuery({
    queryKey: ['public', 'statistics', q],
    queryFn: ({ signal }) => api.get<Dashboard>('/public/statistics', { ...q }, signal),
    staleTime: 60_000,
  });
}

/** The statutory year a day belongs to: from 15/12 the next year's report (Decree 09/2019 art. 12). */
export function statutoryYear(today: Date): number {
  const day = new Date(today.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(day.slice(0, 4));
  return day > `${year}-12-14` ? year + 1 : year;
}
