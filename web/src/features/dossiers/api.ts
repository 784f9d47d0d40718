/**
 * The dossier module's HTTP API as the web app uses it. Payload types come from the server's pure
 * rules (events, statuses, transitions) and zod schema, so a renamed field fails type checking here.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionInput, CreateDossierInput } from '../../../../src/modules/dossiers/schema';
import type { DossierEvent, FileRef, Person, RouteStep, ScanStage } from '../../../../src/modules/dossiers/rules/events';
import type { Handover } from '../../../../src/modules/dossiers/rules/reducer';
import type { OpenTimeliness, Timeliness } from '../../../../src/modules/dossiers/rules/statuses';
import type { Action } from '../../../../src/modules/dossiers/rules/transitions';
import { api, apiUrl } from '../../shared/api';
import type { Id } from '../../shared/auth';

export type { Action, ActionInput, DossierEvent, FileRef, Handover, RouteStep };

export const QUEUES = ['mine', 'awaiting_reception', 'unassigned', 'near_due', 'overdue', 'step_overdue', 'supplement', 'all_open', 'done'] as const;
export type QueueName = (typeof QUEUES)[number] | 'received_here';
export type Channel = 'desk' | 'post' | 'online';

/** A row of a work queue (presentSummary on the server). */
export interface DossierSummary {
  code: string;
  status: string;
  statusCode: number;
  statusName: string;
  statusNameEn: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string | null;
  caseCode: string | null;
  channel: Channel;
  resultDelivery: Channel;
  applicantName: string;
  receivingUnitId: number;
  receivedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  returnedAt: string | null;
  currentStep: number | null;
  currentUnitId: number | null;
  currentStaffId: number | null;
  stepDueAt: string | null;
  /** Waiting for a supplement: when the clock stopped (the due date moves when it restarts). */
  pausedSince: string | null;
  timeliness: Timeliness | OpenTimeliness | null;
  /** Every received document scanned (Decree 118 art. 17, a Decision 766 indicator). */
  digitised: boolean;
  resultDigitised: boolean;
  paidOnline: boolean;
  /** Submitted, paid, decided and returned online (DOMAIN §4). */
  fullyOnline: boolean;
  version: number;
  /** Closed long ago and moved to the archive: read-only (migration 0030). */
  archived: boolean;
  archivedAt: string | null;
}

export interface Applicant {
  kind: 'citizen' | 'organisation';
  /** A person's full name, or the organisation's name. */
  fullName: string;
  idNumber?: string;
  /** An organisation's enterprise/tax code. */
  taxCode?: string;
  phone?: string;
  email?: string;
  address?: string;
  /** The organisation's representative, or the person a citizen authorised. */
  representative?: { fullName: string; idNumber?: string; position?: string; authorisation?: string };
}

export interface ReceivedDocument {
  name: string;
  originals: number;
  copies: number;
  certifiedCopies: number;
  /** The scan uploaded at intake (POST /files) and its file name. */
  fileKey?: string;
  fileName?: string;
}

/** A scan as the dossier lists it: the file, when and by whom, at which moment of the dossier's life. */
export interface ScanView {
  file: FileRef;
  stage: ScanStage;
  at: string;
  by: Person;
}

/** A received document with its scans. */
export interface DossierDocument extends ReceivedDocument {
  digitised: boolean;
  scans: ScanView[];
}

/** A file the user uploaded and is about to attach: the key the upload answered and its name. */
export interface AttachedFile {
  key: string;
  name: string;
}

export type StaffEvent = DossierEvent & { label: { vi: string; en: string }; hash: string };

/** GET /dossiers/:code — the dossier with its route, hand-overs, history and next actions. */
export interface DossierDetail extends DossierSummary {
  lookupSecret: string;
  applicant: Applicant;
  documents: DossierDocument[];
  otherScans: (ScanView & { documentName: string })[];
  drafts: { file: FileRef; note?: string; at: string; by: Person }[];
  resultFile: FileRef | null;
  returnMethod: Channel | null;
  deliveryAddress: string | null;
  /** Where the result is recorded (the competent agency's last step). */
  resultStep: { order: number; name: string; unitId: number | null; unitName: string } | null;
  /** Why a usual next move is not open now (e.g. the result before the last step). */
  actionRefusals: Partial<Record<Action, { code: string; vi: string; en: string }>>;
  fees: { name: string; amount?: number; formula?: string }[] | null;
  processingTime: { amount: number; unit: string; caseName?: string | null; copies?: number } | null;
  competentUnitId: number | null;
  originalDueAt: string | null;
  route: RouteStep[];
  handovers: Handover[];
  supplementRequested: boolean;
  extended: boolean;
  paymentDue: number;
  paid: number;
  events: StaffEvent[];
  allowedActions: Action[];
}

