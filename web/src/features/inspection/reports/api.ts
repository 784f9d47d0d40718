/**
 * The inspection report (GET /api/v1/inspection/reports, its .xlsx and .pdf) and the public summary
 * (GET /api/v1/public/inspection-summary), src/modules/inspection/reports.service.ts. The answer shapes come
 * from reports-labels.ts, which has no zod and no server import.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InspectionReport, PublicInspectionSummary } from '../../../../../src/modules/inspection/reports-labels';
import { api, apiUrl } from '../../../shared/api';

export type { InspectionReport, PublicInspectionSummary };
export type ReportQuery = { from: string; to: string; unitId?: number };

export function useInspectionReport(q: ReportQuery | null) {
  return useQuery({
    queryKey: ['inspection', 'report', q],
    queryFn: ({ signal }) => api.get<InspectionReport>('/inspection/reports', { ...q! }, signal),
    enabled: !!q,
    // While another period loads, the last one stays on screen (dimmed) instead of the page jumping.
    placeholderData: keepPreviousData,
  });
}

/** The workbook or the PDF of the same query, as the browser downloads it (built under the caller's rights). */
export const reportFileUrl = (q: ReportQuery, format: 'xlsx' | 'pdf') => apiUrl(`/inspection/reports.${format}`, { ...q });

export function usePublicInspectionSummary(year: number | undefined) {
  return useQuery({
    queryKey: ['public', 'inspection-summary', year ?? 'current'],
    queryFn: ({ signal }) => api.get<PublicInspectionSummary>('/public/inspection-summary', { year }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
