/**
 * The registry module's HTTP API (issue 19, src/modules/registry/API.md) as the staff pages use it.
 * Every write to a document sends the version it read; the answer is the document's new detail.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';
import type {
  ActionBody, Agency, Attachment, Delivery, Direction, DisposalActionBody, DisposalCreateBody, DisposalDetail, Disposal, DocType, DocumentDetail,
  FileActionBody, FileCreateBody, FileDetail, FileListActionBody, FilesAnswer, IncomingBody, ListFilter, OutgoingBody, Page, SettingsBody,
} from './types';

const P = '/registry';

export const registryKeys = {
  all: ['registry'] as const,
  types: ['registry', 'types'] as const,
  agencies: ['registry', 'agencies'] as const,
  lists: ['registry', 'documents'] as const,
  list: (filter: ListFilter) => ['registry', 'documents', filter] as const,
  document: (id: number) => ['registry', 'document', id] as const,
  deliveries: (id: number) => ['registry', 'deliveries', id] as const,
};

export const outgoingPdfUrl = (id: number) => apiUrl(`${P}/outgoing/${id}/pdf`);
/** The stored electronic copy (an exchanged copy's file, a released document's copy). */
export const documentFileUrl = (id: number) => apiUrl(`${P}/documents/${id}/file`);
export const routingSlipUrl = (id: number) => apiUrl(`${P}/incoming/${id}/routing-slip`);
export const attachmentUrl = (id: number, attachmentId: number) => apiUrl(`${P}/documents/${id}/attachments/${attachmentId}`);
export type RegisterKind = 'outgoing' | 'incoming' | 'tracking';
export interface RegisterQuery { unitId: number; from: string; to: string }
export const registerPdfUrl = (kind: RegisterKind, q: RegisterQuery) => apiUrl(`${P}/registers/${kind}`, { ...q, format: 'pdf' });

export function useDocumentTypes() {
  // National law (Decree 30 art. 7): the list does not change within a visit.
  return useQuery({ queryKey: registryKeys.types, queryFn: ({ signal }) => api.get<DocType[]>(`${P}/document-types`, undefined, signal), staleTime: Infinity });
}

export function useAgencies() {
  return useQuery({ queryKey: registryKeys.agencies, queryFn: ({ signal }) => api.get<Agency[]>(`${P}/agencies`, undefined, signal), staleTime: 60_000 });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, ...body }: SettingsBody & { unitId: number }) =>
      api.put<Agency | null>(`${P}/agencies/${unitId}/settings`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: registryKeys.agencies }),
  });
}

const PAGE = 50;
export function useDocuments(filter: ListFilter) {
  return useInfiniteQuery({
    queryKey: registryKeys.list(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => api.get<Page>(`${P}/documents`, {
      ...filter, overdue: filter.overdue === undefined ? undefined : String(filter.overdue), mine: filter.mine ? 'true' : undefined, limit: PAGE, before: pageParam,
    }, signal),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: number) {
  return useQuery({ queryKey: registryKeys.document(id), queryFn: ({ signal }) => api.get<DocumentDetail>(`${P}/documents/${id}`, undefined, signal), enabled: id > 0 });
}

export function useDeliveries(id: number, enabled: boolean) {
  return useQuery({ queryKey: registryKeys.deliveries(id), queryFn: ({ signal }) => api.get<Delivery[]>(`${P}/documents/${id}/deliveries`, undefined, signal), enabled });
}

/** After any write: the detail answered, and every list and the deliveries read again. */
function useSettle() {
  const client = useQueryClient();
  return (detail: DocumentDetail | undefined, id?: number) => {
    if (detail && typeof detail === 'object' && 'id' in detail) client.setQueryData(registryKeys.document(detail.id), detail);
    else if (id) void client.invalidateQueries({ queryKey: registryKeys.document(id) });
    void client.invalidateQueries({ queryKey: registryKeys.lists });
    void client.invalidateQueries({ queryKey: ['registry', 'deliveries'] });
  };
}

export function useCreateOutgoing() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: OutgoingBody) => api.post<DocumentDetail>(`${P}/outgoing`, body), onSuccess: (d) => settle(d) });
}

export function useCreateIncoming() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: IncomingBody) => api.post<DocumentDetail>(`${P}/incoming`, body), onSuccess: (d) => settle(d) });
}

/**
 * One action on a document. Most go to `/<direction>/:id/actions`; the exchange's two have their own
 * address (API.md "Exchange"): recalling a released outgoing document, returning a wrongly addressed one.
 */
export function actionPath(direction: Direction, id: number, action: string): string {
  if (direction === 'out' && action === 'recall') return `${P}/outgoing/${id}/recall`;
  if (direction === 'in' && action === 'return') return `${P}/incoming/${id}/return`;
  return `${P}/${direction === 'out' ? 'outgoing' : 'incoming'}/${id}/actions`;
}

export function useDocumentAction(direction: Direction, id: number) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: ActionBody) => {
      const path = actionPath(direction, id, body.action);
      // The exchange's own addresses take the body without the action's name.
      const { action: _action, ...rest } = body;
      return api.post<DocumentDetail>(path, path.endsWith('/actions') ? body : rest);
    },
    onSuccess: (d) => settle(d, id),
  });
}