export interface QueuePage {
  items: DossierSummary[];
  nextCursor: string | null;
}

export interface QueueFilter {
  queue: QueueName;
  q?: string;
  sort?: 'due' | 'received';
}

/** The body of POST /dossiers as the form sends it (before the server's defaults). */
export type CreateDossierBody = Omit<CreateDossierInput, 'documents' | 'receivedCopies' | 'intake' | 'competentUnitId'> & {
  competentUnitId?: number;
  documents: ReceivedDocument[];
  receivedCopies?: number;
  intake?: 'receive' | 'refuse' | 'supplement';
};

export type CreatedDossier = Pick<DossierSummary, 'code' | 'status' | 'statusCode' | 'receivedAt' | 'dueAt' | 'version'>;

export const dossierKeys = {
  all: ['dossiers'] as const,
  queue: (filter: QueueFilter) => ['dossiers', 'queue', filter] as const,
  counts: ['dossiers', 'count'] as const,
  detail: (code: string) => ['dossiers', 'detail', code] as const,
};

const PAGE_SIZE = 30;

export function useQueue(filter: QueueFilter) {
  return useInfiniteQuery({
    queryKey: dossierKeys.queue(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<QueuePage>('/dossiers', { queue: filter.queue, q: filter.q, sort: filter.sort, limit: PAGE_SIZE, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export type Agency = { id: number; parentId: number | null; code: string | null; name: string; kind: string };

/** Communes and departments that can decide a dossier received regardless of boundary. */
export function useAgencies() {
  return useQuery({
    queryKey: ['public', 'agencies'],
    queryFn: ({ signal }) => api.get<{ items: Agency[] }>('/public/agencies', undefined, signal),
    select: (r) => r.items.filter((a) => a.kind === 'commune' || a.kind === 'department'),
    staleTime: 10 * 60_000,
  });
}

/** GET /dossiers/counts: each counted queue's size, by the same predicate as its list. */
export type QueueCounts = Record<CountedQueue, { n: number; more: boolean }>;
export type CountedQueue = 'mine' | 'awaiting_reception' | 'unassigned' | 'near_due' | 'overdue' | 'step_overdue' | 'supplement' | 'all_open' | 'done';
/** The server counts up to this many dossiers per queue; more shows as "999+". */
export const COUNT_CAP = 999;
export function useQueueCounts(enabled = true) {
  return useQuery({
    queryKey: dossierKeys.counts,
    enabled,
    queryFn: ({ signal }) => api.get<QueueCounts>('/dossiers/counts', undefined, signal),
  });
}

export function useDossier(code: string) {
  return useQuery({
    queryKey: dossierKeys.detail(code),
    queryFn: ({ signal }) => api.get<DossierDetail>(`/dossiers/${encodeURIComponent(code)}`, undefined, signal),
  });
}

export function useDossierAction(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => api.post<DossierDetail>(`/dossiers/${encodeURIComponent(code)}/actions`, input),
    onSuccess: (dossier) => {
      client.setQueryData(dossierKeys.detail(code), dossier);
      void client.invalidateQueries({ queryKey: ['dossiers', 'queue'] });
      void client.invalidateQueries({ queryKey: ['dossiers', 'count'] });
    },
  });
}

export function useCreateDossier() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDossierBody) => api.post<CreatedDossier>('/dossiers', body),
    onSuccess: () => client.invalidateQueries({ queryKey: dossierKeys.all }),
  });
}

/** Slips 01–06 of Circular 03/2025, rendered by the server as PDF and opened in a new tab. */
export const SLIPS = ['01', '02', '03', '04', '05', '06'] as const;
export type Slip = (typeof SLIPS)[number];
export function slipUrl(code: string, slip: Slip): string {
  return apiUrl(`/dossiers/${encodeURIComponent(code)}/slips/${slip}.pdf`);
}

