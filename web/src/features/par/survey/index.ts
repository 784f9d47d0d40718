import { lazy } from 'react';
import type { PageDefinition } from '../../../shared/module';

/**
 * The PAR survey's pages (issue 16 item 4), for the PAR module to register. The staff page needs
 * `par.manage` at the round's organising unit on the server; these roles only decide who sees the link.
 */
export const SURVEY_PATH = '/can-bo/cchc/dot/:roundId/khao-sat';
export const ANSWER_PATH = '/khao-sat/:code';
export const surveyPath = (roundId: number) => `/can-bo/cchc/dot/${roundId}/khao-sat`;
export const answerPath = (code: string) => `/khao-sat/${encodeURIComponent(code)}`;

export const SurveyPage = lazy(() => import('./SurveyPage'));
export const AnswerPage = lazy(() => import('./AnswerPage'));

/** Ready to spread into the PAR module's `pages` (paths relative to their surface, as defineModule wants). */
export const surveyPages: PageDefinition[] = [
  { surface: 'staff', path: 'cchc/dot/:roundId/khao-sat', roles: ['admin', 'unit_head', 'specialist'], component: SurveyPage },
  { surface: 'bare', path: 'khao-sat/:code', component: AnswerPage },
];
