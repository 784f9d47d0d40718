/**
 * The PAR criteria sets' HTTP API (src/modules/par/par.routes.ts, sets.service.ts) as the set pages use it.
 * Request bodies are typed from the server's zod schema, so a renamed field fails type checking here;
 * answers follow `setView` and `list` in sets.service.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Applicability, CriteriaTree, CriterionNode, FactValue, RatioRule, Scoring, ScoringKind, Tier, TieredRule } from '../../../../src/modules/par/rules/criteria';
import type { Band } from '../../../../src/modules/par/rules/index';
import type { AnswerWeights } from '../../../../src/modules/par/rules/survey';
import type { Block, setCreateBody, setEditBody, setIssueBody } from '../../../../src/modules/par/schema';
import { api, apiUrl } from '../../shared/api';

export type { Applicability, AnswerWeights, Band, Block, CriteriaTree, CriterionNode, FactValue, RatioRule, Scoring, ScoringKind, Tier, TieredRule };
export type SetCreateBody = z.input<typeof setCreateBody>;
export type SetEditBody = z.input<typeof setEditBody>;
export type SetIssueBody = z.input<typeof setIssueBody>;

export type SetStatus = 'draft' | 'issued';

/** One row of GET /par/sets. */
export interface SetSummary {
  id: number;
  year: number;
  name: string;
  blocks: Block[];
  status: SetStatus;
  frozen: boolean;
  illustrative: boolean;
  decisionNumber: string | null;
  decisionDate: string | null;
  version: number;
}

export interface SetList {
  organiser: { id: number; name: string };
  /** `par.manage` at the organising unit: may create, copy, edit and issue sets. */
  canManage: boolean;
  sets: SetSummary[];
}

/** GET /par/sets/:id (`setView` plus `canEdit`). */
export interface SetDetail extends Pick<SetSummary, 'id' | 'year' | 'name' | 'blocks' | 'status' | 'frozen' | 'illustrative'> {
  illustrativeNote: string | null;
  decision: { number: string; date: string | null; signer: string | null } | null;
  organiserUnitId: number;
  organiserName: string;
  copiedFromSetId: number | null;
  version: number;
  tree: CriteriaTree;
  bands: Band[];
  answerWeights: AnswerWeights;
  /** Every problem that stops the set being issued, in Vietnamese (tree order, then bands, then weights). */
  problems: string[];
  /** Organiser and not frozen by a round. */
  canEdit: boolean;
}

export interface ImportProblem { row: number | null; message: string }
/** POST /par/sets/:id/import: the tree read from the workbook, or null while it has problems. */
export interface ImportResult { tree: CriteriaTree | null; problems: ImportProblem[] }

export interface Agency { id: number; parentId: number | null; code: string | null; name: string; kind: string }

export const parSetKeys = {
  list: ['par', 'sets'] as const,
  detail: (id: number) => ['par', 'sets', id] as const,
};

export const setXlsxUrl = (id: number) => apiUrl(`/par/sets/${id}/xlsx`);

export function useSets() {
  return useQuery({ queryKey: parSetKeys.list, queryFn: ({ signal }) => api.get<SetList>('/par/sets', undefined, signal) });
}

export function useSet(id: number) {
  return useQuery({ queryKey: parSetKeys.detail(id), queryFn: ({ signal }) => api.get<SetDetail>(`/par/sets/${id}`, undefined, signal), enabled: id > 0 });
}

/** Departments and other agencies by id, for the appraising unit of a criterion (the public directory). */
export function useAgencies() {
  return useQuery({
    queryKey: ['public', 'agencies'],
    queryFn: ({ signal }) => api.get<{ items: Agency[] }>('/public/agencies', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useCreateSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SetCreateBody) => api.post<SetDetail>('/par/sets', body),
    onSuccess: (detail) => {
      client.setQueryData(parSetKeys.detail(detail.id), detail);
      void client.invalidateQueries({ queryKey: parSetKeys.list, exact: true });
    },
  });
}

function useSetMutation<B>(id: number, send: (body: B) => Promise<SetDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(parSetKeys.detail(id), detail);
      void client.invalidateQueries({ queryKey: parSetKeys.list, exact: true });
    },
  });
}

/** PATCH under the set's version: a 409 STALE_VERSION means someone saved first. */
export function useEditSet(id: number) {
  return useSetMutation(id, (body: SetEditBody) => api.patch<SetDetail>(`/par/sets/${id}`, body));
}

export function useIssueSet(id: number) {
  return useSetMutation(id, (body: SetIssueBody) => api.post<SetDetail>(`/par/sets/${id}/issue`, body));
}

/**
 * Reads a workbook into a tree without saving it: the file is stored first (POST /files), then the
 * set's import route reads it by key. The caller saves the tree with PATCH after the user confirms.
 */
export async function readWorkbook(setId: number, file: File): Promise<ImportResult> {
  // The workbook goes straight to the set's import, which reads it and saves nothing.
  return api.upload<ImportResult>(`/par/sets/${setId}/import`, file);
}

export function useReadWorkbook(setId: number) {
  return useMutation({ mutationFn: (file: File) => readWorkbook(setId, file) });
}
