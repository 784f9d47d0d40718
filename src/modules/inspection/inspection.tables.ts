import type { ColumnType, Generated } from 'kysely';
import type { Complexity } from './rules/denunciations.js';
import type { Form, LimitationClass, PersonKind, CouncilRole } from './rules/discipline.js';
import type { InspectionPlanTables } from './inspection-plans.tables.js';

/** `date` comes back as 'YYYY-MM-DD' text (the connection's type parser); jsonb is written as a JSON string. */
type DateText = ColumnType<string, string, string>;
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type JsonOrNull<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Details = ColumnType<Record<string, unknown>, string | undefined, never>;

export type CaseKind = 'complaint_first' | 'complaint_second' | 'denunciation' | 'not_eligible';
export type CaseStatus = 'received' | 'accepted' | 'verifying' | 'concluded' | 'refused';
export type CaseChannel = 'portal' | 'desk' | 'feedback' | 'mail';
export type CaseOutcome = 'founded' | 'partly_founded' | 'unfounded' | 'withdrawn';
export type DisciplineStatus = 'open' | 'decided' | 'closed';
export type DeferralReason = 'illness' | 'maternity' | 'criminal' | 'complaint' | 'other';
/** The secret ballot's counts (art. 20): first whether to discipline, then the form. */
export type Ballot = { present: number; yes: number; no: number; forms: Partial<Record<Form, number>> };

export interface InspCasesTable {
  id: Generated<number>;
  kind: CaseKind;
  handling_unit_id: number;
  received_on: DateText;
  channel: CaseChannel;
  source_ref: string | null;
  subject_unit_id: number;
  subject_staff_id: number | null;
  summary: string;
  learned_on: DateOrNull;
  status: Generated<CaseStatus>;
  refused_on: DateOrNull;
  refusal_reason: string | null;
  accepted_on: DateOrNull;
  remote_area: Generated<boolean>;
  complexity: Generated<Complexity>;
  several_places: Generated<boolean>;
  extension_days: Generated<number[]>;
  outcome: CaseOutcome | null;
  conclusion: string | null;
  concluded_on: DateOrNull;
  decision_no: string | null;
  decision_date: DateOrNull;
  published: Generated<boolean>;
  published_on: DateOrNull;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspCasePartiesTable {
  case_id: number;
  full_name: string;
  id_number_sealed: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface InspCaseTeamTable {
  case_id: number;
  staff_id: number;
  role: 'lead' | 'member';
  added_at: Generated<Date>;
}

export interface InspEventsTable {
  id: Generated<string>;
  case_id: number;
  at: Date;
  action: string;
  actor_staff_id: number | null;
  actor_name: string;
  note: string | null;
  details: Details;
}

export interface InspDisciplineCasesTable {
  id: Generated<number>;
  unit_id: number;
  subject_staff_id: number;
  person_kind: PersonKind;
  holds_post: Generated<boolean>;
  offence_summary: string;
  offence_ended_on: DateOrNull;
  offence_concluded_on: DateOrNull;
  later_offences: Generated<string[]>;
  limitation_class: LimitationClass;
  discovered_on: DateText;
  complex: Generated<boolean>;
  notice_on: DateOrNull;
  review_meeting_on: DateOrNull;
  review_report_on: DateOrNull;
  council_set_up_on: DateOrNull;
  summons_on: DateOrNull;
  council_meeting_on: DateOrNull;
  recommendation_on: DateOrNull;
  ballot: JsonOrNull<Ballot>;
  council_minutes: string | null;
  recommended_form: Form | null;
  status: Generated<DisciplineStatus>;
  closed_on: DateOrNull;
  closed_reason: string | null;
  decision_form: Form | null;
  decision_no: string | null;
  decision_date: DateOrNull;
  effective_on: DateOrNull;
  party_decision_effective_on: DateOrNull;
  source_case_id: number | null;
  created_by_staff_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspDisciplineDeferralsTable {
  id: Generated<number>;
  case_id: number;
  from_date: DateText;
  to_date: DateOrNull;
  reason: DeferralReason;
  note: string | null;
  created_at: Generated<Date>;
}

export interface InspDisciplineCouncilTable {
  case_id: number;
  staff_id: number;
  role: CouncilRole;
}

/** Plans and inspections (scope 1, migration 0034) are declared in inspection-plans.tables.ts. */
export interface InspectionTables extends InspectionPlanTables {
  insp_cases: InspCasesTable;
  insp_case_parties: InspCasePartiesTable;
  insp_case_team: InspCaseTeamTable;
  insp_case_events: InspEventsTable;
  insp_discipline_cases: InspDisciplineCasesTable;
  insp_discipline_deferrals: InspDisciplineDeferralsTable;
  insp_discipline_council: InspDisciplineCouncilTable;
  insp_discipline_events: InspEventsTable;
}
