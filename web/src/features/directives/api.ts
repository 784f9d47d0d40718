/**
 * The directives module's HTTP API (issue 15, src/modules/directives) as the staff pages use it.
 * Request bodies are typed from the server's zod schema, so a renamed field fails type checking here;
 * answers follow the written contract.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Outline, OutlineItem, OutlineLead, OutlineSubitem } from '../../../../src/modules/directives/rules/outline';
import type { periodBody, registerBody, taskAction, taskDraft, unitReportBody } from '../../../../src/modules/directives/schema';
import { api, apiUrl } from '../../shared/api';

export type { Outline, OutlineItem, OutlineLead, OutlineSubitem };
export type RegisterBody = z.input<typeof registerBody>;
export type TaskDraft = z.input<typeof taskDraft>;
export type TaskActionBody = z.input<typeof taskAction>;
export type PeriodBody = z.input<typeof periodBody>;
export type UnitReportBody = z.input<typeof unitReportBody>;

export const RECURRENCES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PERIOD_KINDS = ['half', 'year', 'nine_months', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** In the order the action buttons show (the first allowed one of the main flow is the primary button). */
export const TASK_ACTIONS = ['assign', 'progress', 'request_completion', 'approve', 'return', 'change_lead', 'edit', 'note', 'cancel'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export type TaskStatus = 'new' | 'assigned' | 'in_progress' | 'completion_requested' | 'completed' | 'cancelled';
export type DeadlineState = 'none' | 'on_track' | 'near_due' | 'overdue' | 'done_on_time' | 'done_late' | 'cancelled';
export type ReportStatus = 'missing' | 'draft' | 'submitted';

export interface Coded { code: string; label: string }
export interface UnitOption { id: number; name: string; kind?: string; parentId?: number | null }
export interface UnitGroup { key: string; label: string; unitIds: number[] }
export interface StoredFile { key: string; name: string; type?: string; size?: number }

export interface Meta {
  docTypes: Coded[];
  ownerUnits: UnitOption[];
  units: UnitOption[];
  groups: UnitGroup[];
  recurrences: Coded[];
  priorities: Coded[];
  can: { register: boolean };
}

export interface TaskCounts { total: number; completed: number; open: number; overdue: number; nearDue: number; completionRequested: number; notAssigned: number; cancelled?: number }

export interface DocumentSummary {
  id: number;
  docType: string;
  docTypeLabel: string;
  number: string;
  issuer: string;
  signer: string | null;
  signedOn: string;
  subject: string;
  fields: string[];
  ownerUnitId: number;
  ownerUnitName: string;
  status: 'active' | 'closed';
  version: number;
  counts: TaskCounts;
  completionRate: number | null;
}

export interface TaskSummary {
  id: number;
  documentId: number;
  documentNumber: string;
  documentSubject: string;
  ref: string;
  content: string;
  leadUnitId: number;
  leadUnitName: string;
  coordinatingUnits: { id: number; name: string }[];
  assigneeStaffId: number | null;
  assigneeName: string | null;
  dueOn: string | null;
  dueDay: string | null;
  recurrence: Recurrence | null;
  occurrence: number | null;
  expectedOutput: string | null;
  priority: Priority;
  status: TaskStatus;
  statusLabel: string;
  progress: number;
  deadline: { state: DeadlineState; label: string; workingDaysLate: number };
  version: number;
}

export interface PeriodSummary {
  id: number;
  documentId: number;
  kind: PeriodKind;
  code: string;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string | null;
  units: number;
  reported: number;
}

export interface DocumentDetail {
  /** `registryDocumentId`: the document of an agency's register (issue 19) this one was registered from. */
  document: DocumentSummary & { fullText: string; files: StoredFile[]; registryDocumentId?: number | null };
  tasks: TaskSummary[];
  periods: PeriodSummary[];
  can: { manage: boolean; approve: boolean };
}

export interface TaskEvent {
  id: number;
  at: string;
  action: string;
  actionLabel: string;
  actorName: string | null;
  unitName: string | null;
  progress: number | null;
  note: string | null;
  files: StoredFile[];
}

export interface TaskDetail { task: TaskSummary; events: TaskEvent[]; allowedActions: string[] }
export interface Assignee { id: number; fullName: string; position: string | null; unitName: string | null }

export interface PeriodUnit {
  unitId: number;
  unitName: string;
  status: ReportStatus;
  submittedAt: string | null;
  submittedByName: string | null;
  tasks: number;
  completed: number;
  overdue: number;
}

export interface PeriodTotals {
  tasks: number; completed: number; completedOnTime: number; completedLate: number; open: number; overdue: number;
  notAssigned: number; cancelled: number; completionRate: number | null; unitsResponsible: number; unitsReported: number;
}

export interface PeriodOverview { period: PeriodSummary; document: DocumentSummary; units: PeriodUnit[]; totals: PeriodTotals; canEdit: number[] }

export interface UnitReport {
  report: {
    version: number; status: ReportStatus; narrative: string; difficulties: string; proposals: string;
    results: { taskId: number; result: string }[]; submittedAt: string | null; submittedByName: string | null;
  };
  tasks: TaskSummary[];
  canEdit: boolean;
}

export interface AgencyAlias { id: number; unitId: number; unitName: string; alias: string; note: string | null }
export interface AliasGroup { key: string; label: string; phrases: string[]; unitKinds: string[]; unitIds: number[] }

export type TaskScope = 'mine' | 'unit' | 'all';
export interface TaskFilter { scope: TaskScope; overdue?: boolean; status?: string; documentId?: number }

export const directiveKeys = {
  all: ['directives'] as const,
  meta: ['directives', 'meta'] as const,
  board: (status: string, q: string) => ['directives', 'board', status, q] as const,
  document: (id: number) => ['directives', 'document', id] as const,
  tasks: (filter: TaskFilter) => ['directives', 'tasks', filter] as const,
  task: (id: number) => ['directives', 'task', id] as const,
  period: (id: number) => ['directives', 'period', id] as const,
  unitReport: (periodId: number, unitId: number) => ['directives', 'period', periodId, 'unit', unitId] as const,
  aliases: ['directives', 'aliases'] as const,
};

export const documentFileUrl = (id: number, key: string) => apiUrl(`/directives/${id}/files/${key}`);
export const taskFileUrl = (id: number, key: string) => apiUrl(`/directives/tasks/${id}/files/${key}`);
export const periodExportUrl = (id: number, format: 'docx' | 'pdf' | 'xlsx') => apiUrl(`/directives/periods/${id}/export/${format}`);

export function useMeta() {
  // The lists change with the organisation, rarely within a visit.
  return useQuery({ queryKey: directiveKeys.meta, queryFn: ({ signal }) => api.get<Meta>('/directives/meta', undefined, signal), staleTime: 5 * 60_000 });
}

export function useBoard(status: 'active' | 'closed', q: string) {
  return useQuery({
    queryKey: directiveKeys.board(status, q),
    queryFn: ({ signal }) => api.get<{ documents: DocumentSummary[]; can: { register: boolean } }>('/directives', { status, q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: number) {
  return useQuery({ queryKey: directiveKeys.document(id), queryFn: ({ signal }) => api.get<DocumentDetail>(`/directives/${id}`, undefined, signal) });
}

/** Ends or resumes tracking a document (its tasks stop moving while it is closed). */
export function useDocumentStatus(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; status: 'active' | 'closed' }) => api.patch<DocumentDetail>(`/directives/${id}`, body),
    onSuccess: (detail) => {
      client.setQueryData(directiveKeys.document(id), detail);
      void client.invalidateQueries({ queryKey: ['directives', 'board'] });
      void client.invalidateQueries({ queryKey: ['directives', 'task'] });
    },
  });
}

/** A document of the registry (issue 19, GET /registry/documents/:id) a steering document is registered from. */
export interface RegistrySource {
  id: number;
  direction: 'in' | 'out';
  docType: string;
  symbol: string | null;
  issuedOn: string | null;
  issuerName: string | null;
  signerName: string | null;
  unitName: string;
  subject: string;
  body?: string | null;
}

export function useRegistrySource(id: number | null) {
  return useQuery({
    queryKey: ['registry', 'document', id],
    queryFn: ({ signal }) => api.get<RegistrySource>(`/registry/documents/${id}`, undefined, signal),
    enabled: id !== null,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

export function useOutline() {
  return useMutation({ mutationFn: (text: string) => api.post<Outline>('/directives/outline', { text }) });
}

export function useRegister() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) => api.post<DocumentDetail>('/directives', body),
    onSuccess: (detail) => {
      client.setQueryData(directiveKeys.document(detail.document.id), detail);
      void client.invalidateQueries({ queryKey: ['directives', 'board'] });
    },
  });
}

