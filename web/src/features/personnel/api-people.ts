/**
 * Civil-servant records, their changes, movements, grants and views (src/modules/personnel/records.service.ts,
 * movements.service.ts). Bodies are typed from the server's zod schema (types only); answers follow the
 * services' return values.
 */
import { type QueryClient, keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changeBody, decideBody, grantsBody, movementBody } from '../../../../src/modules/personnel/schema';
import { ApiError, api, apiUrl, isApiError } from '../../shared/api';
import type { Role } from '../../shared/auth';
import { itemsOf } from './api-schemes';
import type { PersonRecord, RecordField, Rating } from './labels';

export type ChangeBody = z.input<typeof changeBody>;
export type DecideBody = z.input<typeof decideBody>;
export type MovementBody = z.input<typeof movementBody>;
export type GrantsBody = z.input<typeof grantsBody>;
export type MovementKind = MovementBody['kind'];
export const MOVEMENT_KINDS: readonly MovementKind[] = ['appointment', 'secondment', 'transfer', 'retirement', 'leaving'];

/** Who a civil servant is in the service: what every answer about a person carries. */
interface PersonBase {
  id: number;
  staffId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  position: string | null;
  civilServantNo: string | null;
  recruitedOn: string;
  status: 'serving' | 'left';
}
export interface PersonSummary extends PersonBase { positionName: string | null; gradeName: string | null }
export interface PeoplePage { total: number; page: number; pageSize: number; items: PersonSummary[] }
export interface Person extends PersonBase { leftOn: string | null; version: number }

export type ChangeStatus = 'proposed' | 'approved' | 'rejected' | 'withdrawn';
export interface DiffEntry { field: RecordField; before: unknown; after: unknown }
export interface RecordChange {
  id: number;
  personId: number;
  set: Partial<Record<RecordField, unknown>>;
  reason: string;
  status: ChangeStatus;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  diff: DiffEntry[];
}
/** GET /changes: HR's queue, each change with whose record it is. */
export interface QueuedChange extends RecordChange { fullName: string; unitName: string }

export interface Movement {
  id: number;
  kind: MovementKind;
  on: string;
  until: string | null;
  fromUnitName: string | null;
  toUnitName: string | null;
  positionCode: string | null;
  positionName: string | null;
  decisionNo: string;
  decisionDate: string;
  signer: string | null;
  note: string | null;
}
export interface Placement { id: number; unitId: number; unitName: string; positionCode: string; positionName: string; from: string; to: string | null }
export interface Grant { role: Role; unitId: number; unitName: string }
export type EvaluationStatus = 'not_started' | 'self' | 'reviewed' | 'approved';
export interface EvaluationSummary { year: number; status: EvaluationStatus; points: number | null; rating: Rating | null; demoted: boolean }

/** How the caller stands to the record: the person, HR of the person's unit, or a reader whose view is logged. */
export type Standing = 'self' | 'hr' | 'reader';

/** GET /people/:id and GET /me. */
export interface PersonDetail {
  person: Person;
  record: PersonRecord;
  standing: Standing;
  viewLogged: boolean;
  changes: RecordChange[];
  movements: Movement[];
  placements: Placement[];
  grants: Grant[];
  evaluations: EvaluationSummary[];
}

export interface RecordView { id: number; viewer: string; viewerUnit: string; reason: string; what: string; at: string }

export const peopleKeys = {
  list: (q: { unitId: number | null; q: string; page: number }) => ['personnel', 'people', q] as const,
  detail: (id: number) => ['personnel', 'person', id] as const,
  me: ['personnel', 'me'] as const,
  views: (id: number) => ['personnel', 'person', id, 'views'] as const,
  queue: (status: ChangeStatus) => ['personnel', 'changes', status] as const,
};

export function usePeople(q: { unitId: number | null; q: string; page: number }) {
  return useQuery({
    queryKey: peopleKeys.list(q),
    queryFn: ({ signal }) => api.get<PeoplePage>('/personnel/people', { unitId: q.unitId, q: q.q, page: q.page }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * A reader who is neither the person nor HR must say why (400); the page asks and sends `reason` again.
 * The server says so with its own code (PERSONNEL_VIEW_REASON_REQUIRED).
 */
export function needsViewReason(error: unknown, reason: string | null): boolean {
  return isApiError(error) && error.status === 400 && !reason && error.code === 'PERSONNEL_VIEW_REASON_REQUIRED';
}

export function usePerson(id: number, reason: string | null) {
  return useQuery({
    queryKey: [...peopleKeys.detail(id), reason ?? ''],
    queryFn: ({ signal }) => api.get<PersonDetail>(`/personnel/people/${id}`, { reason }, signal),
    // Each read by a reader is logged: a refetch on focus would log views nobody made.
    refetchOnWindowFocus: false,
    retry: (n, e) => n < 1 && !(e instanceof ApiError && e.status < 500),
  });
}

export function useMyRecord() {
  return useQuery({
    queryKey: peopleKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<PersonDetail>('/personnel/me', undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null; // no record opened for me yet
        throw error;
      }
    },
  });
}

export function useViews(id: number, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.views(id),
    queryFn: ({ signal }) => api.get<{ items: RecordView[] } | RecordView[]>(`/personnel/people/${id}/views`, undefined, signal),
    select: itemsOf,
    enabled,
  });
}

export function useChangeQueue(status: ChangeStatus) {
  return useQuery({
    queryKey: peopleKeys.queue(status),
    queryFn: ({ signal }) => api.get<{ items: QueuedChange[] } | QueuedChange[]>('/personnel/changes', { status }, signal),
    select: itemsOf,
  });
}

export const formUrl = (id: number, kind: 'pdf' | 'docx', reason: string | null) => apiUrl(`/personnel/people/${id}/form.${kind}`, { reason });

/**
 * Reloads the records cached by this browser after a change, except those read with a reason: each such
 * read is logged as a view, and a reload nobody asked for would log a view nobody made.
 */
export function invalidatePeople(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: ['personnel', 'person'], predicate: (q) => !q.queryKey[3] });
  void client.invalidateQueries({ queryKey: peopleKeys.me });
}

/** After any change to a person, their cached record (and the lists naming them) reloads. */
function usePersonMutation<B, R>(send: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      invalidatePeople(client);
      void client.invalidateQueries({ queryKey: ['personnel', 'changes'] });
      void client.invalidateQueries({ queryKey: ['personnel', 'people'] });
    },
  });
}

export const useProposeChange = (personId: number) => usePersonMutation((body: ChangeBody) => api.post<{ id: number; status: ChangeStatus }>(`/personnel/people/${personId}/changes`, body));
export const useDecideChange = () => usePersonMutation(({ id, ...body }: DecideBody & { id: number }) => api.post<{ id: number; status: ChangeStatus }>(`/personnel/changes/${id}/decide`, body));
export const useRecordMovement = (personId: number) => usePersonMutation((body: MovementBody) => api.post<{ id: number; kind: MovementKind; accountDisabled: boolean }>(`/personnel/people/${personId}/movements`, body));
export const useSetGrants = (personId: number) => usePersonMutation((body: GrantsBody) => api.put<{ grants: Grant[] }>(`/personnel/people/${personId}/grants`, body));

export type PersonCreateBody = { staffId: number; civilServantNo?: string; recruitedOn: string };
/** POST /people: HR opens a record for a staff member of a unit it keeps (the record's fields come by proposals or import). */
export const useOpenRecord = () => usePersonMutation((body: PersonCreateBody) => api.post<Person>('/personnel/people', body));
