/**
 * The quality module's HTTP API, Parts A and B (src/modules/quality/API.md), as the pages use it. Every
 * write sends the version it read; after one, the record's queries and the lists that show it are read again.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type {
  DeclarationInput, Declaration, DocumentDetail, DocumentInput, DocumentItem, Objective, ObjectiveInput, ObjectivesAnswer, ObjectiveUpdate,
  Person, Process, ProcessInput, ProcessUpdate, SystemDetail, SystemsAnswer, SystemUpdate,
} from './types';

const P = '/quality';

export const qualityKeys = {
  all: ['quality'] as const,
  systems: ['quality', 'systems'] as const,
  system: (id: number) => ['quality', 'system', id] as const,
  people: (id: number) => ['quality', 'people', id] as const,
  declarations: (id: number) => ['quality', 'declarations', id] as const,
  objectives: (id: number, year: number) => ['quality', 'objectives', id, year] as const,
  processes: (id: number) => ['quality', 'processes', id] as const,
  documents: (id: number) => ['quality', 'documents', id] as const,
  document: (id: number) => ['quality', 'document', id] as const,
};

export function useSystems() {
  return useQuery({ queryKey: qualityKeys.systems, queryFn: ({ signal }) => api.get<SystemsAnswer>(`${P}/systems`, undefined, signal) });
}

export function useSystem(id: number) {
  return useQuery({ queryKey: qualityKeys.system(id), queryFn: ({ signal }) => api.get<SystemDetail>(`${P}/systems/${id}`, undefined, signal), enabled: id > 0 });
}

export function usePeople(qmsId: number, enabled = true) {
  return useQuery({
    queryKey: qualityKeys.people(qmsId),
    queryFn: ({ signal }) => api.get<{ items: Person[] }>(`${P}/systems/${qmsId}/people`, undefined, signal),
    select: (body) => body.items,
    enabled: enabled && qmsId > 0,
    staleTime: 5 * 60_000,
  });
}

export function useDeclarations(qmsId: number) {
  return useQuery({
    queryKey: qualityKeys.declarations(qmsId),
    queryFn: ({ signal }) => api.get<{ items: Declaration[] }>(`${P}/systems/${qmsId}/declarations`, undefined, signal),
    select: (body) => body.items,
    enabled: qmsId > 0,
  });
}

export function useObjectives(qmsId: number, year: number) {
  return useQuery({
    queryKey: qualityKeys.objectives(qmsId, year),
    queryFn: ({ signal }) => api.get<ObjectivesAnswer>(`${P}/systems/${qmsId}/objectives`, { year }, signal),
    enabled: qmsId > 0,
    placeholderData: keepPreviousData,
  });
}

export function useProcesses(qmsId: number) {
  return useQuery({
    queryKey: qualityKeys.processes(qmsId),
    queryFn: ({ signal }) => api.get<{ items: Process[] }>(`${P}/systems/${qmsId}/processes`, undefined, signal),
    select: (body) => body.items,
    enabled: qmsId > 0,
  });
}

export function useDocuments(qmsId: number) {
  return useQuery({
    queryKey: qualityKeys.documents(qmsId),
    queryFn: ({ signal }) => api.get<{ items: DocumentItem[] }>(`${P}/systems/${qmsId}/documents`, undefined, signal),
    select: (body) => body.items,
    enabled: qmsId > 0,
  });
}

export function useDocument(id: number) {
  return useQuery({ queryKey: qualityKeys.document(id), queryFn: ({ signal }) => api.get<DocumentDetail>(`${P}/documents/${id}`, undefined, signal), enabled: id > 0 });
}

/** Keys read again after a write to a QMS: the list of systems (its counts) and the QMS's own pages. */
function useSettle() {
  const client = useQueryClient();
  return (qmsId: number | undefined, ...more: (readonly unknown[])[]) => {
    void client.invalidateQueries({ queryKey: qualityKeys.systems });
    if (qmsId) {
      void client.invalidateQueries({ queryKey: qualityKeys.system(qmsId) });
      void client.invalidateQueries({ queryKey: qualityKeys.declarations(qmsId) });
    }
    for (const key of more) void client.invalidateQueries({ queryKey: key });
  };
}

