/**
 * Job-position schemes, the placement board and a unit's positions (src/modules/personnel/schemes.service.ts).
 * Request bodies are typed from the server's zod schema (types only: the web never loads zod from there),
 * so a renamed field fails type checking here; answers follow the service's `view`, `positions` and `board`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { appraiseBody, approveBody, schemeCreateBody, schemeEditBody } from '../../../../src/modules/personnel/schema';
import { api } from '../../shared/api';
import type { PlacementState, PositionCategory } from './labels';

export type SchemeCreateBody = z.input<typeof schemeCreateBody>;
export type SchemeEditBody = z.input<typeof schemeEditBody>;
export type AppraiseBody = z.input<typeof appraiseBody>;
export type ApproveBody = z.input<typeof approveBody>;

export const SCHEME_STATUSES = ['draft', 'submitted', 'returned', 'appraised', 'approved'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

export interface SchemePosition {
  code: string;
  name: string;
  category: PositionCategory;
  gradeCode: string;
  gradeName: string;
  description: string;
  competencies: string;
  quota: number;
}

export interface Scheme {
  id: number;
  unitId: number;
  unitName: string;
  versionNo: number;
  status: SchemeStatus;
  effectiveFrom: string;
  positions: SchemePosition[];
  appraisalNote: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  signer: string | null;
  submittedAt: string | null;
  appraisedAt: string | null;
  approvedAt: string | null;
  version: number;
}

export interface Gaps { quota: number; filled: number; vacant: number; over: number }
export interface Holder { personId: number; fullName: string; from: string }
export interface PositionRow extends SchemePosition, Gaps { positionId: number; holders: Holder[] }

/** GET /personnel/units/:unitId/positions: the scheme in force on `day`, position by position. */
export interface UnitPositions {
  day: string;
  schemeId: number | null;
  decisionNo: string | null;
  effectiveFrom: string | null;
  totals: Gaps;
  rows: PositionRow[];
}

export interface BoardRow extends Gaps {
  unitId: number;
  unitName: string;
  schemeId: number | null;
  placement: Record<PlacementState, number>;
}
export interface Board { day: string; deadline: string; rows: BoardRow[] }

export const schemeKeys = {
  all: ['personnel', 'schemes'] as const,
  list: (unitId: number | null) => ['personnel', 'schemes', 'list', unitId ?? 'all'] as const,
  detail: (id: number) => ['personnel', 'schemes', id] as const,
  positions: (unitId: number, day: string | null) => ['personnel', 'positions', unitId, day ?? 'today'] as const,
  board: (day: string | null) => ['personnel', 'board', day ?? 'today'] as const,
};

/** Lists answer `{ items }`; a bare array is accepted too so a wrapper change does not blank the page. */
export const itemsOf = <T>(body: { items: T[] } | T[]): T[] => (Array.isArray(body) ? body : body.items);

export function useSchemes(unitId: number | null) {
  return useQuery({
    queryKey: schemeKeys.list(unitId),
    queryFn: ({ signal }) => api.get<{ items: Scheme[] } | Scheme[]>('/personnel/schemes', { unitId }, signal),
    select: itemsOf,
  });
}

export function useScheme(id: number | null) {
  return useQuery({
    queryKey: schemeKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api.get<Scheme>(`/personnel/schemes/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useUnitPositions(unitId: number | null, day: string | null = null) {
  return useQuery({
    queryKey: schemeKeys.positions(unitId ?? 0, day),
    queryFn: ({ signal }) => api.get<UnitPositions>(`/personnel/units/${unitId}/positions`, { day }, signal),
    enabled: unitId !== null,
  });
}

export function useBoard(day: string | null) {
  return useQuery({ queryKey: schemeKeys.board(day), queryFn: ({ signal }) => api.get<Board>('/personnel/board', { day }, signal) });
}

/** Every scheme change answers the scheme; it replaces the cached one and the lists reload. */
function useSchemeMutation<B>(send: (body: B) => Promise<Scheme>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (scheme) => {
      client.setQueryData(schemeKeys.detail(scheme.id), scheme);
      void client.invalidateQueries({ queryKey: ['personnel', 'schemes', 'list'] });
      if (scheme.status === 'approved') void client.invalidateQueries({ queryKey: ['personnel', 'positions'] });
    },
  });
}

export const useCreateScheme = () => useSchemeMutation((body: SchemeCreateBody) => api.post<Scheme>('/personnel/schemes', body));
export const useEditScheme = (id: number) => useSchemeMutation((body: SchemeEditBody) => api.put<Scheme>(`/personnel/schemes/${id}`, body));
export const useSubmitScheme = (id: number) => useSchemeMutation((body: { version: number }) => api.post<Scheme>(`/personnel/schemes/${id}/submit`, body));
export const useAppraiseScheme = (id: number) => useSchemeMutation((body: AppraiseBody) => api.post<Scheme>(`/personnel/schemes/${id}/appraise`, body));
export const useApproveScheme = (id: number) => useSchemeMutation((body: ApproveBody) => api.post<Scheme>(`/personnel/schemes/${id}/approve`, body));
