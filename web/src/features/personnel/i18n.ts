import { defineMessages } from '../../shared/i18n';
import { evaluationEn } from './messages-evaluation.en';
import { evaluationVi } from './messages-evaluation';
import { peopleEn } from './messages-people.en';
import { peopleVi } from './messages-people';
import { recordEn } from './messages-record.en';
import { recordVi } from './messages-record';
import { personnelEn } from './messages.en';
import { personnelVi } from './messages';

/** The frame, schemes and board. */
export const personnelMessages = defineMessages(personnelVi, personnelEn);
export const usePersonnelT = personnelMessages.useT;

/** The record's sections, tables and changes. */
export const recordMessages = defineMessages(recordVi, recordEn);
export const useRecordT = recordMessages.useT;

/** People list, a person's page and my record. */
export const peopleMessages = defineMessages(peopleVi, peopleEn);
export const usePeopleT = peopleMessages.useT;

/** Annual evaluation and staffing statistics. */
export const evaluationMessages = defineMessages(evaluationVi, evaluationEn);
export const useEvaluationT = evaluationMessages.useT;