export function useCreateSystem() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: { agencyUnitId: number; obligation?: string; standard?: string }) => api.post<SystemDetail>(`${P}/systems`, body),
    onSuccess: (d) => settle(d?.id),
  });
}

export function useUpdateSystem(qmsId: number) {
  const client = useQueryClient();
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: SystemUpdate) => api.put<SystemDetail>(`${P}/systems/${qmsId}`, body),
    onSuccess: (d) => { if (d?.id) client.setQueryData(qualityKeys.system(d.id), d); settle(qmsId); },
  });
}

export function useApprovePolicy(qmsId: number) {
  const client = useQueryClient();
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: { version: number }) => api.post<SystemDetail>(`${P}/systems/${qmsId}/policy/approve`, body),
    onSuccess: (d) => { if (d?.id) client.setQueryData(qualityKeys.system(d.id), d); settle(qmsId); },
  });
}

export function useRecordDeclaration(qmsId: number) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: DeclarationInput) => api.post<SystemDetail>(`${P}/systems/${qmsId}/declarations`, body),
    onSuccess: () => settle(qmsId),
  });
}

export function useCreateObjective(qmsId: number) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: ObjectiveInput) => api.post<Objective>(`${P}/systems/${qmsId}/objectives`, body),
    onSuccess: () => settle(qmsId, ['quality', 'objectives', qmsId]),
  });
}

export function useUpdateObjective(qmsId: number) {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: ObjectiveUpdate & { id: number }) => api.put<Objective>(`${P}/objectives/${id}`, body),
    onSuccess: () => settle(qmsId, ['quality', 'objectives', qmsId]),
  });
}

export function useCreateProcess(qmsId: number) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: ProcessInput) => api.post<Process>(`${P}/systems/${qmsId}/processes`, body),
    onSuccess: () => settle(qmsId, qualityKeys.processes(qmsId)),
  });
}

export function useUpdateProcess(qmsId: number) {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ id, ...body }: ProcessUpdate & { id: number }) => api.put<Process>(`${P}/processes/${id}`, body),
    onSuccess: () => settle(qmsId, qualityKeys.processes(qmsId)),
  });
}

export function useCreateDocument(qmsId: number) {
  const client = useQueryClient();
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: DocumentInput) => api.post<DocumentDetail>(`${P}/systems/${qmsId}/documents`, body),
    onSuccess: (d) => {
      if (d?.id) client.setQueryData(qualityKeys.document(d.id), d);
      settle(qmsId, qualityKeys.documents(qmsId), qualityKeys.processes(qmsId));
    },
  });
}

/** A write to one document (new draft, approve, obsolete): its detail as answered, the lists read again. */
function useDocumentWrite<I>(documentId: number, qmsId: number | undefined, send: (input: I) => Promise<DocumentDetail>) {
  const client = useQueryClient();
  const settle = useSettle();
  return useMutation({
    mutationFn: send,
    onSuccess: (d) => {
      if (d?.id) client.setQueryData(qualityKeys.document(d.id), d);
      else void client.invalidateQueries({ queryKey: qualityKeys.document(documentId) });
      settle(qmsId, ...(qmsId ? [qualityKeys.documents(qmsId), qualityKeys.processes(qmsId)] : []));
    },
  });
}

export function useNewDraft(documentId: number, qmsId: number | undefined) {
  return useDocumentWrite(documentId, qmsId, (body: { content: string; changeLog: string }) => api.post<DocumentDetail>(`${P}/documents/${documentId}/versions`, body));
}

export function useApproveVersion(documentId: number, qmsId: number | undefined) {
  return useDocumentWrite(documentId, qmsId, ({ versionId, ...body }: { versionId: number; version: number; effectiveFrom?: string }) =>
    api.post<DocumentDetail>(`${P}/document-versions/${versionId}/approve`, body));
}

export function useObsoleteVersion(documentId: number, qmsId: number | undefined) {
  return useDocumentWrite(documentId, qmsId, ({ versionId, ...body }: { versionId: number; version: number; reason: string }) =>
    api.post<DocumentDetail>(`${P}/document-versions/${versionId}/obsolete`, body));
}
