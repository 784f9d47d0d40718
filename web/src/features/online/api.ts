/**
 * The online public services' API as the citizen pages use it (modules/online). Request shapes come
 * from the server's zod schema, so a renamed field fails type checking here.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDraftInput, PatchDraftInput, RatingInput, SupplementInput } from '../../../../src/modules/online/schema';
import type { Bilingual, RequiredAction, TimelineEntry } from '../../../../src/modules/online/rules/citizen-view';
import { api, apiUrl } from '../../shared/api';

export type { Bilingual, RequiredAction, TimelineEntry };
export type FieldProblem = { path: string; message: string; messageEn: string };

export interface DraftDocument { name: string; fileId: string }
export interface Draft {
  id: string;
  status: 'draft' | 'submitted';
  version: number;
  procedureCode: string;
  procedureName: string;
  dossierCode: string | null;
  content: {
    caseCode: string | null; receivingUnitId: number | null; applicantKind: 'citizen' | 'organisation';
    organisation: { name: string; taxCode: string; address: string | null; position: string | null } | null;
    request: string | null; documents: DraftDocument[]; delivery: { method: 'online' | 'post'; address: string | null };
  };
  applicant: { fullName: string; idNumber: string | null; birthDate: string | null; address: string | null; phone: string | null; email: string | null } | null;
  procedure: {
    onlineMode: string; applicants: ('citizen' | 'organisation')[]; cases: { code: string; name: string }[];
    receivingUnits: { id: number; name: string; communeName: string | null }[];
    documents: { name: string; required: boolean; note: string | null; formTemplate: string | null; fromNationalDb: boolean; presentOnly: boolean }[];
  } | null;
  files: { id: string; name: string; type: string; size: number }[];
  problems: FieldProblem[];
}

export interface StoredDocument { id: string; name: string; type: string; size: number; origin: 'upload' | 'result'; dossierCode: string | null; createdAt: string }

export interface MyDossierRow {
  code: string; procedureCode: string; procedureName: string; statusCode: number; statusName: string; statusNameEn: string;
  channel: string; source: 'online' | 'desk'; receivedOn: string | null; dueOn: string | null; needsAction: boolean;
}
export interface MyDossiers { drafts: { id: string; procedureCode: string; procedureName: string; updatedOn: string }[]; dossiers: MyDossierRow[] }

export interface MyDossier extends MyDossierRow {
  caseName: string | null; resultDelivery: string; lookupSecret: string; receivedAt: string | null; dueAt: string | null;
  documents: { name: string; attached: boolean; supplement: boolean }[];
  timeline: TimelineEntry[];
  deadline: { receivedOn: string | null; dueOn: string | null; paused: boolean; pauses: { from: string; to: string | null; workingHours: number | null }[]; lines: Bilingual[] };
  actions: RequiredAction[];
  refusalReasons: string[];
  receiptAvailable: boolean;
  paymentOnline: boolean;
  rating: { level: string; label: Bilingual; comment: string | null; ratedAt: string } | null;
}

const KEYS = { list: ['online', 'dossiers'] as const, documents: ['online', 'documents'] as const };

export const useMyDossiers = () => useQuery({ queryKey: KEYS.list, queryFn: ({ signal }) => api.get<MyDossiers>('/citizen/dossiers', undefined, signal) });
export const useMyDossier = (code: string) => useQuery({ queryKey: ['online', 'dossier', code], queryFn: ({ signal }) => api.get<MyDossier>(`/citizen/dossiers/${encodeURIComponent(code)}`, undefined, signal) });
export const useDraft = (id: string | null) => useQuery({ queryKey: ['online', 'draft', id], enabled: !!id, queryFn: ({ signal }) => api.get<Draft>(`/citizen/dossiers/${id}`, undefined, signal) });
export const useDocuments = () => useQuery({ queryKey: KEYS.documents, queryFn: ({ signal }) => api.get<{ items: StoredDocument[] }>('/citizen/documents', undefined, signal) });

export const documentFileUrl = (id: string) => apiUrl(`/citizen/documents/${id}/file`);
export const slipUrl = (code: string, form: '01' | '02' | '03') => apiUrl(`/citizen/dossiers/${encodeURIComponent(code)}/slips/${form}.pdf`);

export function useCreateDraft() {
  return useMutation({ mutationFn: (body: Partial<CreateDraftInput> & { procedureCode: string }) => api.post<Draft>('/citizen/dossiers', body) });
}
export function useSaveDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PatchDraftInput> & { version: number }) => api.patch<Draft>(`/citizen/dossiers/${id}`, body),
    onSuccess: (d) => qc.setQueryData(['online', 'draft', id], d),
  });
}
export function useSubmitDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => api.post<{ created: boolean; draft: Draft; dossier?: { code: string } }>(`/citizen/dossiers/${id}/submit`, { idempotencyKey }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: KEYS.list }); },
  });
}
export function useUpload() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, draftId }: { file: File; draftId?: string }) => api.upload<StoredDocument>(`/citizen/files${draftId ? `?draftId=${draftId}` : ''}`, file),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: KEYS.documents }); },
  });
}
export function useSupplement(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SupplementInput) => api.post<MyDossier>(`/citizen/dossiers/${encodeURIComponent(code)}/supplement`, body),
    onSuccess: (d) => qc.setQueryData(['online', 'dossier', code], d),
  });
}
export function useRate(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingInput) => api.post<MyDossier>(`/citizen/dossiers/${encodeURIComponent(code)}/rating`, body),
    onSuccess: (d) => qc.setQueryData(['online', 'dossier', code], d),
  });
}
/** The pay button: the payments module answers with the gateway address (wired by the lead with modules/payments). */
export function usePay(code: string) {
  return useMutation({ mutationFn: () => api.post<{ redirectUrl: string }>(`/citizen/dossiers/${encodeURIComponent(code)}/pay`) });
}