export function useUploadAttachment(id: number) {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ file, main }: { file: File; main: boolean }) => api.upload<Attachment>(`${P}/documents/${id}/attachments?main=${main}`, file),
    onSuccess: () => settle(undefined, id),
  });
}

export interface RegisterRows { rows: Record<string, unknown>[]; columns?: { key: string; label: string }[] }
export function useRegisterRows(kind: RegisterKind, q: RegisterQuery | null) {
  return useQuery({
    queryKey: ['registry', 'register', kind, q],
    queryFn: async ({ signal }) => normaliseRows(await api.get<unknown>(`${P}/registers/${kind}`, { ...q!, format: 'json' }, signal)),
    enabled: q !== null,
  });
}

/** The register's rows as the server answers them (an array, or an object holding `rows` or `items`). */
function normaliseRows(body: unknown): RegisterRows {
  if (Array.isArray(body)) return { rows: body as Record<string, unknown>[] };
  const o = (body ?? {}) as { rows?: unknown; items?: unknown; columns?: unknown };
  const rows = Array.isArray(o.rows) ? o.rows : Array.isArray(o.items) ? o.items : [];
  const columns = Array.isArray(o.columns) ? (o.columns as { key: string; label: string }[]).filter((c) => c && typeof c.key === 'string') : undefined;
  return { rows: rows as Record<string, unknown>[], columns };
}

/* Files and retention (API.md "Files and retention"): the year's file list, one file, disposal lists. */
export type FilesQuery = { unitId: number; year?: number; due?: 'handover' | 'disposal' };
export const fileListPdfUrl = (unitId: number, year: number) => apiUrl(`${P}/file-lists/${unitId}/${year}/pdf`);
export const fileExportUrl = (id: number) => apiUrl(`${P}/files/${id}/export`);

export function useFiles(q: FilesQuery | null) {
  return useQuery({ queryKey: ['registry', 'files', q], queryFn: ({ signal }) => api.get<FilesAnswer>(`${P}/files`, q!, signal), enabled: q !== null, placeholderData: keepPreviousData });
}

export function useFile(id: number) {
  return useQuery({ queryKey: ['registry', 'file', id], queryFn: ({ signal }) => api.get<FileDetail>(`${P}/files/${id}`, undefined, signal), enabled: id > 0 });
}

/** After a change to a file: its detail as answered, the lists and disposals read again. */
function useFilesSettle() {
  const client = useQueryClient();
  return (detail?: { id: number } | null) => {
    if (detail && 'documents' in detail) client.setQueryData(['registry', 'file', detail.id], detail);
    void client.invalidateQueries({ queryKey: ['registry', 'files'] });
    void client.invalidateQueries({ queryKey: ['registry', 'disposals'] });
    void client.invalidateQueries({ queryKey: ['registry', 'disposal'] });
  };
}

export function useCreateFile() {
  const settle = useFilesSettle();
  return useMutation({ mutationFn: (body: FileCreateBody) => api.post<FileDetail>(`${P}/files`, body), onSuccess: (d) => settle(d) });
}

export function useFileAction(id: number) {
  const settle = useFilesSettle();
  return useMutation({ mutationFn: (body: FileActionBody) => api.post<FileDetail | { id: number; status: 'removed' }>(`${P}/files/${id}/actions`, body), onSuccess: (d) => settle(d) });
}

export function useFiling(id: number) {
  const settle = useFilesSettle();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ documentId, version, remove }: { documentId: number; version: number; remove?: boolean }) => (remove
      ? api.delete<FileDetail>(`${P}/files/${id}/documents/${documentId}?version=${version}`)
      : api.post<FileDetail>(`${P}/files/${id}/documents`, { documentId, version })),
    onSuccess: (d, v) => { settle(d); void client.invalidateQueries({ queryKey: registryKeys.document(v.documentId) }); },
  });
}

export function useFileListAction(unitId: number, year: number) {
  const settle = useFilesSettle();
  return useMutation({ mutationFn: (body: FileListActionBody) => api.post<FilesAnswer>(`${P}/file-lists/${unitId}/${year}/actions`, body), onSuccess: () => settle() });
}

export function useDisposals(unitId: number | undefined) {
  return useQuery({ queryKey: ['registry', 'disposals', unitId], queryFn: ({ signal }) => api.get<{ items: Disposal[] }>(`${P}/disposals`, { unitId }, signal), enabled: !!unitId });
}

export function useDisposal(id: number | null) {
  return useQuery({ queryKey: ['registry', 'disposal', id], queryFn: ({ signal }) => api.get<DisposalDetail>(`${P}/disposals/${id}`, undefined, signal), enabled: !!id });
}

export function useCreateDisposal() {
  const settle = useFilesSettle();
  return useMutation({ mutationFn: (body: DisposalCreateBody) => api.post<DisposalDetail>(`${P}/disposals`, body), onSuccess: () => settle() });
}

export function useDisposalAction(id: number) {
  const settle = useFilesSettle();
  return useMutation({ mutationFn: (body: DisposalActionBody) => api.post<DisposalDetail>(`${P}/disposals/${id}/actions`, body), onSuccess: () => settle() });
}
