-- Inspection (issue 18, scopes 2 and 3), owned by modules/inspection: complaint and denunciation cases
-- with the petitioner's identity kept apart and read only by the handling team, and discipline cases
-- under Decree 172/2025 with their steps, deferrals, council and secret-ballot result. Each case row is
-- the current state, changed under its version; its history is an append-only event table. The
-- statutory clocks are not stored: modules/inspection/rules computes them at read time from the dates
-- here and the province calendar. Rules and sources: src/modules/inspection/RULES.md.

-- A complaint (khiếu nại, first or second instance), a denunciation (tố cáo) or a petition classified
-- as not eligible, held by the unit that handles it (its reach decides who sees the case).
create table insp_cases (
  id integer generated always as identity primary key,
  kind text not null constraint insp_cases_kind_check check (kind in ('complaint_first', 'complaint_second', 'denunciation', 'not_eligible')),
  handling_unit_id integer not null references org_units (id),
  received_on date not null,
  channel text not null constraint insp_cases_channel_check check (channel in ('portal', 'desk', 'feedback', 'mail')),
  -- Where it came from: a feedback item's id, a mail's registry number, a portal reference.
  source_ref text constraint insp_cases_source_check check (source_ref is null or length(btrim(source_ref)) between 1 and 100),
  subject_unit_id integer not null references org_units (id),
  subject_staff_id integer references org_staff (id),
  summary text not null constraint insp_cases_summary_check check (length(btrim(summary)) between 2 and 8000),
  -- A complaint's limitation runs from the day the complainant received or learned of the decision.
  learned_on date,
  status text not null default 'received' constraint insp_cases_status_check check (status in ('received', 'accepted', 'verifying', 'concluded', 'refused')),
  refused_on date,
  refusal_reason text constraint insp_cases_refusal_check check (refusal_reason is null or length(btrim(refusal_reason)) between 3 and 4000),
  accepted_on date,
  remote_area boolean not null default false,
  complexity text not null default 'normal' constraint insp_cases_complexity_check check (complexity in ('normal', 'complex', 'especially_complex')),
  several_places boolean not null default false,
  -- Days of each extension decided so far (denunciations); the decisions themselves are events.
  extension_days integer[] not null default '{}',
  outcome text constraint insp_cases_outcome_check check (outcome in ('founded', 'partly_founded', 'unfounded', 'withdrawn')),
  conclusion text constraint insp_cases_conclusion_check check (conclusion is null or length(conclusion) <= 8000),
  concluded_on date,
  decision_no text constraint insp_cases_decision_check check (decision_no is null or length(btrim(decision_no)) between 1 and 60),
  decision_date date,
  published boolean not null default false,
  published_on date,
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint insp_cases_refused_check check (status <> 'refused' or (refusal_reason is not null and refused_on is not null)),
  constraint insp_cases_accepted_check check (accepted_on is null or accepted_on >= received_on),
  constraint insp_cases_concluded_check check (status <> 'concluded' or (outcome is not null and concluded_on is not null and decision_no is not null and decision_date is not null)),
  constraint insp_cases_published_check check (not published or (status = 'concluded' and published_on is not null))
);
create index insp_cases_unit_idx on insp_cases (handling_unit_id, id);
create index insp_cases_open_idx on insp_cases (status) where status in ('received', 'accepted', 'verifying');
comment on table insp_cases is 'Complaints, denunciations and petitions not eligible: receipt, classification, acceptance or refusal, verification, conclusion with its decision document, publication.';

-- The complainant's or denouncer's identity, in a table of its own so that no query of the case reads
-- it by accident: the service returns it only to the case's handling team (denouncers: the law's duty
-- to keep their identity secret; DOMAIN-MANAGEMENT §D3). The ID number is sealed like the dossiers'.
create table insp_case_parties (
  case_id integer primary key references insp_cases (id),
  full_name text not null constraint insp_case_parties_name_check check (length(btrim(full_name)) between 1 and 200),
  id_number_sealed text,
  address text constraint insp_case_parties_address_check check (address is null or length(address) <= 500),
  phone text constraint insp_case_parties_phone_check check (phone is null or length(phone) <= 20),
  email text constraint insp_case_parties_email_check check (email is null or length(email) <= 200)
);
comment on table insp_case_parties is 'Identity of the complainant or denouncer of a case: read only by the case''s handling team.';

create table insp_case_team (
  case_id integer not null references insp_cases (id),
  staff_id integer not null references org_staff (id),
  role text not null constraint insp_case_team_role_check check (role in ('lead', 'member')),
  added_at timestamptz not null default now(),
  constraint insp_case_team_pkey primary key (case_id, staff_id)
);
create unique index insp_case_team_lead_key on insp_case_team (case_id) where role = 'lead';
create index insp_case_team_staff_idx on insp_case_team (staff_id);
comment on table insp_case_team is 'The team handling a case (tổ xác minh): its members alone read the petitioner''s identity.';