const PAGE = 50;
export function useTasks(filter: TaskFilter) {
  return useInfiniteQuery({
    queryKey: directiveKeys.tasks(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => api.get<{ tasks: TaskSummary[]; nextCursor: number | null }>('/directives/tasks', {
      scope: filter.scope, status: filter.status, overdue: filter.overdue ? 'true' : undefined, documentId: filter.documentId, limit: PAGE, cursor: pageParam,
    }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: number) {
  return useQuery({ queryKey: directiveKeys.task(id), queryFn: ({ signal }) => api.get<TaskDetail>(`/directives/tasks/${id}`, undefined, signal) });
}

export function useTaskAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskActionBody) => api.post<TaskDetail>(`/directives/tasks/${id}/actions`, body),
    onSuccess: (detail) => {
      client.setQueryData(directiveKeys.task(id), detail);
      // The document's table, the board's counts and the task lists all show this task.
      void client.invalidateQueries({ queryKey: ['directives', 'document', detail.task.documentId] });
      void client.invalidateQueries({ queryKey: ['directives', 'tasks'] });
      void client.invalidateQueries({ queryKey: ['directives', 'board'] });
    },
  });
}

export function useAssignees(unitId: number | null) {
  return useQuery({
    queryKey: ['directives', 'assignees', unitId],
    queryFn: ({ signal }) => api.get<{ staff: Assignee[] }>('/directives/assignees', { unitId: unitId ?? undefined }, signal),
    enabled: unitId !== null,
  });
}