/** A file of the dossier (scan, draft, result), served in the dossier's context only. */
export function dossierFileUrl(code: string, key: string): string {
  return apiUrl(`/dossiers/${encodeURIComponent(code)}/files/${key}`);
}

/** Uploads a scan (PDF, JPEG or PNG, at most 20 MB); the server checks the content, not the name. */
export async function uploadScan(file: File): Promise<AttachedFile> {
  const stored = await api.upload<{ key: string; name: string }>('/files', file);
  return { key: stored.key, name: file.name };
}

// ---- catalogue (GET /procedures), read by the intake form ------------------------------------

export interface ProcessingTimeView {
  amount: number;
  unit: 'working_days' | 'calendar_days' | 'working_hours';
  cutoff?: string;
}
export interface ChannelTimeView {
  kind: Channel;
  time: ProcessingTimeView;
}
export interface ProcedureListItem {
  code: string;
  name: string;
  field?: { code: string; name: string } | string | null;
  levels?: string[];
  onlineMode?: string;
}
export interface CatalogueDocument {
  name: string;
  originals?: number;
  copies?: number;
  certifiedCopies?: number;
  presentOnly?: boolean;
  optional?: boolean;
  note?: string;
}
export interface ProcedureCase {
  code: string;
  name: string;
  description?: string;
  documents?: CatalogueDocument[];
  channels?: ChannelTimeView[];
}
export interface ProcedureView {
  code: string;
  name: string;
  field?: { code: string; name: string } | string | null;
  channels: ChannelTimeView[];
  documents: CatalogueDocument[];
  cases: ProcedureCase[];
}

export function fieldName(field: ProcedureListItem['field']): string {
  if (!field) return '';
  return typeof field === 'string' ? field : field.name;
}

export function useProcedureSearch(q: string) {
  return useQuery({
    queryKey: ['procedures', 'search', q],
    queryFn: ({ signal }) => api.get<{ items: ProcedureListItem[]; total: number }>('/procedures', { q: q || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The full procedure. Accepts the record itself or one wrapped as { content } / { procedure }. */
export function useProcedure(code: string | undefined) {
  return useQuery({
    queryKey: ['procedures', 'detail', code],
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const body = await api.get<Record<string, unknown>>(`/procedures/${encodeURIComponent(code ?? '')}`, undefined, signal);
      const inner = (body.content ?? body.procedure ?? body) as Partial<ProcedureView>;
      return { ...inner, channels: inner.channels ?? [], documents: inner.documents ?? [], cases: inner.cases ?? [] } as ProcedureView;
    },
  });
}

// ---- staff of the dossier's route (who may receive a step; names and positions only) -----------

export interface RouteStepStaff {
  step: number;
  name: string;
  unitId: number | null;
  unitName: string;
  external: boolean;
  staff: { id: Id; fullName: string; position: string | null; unitName: string }[];
}

/** GET /dossiers/:code/route-staff?step= — open to whoever can act on the dossier, even across agencies. */
export function useRouteStaff(code: string, step: number | null | undefined) {
  return useQuery({
    queryKey: ['dossiers', 'route-staff', code, step],
    enabled: step !== null && step !== undefined,
    queryFn: ({ signal }) => api.get<{ steps: RouteStepStaff[] }>(`/dossiers/${encodeURIComponent(code)}/route-staff`, { step: step ?? undefined }, signal),
    select: (body) => body.steps[0] ?? null,
  });
}

// ---- org (staff pickers of the action forms) --------------------------------------------------

export interface StaffOption {
  id: Id;
  fullName: string;
  position: string | null;
  unitName: string;
  active: boolean;
}

export function useUnitStaff(unitId: number | null | undefined) {
  return useQuery({
    queryKey: ['org', 'staff', { unitId, pageSize: 200, forDossier: true }],
    enabled: unitId !== null && unitId !== undefined,
    queryFn: ({ signal }) => api.get<{ items: StaffOption[] }>('/org/staff', { unitId: unitId ?? undefined, pageSize: 200 }, signal),
    select: (body) => body.items.filter((s) => s.active),
  });
}