create table insp_case_events (
  id bigint generated always as identity primary key,
  case_id integer not null references insp_cases (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  note text,
  details jsonb not null default '{}'
);
create index insp_case_events_case_idx on insp_case_events (case_id, id);
comment on table insp_case_events is 'History of each complaint or denunciation case (append-only); never holds the petitioner''s identity.';

-- A discipline case of a cán bộ or công chức (Decree 172/2025), held by the disciplining authority's
-- unit. Step dates are the facts the decree's timers run from; the clocks are computed when read.
create table insp_discipline_cases (
  id integer generated always as identity primary key,
  unit_id integer not null references org_units (id),
  subject_staff_id integer not null references org_staff (id),
  person_kind text not null constraint insp_discipline_kind_check check (person_kind in ('cong_chuc', 'can_bo')),
  holds_post boolean not null default false,
  offence_summary text not null constraint insp_discipline_offence_check check (length(btrim(offence_summary)) between 2 and 8000),
  offence_ended_on date,
  offence_concluded_on date,
  -- Days of later offences (art. 5(1): one within the running limitation restarts it), as 'YYYY-MM-DD'.
  later_offences text[] not null default '{}',
  limitation_class text not null constraint insp_discipline_limitation_check check (limitation_class in ('reprimand_level', 'other', 'no_limitation')),
  discovered_on date not null,
  complex boolean not null default false,
  notice_on date,
  review_meeting_on date,
  review_report_on date,
  council_set_up_on date,
  summons_on date,
  council_meeting_on date,
  recommendation_on date,
  -- The council's deliberations: the secret ballot's counts and the minutes. Never shown to the subject.
  ballot jsonb,
  council_minutes text constraint insp_discipline_minutes_check check (council_minutes is null or length(council_minutes) <= 20000),
  recommended_form text constraint insp_discipline_recommended_check check (recommended_form in ('khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec', 'bai_nhiem')),
  status text not null default 'open' constraint insp_discipline_status_check check (status in ('open', 'decided', 'closed')),
  closed_on date,
  closed_reason text constraint insp_discipline_closed_check check (closed_reason is null or length(btrim(closed_reason)) between 3 and 4000),
  decision_form text constraint insp_discipline_form_check check (decision_form in ('khien_trach', 'canh_cao', 'cach_chuc', 'buoc_thoi_viec', 'bai_nhiem')),
  decision_no text constraint insp_discipline_decision_check check (decision_no is null or length(btrim(decision_no)) between 1 and 60),
  decision_date date,
  effective_on date,
  party_decision_effective_on date,
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint insp_discipline_offence_day_check check (offence_ended_on is not null or offence_concluded_on is not null),
  constraint insp_discipline_decided_check check (status <> 'decided' or (decision_form is not null and decision_no is not null and decision_date is not null and effective_on is not null)),
  constraint insp_discipline_closed_reason_check check (status <> 'closed' or (closed_reason is not null and closed_on is not null))
);
create index insp_discipline_unit_idx on insp_discipline_cases (unit_id, id);
create index insp_discipline_subject_idx on insp_discipline_cases (subject_staff_id, status);
comment on table insp_discipline_cases is 'Discipline cases (Decree 172/2025): offence and discovery, the steps'' dates, the council''s ballot, the decision with its form and effective day.';

-- Deferral (art. 3) and other time the decree does not count (art. 5(6)): open while to_date is null.
create table insp_discipline_deferrals (
  id integer generated always as identity primary key,
  case_id integer not null references insp_discipline_cases (id),
  from_date date not null,
  to_date date,
  reason text not null constraint insp_discipline_deferrals_reason_check check (reason in ('illness', 'maternity', 'criminal', 'complaint', 'other')),
  note text constraint insp_discipline_deferrals_note_check check (note is null or length(note) <= 2000),
  created_at timestamptz not null default now(),
  constraint insp_discipline_deferrals_order_check check (to_date is null or to_date >= from_date)
);
create index insp_discipline_deferrals_case_idx on insp_discipline_deferrals (case_id, from_date);
create unique index insp_discipline_deferrals_open_key on insp_discipline_deferrals (case_id) where to_date is null;
comment on table insp_discipline_deferrals is 'Intervals during which a discipline case''s clocks stop: illness, maternity, criminal proceedings, complaints.';

create table insp_discipline_council (
  case_id integer not null references insp_discipline_cases (id),
  staff_id integer not null references org_staff (id),
  role text not null constraint insp_discipline_council_role_check check (role in ('chair', 'employing_unit_leader', 'personnel')),
  constraint insp_discipline_council_pkey primary key (case_id, staff_id),
  constraint insp_discipline_council_role_key unique (case_id, role)
);
comment on table insp_discipline_council is 'The three members of a case''s discipline council (art. 19), checked against the relatives and people involved (art. 2(11)).';

create table insp_discipline_events (
  id bigint generated always as identity primary key,
  case_id integer not null references insp_discipline_cases (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  note text,
  details jsonb not null default '{}'
);
create index insp_discipline_events_case_idx on insp_discipline_events (case_id, id);
comment on table insp_discipline_events is 'History of each discipline case (append-only); the ballot''s counts and minutes stay on the case row, not here.';

create or replace function insp_events_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger insp_case_events_no_change before update or delete on insp_case_events
  for each row execute function insp_events_forbid_change();
create trigger insp_discipline_events_no_change before update or delete on insp_discipline_events
  for each row execute function insp_events_forbid_change();