export function useCreatePeriod(documentId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PeriodBody) => api.post<PeriodSummary>(`/directives/${documentId}/periods`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: directiveKeys.document(documentId) }),
  });
}

export function usePeriod(id: number) {
  return useQuery({ queryKey: directiveKeys.period(id), queryFn: ({ signal }) => api.get<PeriodOverview>(`/directives/periods/${id}`, undefined, signal) });
}

export function useUnitReport(periodId: number, unitId: number | null) {
  return useQuery({
    queryKey: directiveKeys.unitReport(periodId, unitId ?? 0),
    queryFn: ({ signal }) => api.get<UnitReport>(`/directives/periods/${periodId}/units/${unitId}`, undefined, signal),
    enabled: unitId !== null,
  });
}

export function useSaveUnitReport(periodId: number, unitId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitReportBody) => api.put<UnitReport>(`/directives/periods/${periodId}/units/${unitId}`, body),
    onSuccess: (answer) => {
      client.setQueryData(directiveKeys.unitReport(periodId, unitId), answer);
      void client.invalidateQueries({ queryKey: directiveKeys.period(periodId), exact: true });
    },
  });
}

export function useAliases() {
  return useQuery({
    queryKey: directiveKeys.aliases,
    queryFn: ({ signal }) => api.get<{ aliases: AgencyAlias[]; groups: AliasGroup[] }>('/directives/aliases', undefined, signal),
  });
}

export function useAddAlias() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { unitId: number; alias: string; note?: string | null }) => api.post<AgencyAlias>('/directives/aliases', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: directiveKeys.aliases }),
  });
}

export function useRemoveAlias() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/directives/aliases/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: directiveKeys.aliases }),
  });
}

/** Stores a file (POST /files, the platform's checks and limits) before a form names it by key. */
export function uploadFile(file: File) {
  return api.upload<{ key: string; name: string }>('/files', file);
}
