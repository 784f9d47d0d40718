import type { ColumnType, Generated } from 'kysely';

/** `numeric` columns come back from both databases as text; written as numbers (migration 0031). */
type Num = ColumnType<string, number, number>;
type NumOrNull = ColumnType<string | null, number | null | undefined, number | null>;
/** `date` columns are read as 'YYYY-MM-DD' text (the connection's type parser). */
type DateText = ColumnType<string, string, string>;
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;

export type Stage = 'self_assessment' | 'appraisal1' | 'explanation' | 'appraisal2' | 'council' | 'approved' | 'published';
export type LayerName = 'self' | 'appraisal1' | 'explanation' | 'appraisal2' | 'council';

export interface ParSetsTable {
  id: Generated<number>;
  year: number;
  name: string;
  blocks: string[];
  tree: Json<unknown>;
  bands: Json<unknown>;
  answer_weights: Json<unknown>;
  illustrative: Generated<boolean>;
  illustrative_note: string | null;
  decision_number: string | null;
  decision_date: DateOrNull;
  decision_signer: string | null;
  status: Generated<'draft' | 'issued'>;
  frozen_at: Date | null;
  copied_from_set_id: number | null;
  organiser_unit_id: number;
  version: Generated<number>;
  created_by_staff_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ParRoundsTable {
  id: Generated<number>;
  year: number;
  name: string;
  organiser_unit_id: number;
  stage: Generated<Stage>;
  self_deadline: DateText;
  explanation_deadline: DateOrNull;
  survey_held: Generated<boolean>;
  council_quorum: ColumnType<string, number | undefined, number>;
  publication_number: string | null;
  publication_date: DateOrNull;
  publication_signer: string | null;
  published_at: Date | null;
  version: Generated<number>;
  opened_by_staff_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ParParticipantsTable {
  round_id: number;
  unit_id: number;
  set_id: number;
  block: string;
  facts: Json<Record<string, string | number | boolean>>;
  status: Generated<'draft' | 'submitted'>;
  submitted_at: Date | null;
  submitted_by_staff_id: number | null;
  explanation_submitted_at: Date | null;
  explanation_submitted_by_staff_id: number | null;
  version: Generated<number>;
}

export interface ParScoresTable {
  round_id: number;
  unit_id: number;
  code: string;
  layer: LayerName;
  points: NumOrNull;
  input: ColumnType<unknown, string | null, string | null>;
  reason: string | null;
  author_staff_id: number | null;
  updated_at: Generated<Date>;
}

export interface ParScoreChangesTable {
  id: Generated<string>;
  round_id: number;
  unit_id: number;
  code: string;
  layer: LayerName;
  points: NumOrNull;
  reason: string | null;
  author_staff_id: number | null;
  correction_id: number | null;
  at: Generated<Date>;
}

export interface ParEvidenceTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  code: string;
  kind: 'file' | 'link' | 'record';
  title: string;
  file_key: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  section: string | null;
  page: string | null;
  url: string | null;
  record_kind: string | null;
  record_ref: string | null;
  added_by_staff_id: number | null;
  added_at: Generated<Date>;
}

export interface ParExplanationsTable {
  round_id: number;
  unit_id: number;
  code: string;
  request: string;
  requested_by_staff_id: number | null;
  requested_at: Generated<Date>;
  answer: string | null;
  answered_by_staff_id: number | null;
  answered_at: Date | null;
}

export interface ParCouncilMembersTable {
  round_id: number;
  staff_id: number;
  role: 'chair' | 'deputy' | 'member' | 'secretary';
}

export interface ParCouncilVotesTable {
  round_id: number;
  staff_id: number;
  vote: 'approve' | 'reject';
  note: string | null;
  at: Generated<Date>;
}

export interface ParResultsTable {
  round_id: number;
  unit_id: number;
  block: string;
  points: Num;
  applicable_max: Num;
  bonus: Num;
  penalty: Num;
  total: Num;
  index_value: NumOrNull;
  band: string | null;
  rank: number | null;
  areas: Json<unknown>;
}

export interface ParCorrectionsTable {
  id: Generated<number>;
  round_id: number;
  decision_number: string;
  decision_date: DateText;
  signer: string | null;
  reason: string;
  unit_id: number;
  code: string;
  points: Num;
  recorded_by_staff_id: number | null;
  recorded_at: Generated<Date>;
}

/** A survey question as stored in `par_survey_forms.questions` (survey.schema.ts checks it on the way in). */
export type StoredSurveyQuestion = {
  id: string;
  text: string;
  criterionCode: string;
  options: { key: string; text: string }[];
  weight?: number;
};

export interface ParSurveyFormsTable {
  id: Generated<number>;
  round_id: number;
  code: string;
  name: string;
  respondent_group: string;
  blocks: string[];
  questions: Json<StoredSurveyQuestion[]>;
  version: Generated<number>;
  created_by_staff_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ParSurveyInvitationsTable {
  id: Generated<number>;
  form_id: number;
  unit_id: number;
  code_hash: string;
  created_by_staff_id: number | null;
  created_at: Generated<Date>;
  used_at: Date | null;
}

export interface ParSurveyResponsesTable {
  id: Generated<number>;
  form_id: number;
  unit_id: number;
  channel: 'paper' | 'online';
  invitation_id: number | null;
  respondent: Json<Record<string, string>>;
  answers: Json<Record<string, string | null>>;
  entered_by_staff_id: number | null;
  created_at: Generated<Date>;
}

export interface ParTables {
  par_sets: ParSetsTable;
  par_rounds: ParRoundsTable;
  par_participants: ParParticipantsTable;
  par_scores: ParScoresTable;
  par_score_changes: ParScoreChangesTable;
  par_evidence: ParEvidenceTable;
  par_explanations: ParExplanationsTable;
  par_council_members: ParCouncilMembersTable;
  par_council_votes: ParCouncilVotesTable;
  par_results: ParResultsTable;
  par_corrections: ParCorrectionsTable;
  par_survey_forms: ParSurveyFormsTable;
  par_survey_invitations: ParSurveyInvitationsTable;
  par_survey_responses: ParSurveyResponsesTable;
}
