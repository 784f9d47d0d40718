/**
 * The feedback (PAKN) API as the pages use it (contract of issue 12, modules/feedback). Shapes
 * follow the contract; fields the server may add later are optional here.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  actionBody, Category as ServerCategory, citizenSubmitBody, FeedbackStatus as ServerStatus, PublishedItem as ServerPublished, staffSubmitBody, submitBody,
} from '../../../../src/modules/feedback/schema';
import { api, apiUrl } from '../../shared/api';
import type { Id } from '../../shared/auth';

/** Forwarding makes the item `received` at the competent unit, so there is no 'forwarded' status. */
export const STATUSES: readonly ServerStatus[] = ['received', 'in_progress', 'awaiting_approval', 'answered', 'published', 'rejected', 'withdrawn'];
export type FeedbackStatus = ServerStatus;
export const ABOUT_KINDS = ['procedure', 'dossier', 'official', 'service', 'regulation', 'other'] as const;
export type AboutKind = (typeof ABOUT_KINDS)[number];
export const STAFF_CHANNELS = ['desk', 'phone', 'letter', 'email'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
export type Channel = 'portal' | 'citizen' | StaffChannel | 'api';
export const ACTIONS = ['classify', 'assign', 'draft_answer', 'approve_answer', 'return_draft', 'publish', 'unpublish', 'note'] as const;
export type FeedbackAction = (typeof ACTIONS)[number];

export interface Bilingual { vi: string; en: string }
/** A name the server gives in both languages, or (in a few lists) already in one. */
export type Text = string | Bilingual;

export interface Category {
  code: string;
  name: Bilingual;
  description: Bilingual;
  deadlineDays: number;
  coordinationDeadlineDays: number | null;
  conduct: boolean;
  active: boolean;
  sortOrder: number;
  version?: number;
}

export interface About {
  kind: AboutKind;
  procedureCode?: string;
  dossierCode?: string;
  staffPublicId?: string;
  unitId?: number;
}

export interface Submitter {
  kind: 'person' | 'organisation';
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  organisation?: string;
}

export interface SubmitBody {
  categoryCode: string;
  about: About;
  title: string;
  content: string;
  consentToPublish: boolean;
  /** Anonymous portal and desk: the sender. */
  submitter?: Partial<Submitter>;
  /** Signed in with e-ID: the identity is the sender; phone and e-mail may be added. */
  phone?: string;
  email?: string;
  /** Signed in: ids of documents uploaded through the citizen upload; at the desk: files stored with POST /files. */
  attachments?: string[] | { key: string; name: string }[];
  channel?: StaffChannel;
}

export interface Receipt { code: string; secret: string; status: FeedbackStatus; receivedAt: string; dueAt: string | null }

export interface PublicStatus {
  code: string;
  categoryCode: string;
  title: string;
  status: FeedbackStatus;
  statusLabel: Bilingual;
  receivedAt: string;
  dueAt: string | null;
  answeredAt: string | null;
  unitName: string | null;
  history: { at: string; action: string; label: Bilingual }[];
}

export interface PublishedItem {
  code: string;
  categoryCode: string;
  categoryName: Text;
  unitId: Id;
  unitName: string | null;
  title: string;
  question: string;
  answer: string;
  receivedAt: string;
  answeredAt: string | null;
  publishedAt: string;
  answeredOnTime: boolean | null;
}

export interface UnitStats { unitId: Id; unitName: string; received: number; answered: number; answeredOnTime: number; onTimeRate: number | null; averageDaysToAnswer: number | null; published: number }
export interface Stats { from: string; to: string; units: UnitStats[]; categories: { code: string; name: Text; received: number; answered: number }[] }

export interface InboxItem {
  code: string;
  categoryCode: string;
  title: string;
  status: FeedbackStatus;
  conduct: boolean;
  unitId: Id;
  unitName: string | null;
  assignee: { id: Id; fullName: string } | null;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  channel: Channel;
}
export interface InboxPage { items: InboxItem[]; nextCursor: string | null; total: number }

export interface HistoryEvent { at: string; action: string; label?: Bilingual; actor?: { id?: Id; fullName: string } | string | null; note?: string | null; details?: unknown }
export interface Attachment { key: string; name?: string; size?: number; type?: string; url?: string }

export interface FeedbackDetail extends InboxItem {
  content: string;
  about: About;
  submitter: Submitter;
  /** Conduct items: the official's unit, whose head follows the item too. */
  conductUnitName?: string | null;
  coordination?: boolean;
  rejectReason?: string | null;
  appName?: string | null;
  consentToPublish: boolean;
  attachments: (Attachment | string)[];
  history: HistoryEvent[];
  draftAnswer?: string | null;
  answer?: string | null;
  answeredAt?: string | null;
  answeredOnTime?: boolean | null;
  /** The redacted copy the public sees, while published. */
  published?: { title: string | null; question: string | null; answer: string | null; publishedAt: string } | null;
  /** The category at the time it applies; some servers send only the code. */
  categoryName?: Text;
  allowedActions: string[];
  version: number;
}

export type ActionBody =
  | { action: 'classify'; outcome: 'in_competence' | 'forward' | 'out_of_scope'; unitId?: number; reason?: string; coordination?: boolean }
  | { action: 'assign'; staffId: number }
  | { action: 'draft_answer'; answer: string }
  | { action: 'approve_answer' }
  | { action: 'return_draft'; reason: string }
  | { action: 'publish'; question?: string; answer?: string }
  | { action: 'unpublish'; reason: string }
  | { action: 'note'; text: string };

export const say = (text: Text | null | undefined, locale: 'vi' | 'en'): string =>
  !text ? '' : typeof text === 'string' ? text : text[locale] || text.vi;

export const feedbackKeys = {
  categories: ['public', 'feedback', 'categories'] as const,
  staffCategories: ['feedback', 'categories'] as const,
  inbox: ['feedback', 'inbox'] as const,
  detail: (code: string) => ['feedback', 'detail', code] as const,
};

const enc = encodeURIComponent;

// ---- public -------------------------------------------------------------------------------

export function usePublicCategories() {
  return useQuery({
    queryKey: feedbackKeys.categories,
    queryFn: ({ signal }) => api.get<{ items: Category[] }>('/public/feedback/categories', undefined, signal),
    select: (body) => [...body.items].sort((a, b) => a.sortOrder - b.sortOrder),
    staleTime: 5 * 60_000,
  });
}

export function useSubmitPublic() {
  return useMutation({ mutationFn: (body: SubmitBody) => api.post<Receipt>('/public/feedback', body) });
}
export function useSubmitCitizen() {
  return useMutation({ mutationFn: (body: SubmitBody) => api.post<Receipt>('/citizen/feedback', body) });
}
/** A citizen's attachment goes through the online services' upload (same checks and limits). */
export function useCitizenUpload() {
  return useMutation({ mutationFn: (file: File) => api.upload<{ id: string; name: string; size: number }>('/citizen/files', file) });
}

export function usePublicStatus(code: string, secret: string) {
  return useQuery({
    queryKey: ['public', 'feedback', 'status', code, secret],
    enabled: Boolean(code && secret),
    retry: false, // 404 for a wrong key, and rate-limited
    queryFn: ({ signal }) => api.get<PublicStatus>(`/public/feedback/${enc(code)}`, { secret }, signal),
  });
}

export interface PublishedFilter { categoryCode?: string; unitId?: string; q?: string }
export function usePublished(filter: PublishedFilter) {
  return useInfiniteQuery({
    queryKey: ['public', 'feedback', 'published', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: PublishedItem[]; nextCursor: string | null }>('/public/feedback/published', { ...filter, cursor: pageParam, limit: 10 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useStats(from: string, to: string) {
  return useQuery({
    queryKey: ['public', 'feedback', 'stats', from, to],
    queryFn: ({ signal }) => api.get<Stats>('/public/feedback/stats', { from, to }, signal),
    placeholderData: keepPreviousData,
  });
}

// ---- staff --------------------------------------------------------------------------------

export interface InboxFilter { status?: FeedbackStatus; categoryCode?: string; conduct?: boolean; assignee?: 'me'; overdue?: boolean }
export function useInbox(filter: InboxFilter) {
  return useInfiniteQuery({
    queryKey: [...feedbackKeys.inbox, filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<InboxPage>('/feedback', { ...filter, conduct: filter.conduct || undefined, overdue: filter.overdue || undefined, cursor: pageParam, limit: 25 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useFeedback(code: string) {
  return useQuery({
    queryKey: feedbackKeys.detail(code),
    queryFn: ({ signal }) => api.get<FeedbackDetail>(`/feedback/${enc(code)}`, undefined, signal),
    retry: (n, e) => n < 1 && !(e as { status?: number }).status,
  });
}

export function useFeedbackAction(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody & { version: number }) => api.post<FeedbackDetail>(`/feedback/${enc(code)}/actions`, body),
    onSuccess: (item) => {
      client.setQueryData(feedbackKeys.detail(code), item);
      void client.invalidateQueries({ queryKey: feedbackKeys.inbox });
    },
  });
}

export function useRecordFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitBody) => api.post<Receipt>('/feedback', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: feedbackKeys.inbox }),
  });
}

export const attachmentUrl = (code: string, key: string) => apiUrl(`/feedback/${enc(code)}/files/${enc(key)}`);

export function useStaffCategories() {
  return useQuery({
    queryKey: feedbackKeys.staffCategories,
    queryFn: ({ signal }) => api.get<{ items: Category[] }>('/feedback/categories', undefined, signal),
    select: (body) => [...body.items].sort((a, b) => a.sortOrder - b.sortOrder),
  });
}

export function useSaveCategory() {
  const client = useQueryClient();
  return useMutation({
    // Version 0 creates the category; the version read updates it (409 when someone saved first).
    mutationFn: ({ code, version, ...body }: Omit<Category, 'version'> & { version?: number }) =>
      api.put<Category>(`/feedback/categories/${enc(code)}`, { ...body, version: version ?? 0 }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: feedbackKeys.staffCategories });
      void client.invalidateQueries({ queryKey: feedbackKeys.categories });
    },
  });
}

/**
 * Active staff to assign a feedback item to: those of the item's unit and its sub-units, or, while
 * the user types a name, anyone in the caller's reach (the org module's staff list).
 */
export function useAssignableStaff(unitId: Id | null | undefined, q: string) {
  return useQuery({
    queryKey: ['org', 'staff', { unitId: q ? undefined : unitId, q, pageSize: 100, forFeedback: true }],
    enabled: unitId !== null && unitId !== undefined,
    queryFn: ({ signal }) =>
      api.get<{ items: { id: number; fullName: string; position: string | null; unitName: string; active: boolean }[] }>('/org/staff', q ? { q, pageSize: 100 } : { unitId: unitId ?? undefined, pageSize: 100 }, signal),
    select: (body) => body.items.filter((s) => s.active),
    placeholderData: keepPreviousData,
  });
}

// ---- neighbours (catalogue, org) ---------------------------------------------------------

export type Agency = { id: number; parentId: number | null; code: string | null; name: string; kind: string };
/** The province's agencies (communes, departments, centres), for "about a unit" and forwarding. */
export function usePublicAgencies() {
  return useQuery({
    queryKey: ['public', 'agencies'],
    queryFn: ({ signal }) => api.get<{ items: Agency[] }>('/public/agencies', undefined, signal),
    select: (r) => r.items,
    staleTime: 10 * 60_000,
  });
}

/** The public catalogue search, to say which procedure the feedback is about. */
export function useProcedureSearch(q: string) {
  return useQuery({
    queryKey: ['procedures', 'search', q],
    queryFn: ({ signal }) => api.get<{ items: { code: string; name: string }[]; total: number }>('/procedures', { q: q || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

// The request bodies above must be what the server's zod schemas accept (modules/feedback/schema.ts):
// a renamed or retyped field fails type checking here rather than at the desk.
type Accepts<T extends U, U> = T;
export type _Checks = [
  Accepts<ActionBody & { version: number }, z.input<typeof actionBody>>,
  Accepts<Required<Pick<SubmitBody, 'categoryCode' | 'title' | 'content' | 'consentToPublish'>> & { about: About; submitter: Submitter }, z.input<typeof submitBody>>,
  Accepts<Required<Pick<SubmitBody, 'categoryCode' | 'title' | 'content' | 'consentToPublish'>> & { about: About; phone?: string; email?: string; attachments?: string[] }, z.input<typeof citizenSubmitBody>>,
  Accepts<Required<Pick<SubmitBody, 'categoryCode' | 'title' | 'content' | 'consentToPublish'>> & { about: About; submitter: Submitter; channel: StaffChannel }, z.input<typeof staffSubmitBody>>,
  Accepts<ServerCategory, Category>,
  Accepts<ServerPublished, PublishedItem>,
];

/** A signed-in citizen's own feedback (GET /citizen/feedback). */
export interface MyFeedback {
  code: string; categoryCode: string; title: string; status: FeedbackStatus; statusLabel: { vi: string; en: string }; unitName: string | null;
  receivedAt: string; dueAt: string | null; answeredAt: string | null; channel: Channel;
}

export function useMyFeedback() {
  return useQuery({ queryKey: ['feedback', 'mine'], queryFn: ({ signal }) => api.get<{ items: MyFeedback[] }>('/citizen/feedback', undefined, signal) });
}

export function useWithdrawMine() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, reason }: { code: string; reason?: string }) => api.post<unknown>(`/citizen/feedback/${encodeURIComponent(code)}/withdraw`, { ...(reason ? { reason } : {}) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['feedback', 'mine'] }),
  });
}

/** Where feedback lands and which unit oversees conduct (GET/PUT /feedback/settings; province administrator). */
export interface FeedbackSettings { receivingUnitId: number | null; receivingUnitName: string | null; conductOversightUnitId: number | null; conductOversightUnitName: string | null }

export function useFeedbackSettings() {
  return useQuery({ queryKey: ['feedback', 'settings'], queryFn: ({ signal }) => api.get<FeedbackSettings>('/feedback/settings', undefined, signal) });
}

export function useSaveFeedbackSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { receivingUnitId: number | null; conductOversightUnitId: number | null }) => api.put<FeedbackSettings>('/feedback/settings', body),
    onSuccess: (saved) => client.setQueryData(['feedback', 'settings'], saved),
  });
}
