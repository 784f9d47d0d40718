/**
 * The catalogue API as the web app uses it. Types come from the server's zod schemas
 * (src/modules/catalog/schema.ts), so a change there shows up here at type-check time.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';
import type {
  ChannelKind, Level, OnlineMode, ProcedureContent, PublishingDecision, TimeUnit, VersionActionInput, VersionStatus,
} from '../../../../src/modules/catalog/schema';

export type { ChannelKind, Level, OnlineMode, ProcedureContent, PublishingDecision, TimeUnit, VersionStatus };

export interface ProcedureListItem {
  code: string;
  name: string;
  field: { code: string; name: string };
  levels: Level[];
  onlineMode: OnlineMode;
  processingTimes: { channel: ChannelKind; amount: number; unit: TimeUnit; cutoff?: string }[];
  agency: string;
  boundaryIndependent: boolean;
  version: number;
}

export interface ProcedureList {
  items: ProcedureListItem[];
  total: number;
  fuzzy: boolean;
  /** The words searched for instead of the typed ones (accent-free), when some were not in the catalogue. */
  corrected?: string;
}

export interface ListQuery {
  q?: string;
  field?: string;
  agency?: string;
  level?: Level;
  online?: OnlineMode;
  page?: number;
  pageSize?: number;
}

export interface FieldCount {
  code: string;
  name: string;
  count: number;
}

export interface VersionMeta {
  number: number;
  status: VersionStatus;
  decision: PublishingDecision | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  changeNote: string | null;
}

/** GET /procedures/:code — the content in force plus its version and the forms on file. */
export type ProcedureInForce = ProcedureContent & { versionId: number; version: VersionMeta; availableForms: string[] };

export interface VersionView extends VersionMeta {
  id: number;
  code: string;
  name: string;
  closingDecision: (PublishingDecision & { action: string }) | null;
  replacedByCode: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  allowedActions: string[];
}

export type VersionDetail = VersionView & { content: ProcedureContent };

export interface FieldChange {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  label: string;
  /** "Thành phần hồ sơ › «Tờ khai» › Số bản sao". */
  where: string;
  before?: unknown;
  after?: unknown;
  /** The values in words ("trực tuyến", "Có", "5 ngày làm việc"). */
  beforeText?: string;
  afterText?: string;
}

export interface AdminListRow {
  code: string;
  name: string;
  fieldName: string;
  latestNumber: number;
  latestStatus: VersionStatus;
  draftNumber: number | null;
  publishedNumber: number | null;
  updatedAt: string;
}

/** What a catalogue import did (src/modules/catalog/import-summary.ts). */
export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
  /** False: the file had an error and nothing was imported (one transaction). */
  applied: boolean;
  /** `where`: the column (XLSX) or the place in the record in words (JSON). */
  errors: { row: number; sheet?: string; field?: string; where?: string; message: string }[];
  rowsWithErrors: number;
  errorCount: number;
  summary: { vi: string; en: string };
}

const keys = {
  all: ['catalog'] as const,
  list: (q: ListQuery) => ['catalog', 'list', q] as const,
  fields: (q: { level?: Level; online?: OnlineMode }) => ['catalog', 'fields', q] as const,
  detail: (code: string) => ['catalog', 'detail', code] as const,
  versions: (code: string) => ['catalog', 'versions', code] as const,
  version: (code: string, n: number) => ['catalog', 'version', code, n] as const,
  diff: (code: string, from: number, to: number) => ['catalog', 'diff', code, from, to] as const,
  admin: (q: object) => ['catalog', 'admin', q] as const,
};

export function useProcedureList(query: ListQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api.get<ProcedureList>('/procedures', { ...query }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useFields(query: { level?: Level; online?: OnlineMode } = {}) {
  return useQuery({
    queryKey: keys.fields(query),
    queryFn: ({ signal }) => api.get<{ items: FieldCount[] }>('/procedures/fields', { ...query }, signal),
    select: (body) => body.items,
    staleTime: 5 * 60_000,
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: ['catalog', 'agencies'],
    queryFn: ({ signal }) => api.get<{ items: { code: string | null; name: string; count: number }[] }>('/procedures/agencies', undefined, signal),
    select: (body) => body.items,
    staleTime: 5 * 60_000,
  });
}

export function useProcedureInForce(code: string) {
  return useQuery({
    queryKey: keys.detail(code),
    queryFn: ({ signal }) => api.get<ProcedureInForce>(`/procedures/${encodeURIComponent(code)}`, undefined, signal),
    staleTime: 60_000,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useVersions(code: string) {
  return useQuery({
    queryKey: keys.versions(code),
    queryFn: ({ signal }) => api.get<{ items: VersionView[] }>(`/procedures/${encodeURIComponent(code)}/versions`, undefined, signal),
    select: (body) => body.items,
  });
}

export function useVersion(code: string, n: number | undefined) {
  return useQuery({
    queryKey: keys.version(code, n ?? 0),
    enabled: n !== undefined && n > 0,
    queryFn: ({ signal }) => api.get<VersionDetail>(`/procedures/${encodeURIComponent(code)}/versions/${n}`, undefined, signal),
  });
}

export function useDiff(code: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: keys.diff(code, from ?? 0, to ?? 0),
    enabled: !!from && !!to && from !== to,
    queryFn: ({ signal }) => api.get<{ changes: FieldChange[] }>(`/procedures/${encodeURIComponent(code)}/diff`, { from, to }, signal),
    select: (body) => body.changes,
  });
}

export function useAdminList(query: { q?: string; status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: keys.admin(query),
    queryFn: ({ signal }) => api.get<{ items: AdminListRow[]; total: number }>('/admin/procedures', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

function useCatalogMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

const versionPath = (code: string, n?: number) => `/admin/procedures/${encodeURIComponent(code)}/versions${n ? `/${n}` : ''}`;

export const useCreateProcedure = () => useCatalogMutation((content: ProcedureContent) => api.post<VersionDetail>('/admin/procedures', content));
export const useUpdateDraft = () => useCatalogMutation(({ code, n, content, revision }: { code: string; n: number; content: ProcedureContent; revision: number }) =>
  api.put<VersionDetail>(versionPath(code, n), { ...content, revision }));
export const useNewDraft = () => useCatalogMutation(({ code, from }: { code: string; from?: number }) => api.post<VersionDetail>(versionPath(code), from ? { from } : {}));
export const useVersionAction = () => useCatalogMutation(({ code, n, input }: { code: string; n: number; input: VersionActionInput }) =>
  api.post<VersionView>(`${versionPath(code, n)}/actions`, input));
export const useDeleteDraft = () => useCatalogMutation(({ code, n, revision }: { code: string; n: number; revision: number }) =>
  api.delete<void>(`${versionPath(code, n)}?revision=${revision}`));
export const useImportCatalog = () => useCatalogMutation((file: File) => api.upload<ImportReport>('/admin/import/procedures', file));

export const postingSheetUrl = (code: string) => apiUrl(`/procedures/${encodeURIComponent(code)}/posting-sheet.pdf`);
export const formUrl = (code: string, file: string) => apiUrl(`/procedures/${encodeURIComponent(code)}/forms/${encodeURIComponent(file)}`);
export const exportUrl = (format: 'json' | 'xlsx') => apiUrl(`/admin/export/procedures.${format}`, { drafts: '1' });
export const templateUrl = () => apiUrl('/admin/import/procedures/template.xlsx');
