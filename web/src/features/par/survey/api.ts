/**
 * The PAR survey's HTTP API (src/modules/par/survey.routes.ts) as the pages use it. Request bodies are
 * typed from the server's zod schema; answers follow survey.service.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { invitationBody, paperSlipBody, publicAnswerBody, surveyFormCreateBody } from '../../../../../src/modules/par/survey.schema';
import { api } from '../../../shared/api';

export type FormBody = z.input<typeof surveyFormCreateBody>;
export type InvitationBody = z.input<typeof invitationBody>;
export type PaperSlipBody = z.input<typeof paperSlipBody>;
export type PublicAnswerBody = z.input<typeof publicAnswerBody>;

export interface SurveyOption { key: string; text: string }
export interface SurveyQuestion { id: string; text: string; criterionCode: string; options: SurveyOption[]; weight?: number }
export interface UnitAnswers { unitId: number; unitName: string; paper: number; online: number; invited: number; used: number }
export interface SurveyForm {
  id: number;
  roundId: number;
  code: string;
  name: string;
  respondentGroup: string;
  blocks: string[];
  questions: SurveyQuestion[];
  version: number;
  createdAt: string;
  updatedAt: string;
  answers: number;
  perUnit: UnitAnswers[];
}
export interface FormsView {
  round: { id: number; year: number; name: string; stage: string; surveyHeld: boolean; open: boolean };
  units: { id: number; name: string; block: string }[];
  criteria: { code: string; text: string; blocks: string[] }[];
  forms: SurveyForm[];
}
export interface Invitations { formId: number; formCode: string; formName: string; unitId: number; unitName: string; invitations: { code: string; link: string }[] }
export interface QuestionResult { formId: number; formCode: string; questionId: string; text: string; counted: number; skipped: number; percent: number | null }
export interface ResultsView {
  round: { id: number; year: number; name: string; stage: string };
  units: {
    unitId: number;
    unitName: string;
    block: string;
    slips: { paper: number; online: number; total: number };
    criteria: { code: string; text: string; percent: number | null; questions: QuestionResult[] }[];
  }[];
}
export interface PublicForm {
  round: { year: number; name: string };
  unitName: string;
  form: { code: string; name: string; respondentGroup: string; questions: { id: string; text: string; options: SurveyOption[] }[] };
}

const formsKey = (roundId: number) => ['par', 'survey', roundId] as const;

export function useSurveyForms(roundId: number) {
  return useQuery({ queryKey: [...formsKey(roundId), 'forms'], enabled: roundId > 0, queryFn: ({ signal }) => api.get<FormsView>(`/par/rounds/${roundId}/survey/forms`, undefined, signal) });
}
export function useSurveyResults(roundId: number, enabled: boolean) {
  return useQuery({ queryKey: [...formsKey(roundId), 'results'], enabled, queryFn: ({ signal }) => api.get<ResultsView>(`/par/rounds/${roundId}/survey/results`, undefined, signal) });
}

/** Create (no formId) or edit (formId with the version read) a form. */
export function useSaveForm(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { formId?: number; version?: number; body: FormBody }) => (v.formId
      ? api.put<SurveyForm>(`/par/survey/forms/${v.formId}`, { ...v.body, version: v.version })
      : api.post<SurveyForm>(`/par/rounds/${roundId}/survey/forms`, v.body)),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKey(roundId) }),
  });
}
export function useInvite(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { formId: number; body: InvitationBody }) => api.post<Invitations>(`/par/survey/forms/${v.formId}/invitations`, v.body),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKey(roundId) }),
  });
}
export function usePaperSlip(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { formId: number; body: PaperSlipBody }) => api.post<{ id: number }>(`/par/survey/forms/${v.formId}/responses`, v.body),
    onSuccess: () => client.invalidateQueries({ queryKey: formsKey(roundId) }),
  });
}

/** The public answer page: never retried on its own (a code answers once). */
export function usePublicForm(code: string) {
  return useQuery({ queryKey: ['par', 'survey', 'public', code], retry: false, queryFn: ({ signal }) => api.get<PublicForm>(`/public/par/survey/${encodeURIComponent(code)}`, undefined, signal) });
}
export function usePublicAnswer(code: string) {
  return useMutation({ retry: false, mutationFn: (body: PublicAnswerBody) => api.post<{ answered: true }>(`/public/par/survey/${encodeURIComponent(code)}`, body) });
}
