/**
 * The reform budget's HTTP API (src/modules/quality/API.md Part D) as the page uses it. Every edit sends
 * the version it read; the answer is the line as stored.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';
import type { BudgetLine, BudgetUnit, LineChange, LineCreateBody, LinesAnswer, LineUpdateBody, YearSummary } from './types';

const P = '/reform-budget';
const KEY = ['reform-budget'] as const;

export const summaryXlsxUrl = (year: number) => apiUrl(`${P}/summary.xlsx`, { year });

export function useBudgetUnits() {
  return useQuery({ queryKey: [...KEY, 'units'], queryFn: ({ signal }) => api.get<{ items: BudgetUnit[] }>(`${P}/units`, undefined, signal), staleTime: 60_000 });
}

export function useLines(unitId: number | undefined, year: number) {
  return useQuery({
    queryKey: [...KEY, 'lines', unitId, year],
    queryFn: ({ signal }) => api.get<LinesAnswer>(`${P}/lines`, { unitId, year }, signal),
    enabled: !!unitId, placeholderData: keepPreviousData,
  });
}

export function useYearSummary(year: number) {
  return useQuery({ queryKey: [...KEY, 'summary', year], queryFn: ({ signal }) => api.get<YearSummary>(`${P}/summary`, { year }, signal), placeholderData: keepPreviousData });
}

export function useLineChanges(id: number | null) {
  return useQuery({ queryKey: [...KEY, 'changes', id], queryFn: ({ signal }) => api.get<{ items: LineChange[] }>(`${P}/lines/${id}/changes`, undefined, signal), enabled: id !== null });
}

/** After a write: the lists, the summary and the line's history are read again. */
function useSettle() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: KEY });
}

export function useCreateLine() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: LineCreateBody) => api.post<BudgetLine>(`${P}/lines`, body), onSuccess: settle });
}

export function useUpdateLine(id: number) {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: LineUpdateBody) => api.put<BudgetLine>(`${P}/lines/${id}`, body), onSuccess: settle });
}
