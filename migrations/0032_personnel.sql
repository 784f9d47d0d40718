-- Personnel (issue 17), owned by modules/personnel: job-position schemes proposed by a unit, appraised
-- by the Department of Home Affairs and approved by decision; the civil-servant record with changes that
-- apply only once approved; placements and movements with their decisions; the annual evaluation; the
-- log of views of a record by others. Rules: src/modules/personnel/rules, docs/PERSONNEL.md.

-- The HR officer of an agency (Cán bộ tổ chức, nhân sự): keeps its staff's records, proposes its scheme.
alter table access_grants drop constraint access_grants_role_check;
alter table access_grants add constraint access_grants_role_check
  check (role in ('admin', 'unit_head', 'specialist', 'desk_officer', 'auditor', 'hr_officer'));

-- A unit's job-position scheme (Đề án vị trí việc làm), one version per effective date. The one in force
-- on a day is the approved version with the latest effective date not after it.
create table hr_schemes (
  id integer generated always as identity primary key,
  unit_id integer not null references org_units (id),
  version_no integer not null constraint hr_schemes_version_no_check check (version_no >= 1),
  status text not null default 'draft' constraint hr_schemes_status_check check (status in ('draft', 'submitted', 'returned', 'appraised', 'approved')),
  effective_from date not null,
  positions jsonb not null,
  appraisal_note text constraint hr_schemes_note_check check (appraisal_note is null or length(appraisal_note) <= 4000),
  decision_no text constraint hr_schemes_decision_check check (decision_no is null or length(btrim(decision_no)) between 1 and 60),
  decision_date date,
  signer text constraint hr_schemes_signer_check check (signer is null or length(signer) <= 200),
  submitted_at timestamptz,
  appraised_at timestamptz,
  appraised_by_staff_id integer references org_staff (id),
  approved_at timestamptz,
  approved_by_staff_id integer references org_staff (id),
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint hr_schemes_unit_version_key unique (unit_id, version_no),
  constraint hr_schemes_approved_check check (status <> 'approved' or (decision_no is not null and decision_date is not null))
);
create unique index hr_schemes_in_force_key on hr_schemes (unit_id, effective_from) where status = 'approved';
comment on table hr_schemes is 'Job-position schemes per unit and effective date: proposed, appraised by the Department of Home Affairs, approved by decision.';

-- A civil servant: the person behind a staff account, with the record (Sơ yếu lý lịch fields, as
-- approved) as one document. Changes wait in hr_record_changes until approved.
create table hr_people (
  id integer generated always as identity primary key,
  staff_id integer not null constraint hr_people_staff_key unique references org_staff (id),
  civil_servant_no text constraint hr_people_no_check check (civil_servant_no is null or length(btrim(civil_servant_no)) between 1 and 30),
  recruited_on date not null,
  record jsonb not null default '{}',
  status text not null default 'serving' constraint hr_people_status_check check (status in ('serving', 'left')),
  left_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index hr_people_no_key on hr_people (civil_servant_no) where civil_servant_no is not null;
comment on table hr_people is 'Civil servants: the approved record (Sơ yếu lý lịch, form 2C fields) of a staff member.';

create table hr_record_changes (
  id integer generated always as identity primary key,
  person_id integer not null references hr_people (id),
  set_fields jsonb not null,
  reason text not null constraint hr_record_changes_reason_check check (length(btrim(reason)) between 3 and 2000),
  status text not null default 'proposed' constraint hr_record_changes_status_check check (status in ('proposed', 'approved', 'rejected', 'withdrawn')),
  proposed_by_staff_id integer not null references org_staff (id),
  proposed_at timestamptz not null,
  decided_by_staff_id integer references org_staff (id),
  decided_at timestamptz,
  decision_note text constraint hr_record_changes_note_check check (decision_note is null or length(decision_note) <= 2000),
  -- The fields as they were when the change was approved: the record's history without replaying.
  before_fields jsonb
);
create index hr_record_changes_person_idx on hr_record_changes (person_id, id);
create index hr_record_changes_open_idx on hr_record_changes (status) where status = 'proposed';

-- Placements in a position (by the position's code in the unit's scheme) and movements, each with its decision.
create table hr_movements (
  id integer generated always as identity primary key,
  person_id integer not null references hr_people (id),
  kind text not null constraint hr_movements_kind_check check (kind in ('appointment', 'secondment', 'transfer', 'retirement', 'leaving')),
  on_date date not null,
  until_date date,
  from_unit_id integer references org_units (id),
  to_unit_id integer references org_units (id),
  position_code text,
  position_name text,
  decision_no text not null constraint hr_movements_decision_check check (length(btrim(decision_no)) between 1 and 60),
  decision_date date not null,
  signer text constraint hr_movements_signer_check check (signer is null or length(signer) <= 200),
  note text constraint hr_movements_note_check check (note is null or length(note) <= 2000),
  created_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  constraint hr_movements_until_check check (until_date is null or until_date >= on_date)
);
create index hr_movements_person_idx on hr_movements (person_id, on_date, id);

create table hr_placements (
  id integer generated always as identity primary key,
  person_id integer not null references hr_people (id),
  unit_id integer not null references org_units (id),
  position_code text not null,
  position_name text not null,
  from_date date not null,
  to_date date,
  movement_id integer not null references hr_movements (id),
  constraint hr_placements_order_check check (to_date is null or to_date >= from_date)
);
create index hr_placements_unit_idx on hr_placements (unit_id, position_code);
create index hr_placements_person_idx on hr_placements (person_id, from_date);

-- Views of a record by someone who is neither its person nor HR: who, when and why.
create table hr_record_views (
  id integer generated always as identity primary key,
  person_id integer not null references hr_people (id),
  viewer_staff_id integer not null references org_staff (id),
  reason text not null,
  what text not null,
  viewed_at timestamptz not null
);
create index hr_record_views_person_idx on hr_record_views (person_id, viewed_at);

-- The province's evaluation rule (bands, conditions, quota) as data, by year from which it applies.
create table hr_evaluation_rules (
  from_year integer primary key constraint hr_evaluation_rules_year_check check (from_year between 2000 and 2100),
  name text not null,
  rule jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- One person's annual evaluation: self-assessment → the manager's review with the meeting minutes →
-- the competent level's rating (with the quota applied across the unit).
create table hr_evaluations (
  id integer generated always as identity primary key,
  person_id integer not null references hr_people (id),
  year integer not null constraint hr_evaluations_year_check check (year between 2000 and 2100),
  unit_id integer not null references org_units (id),
  status text not null default 'self' constraint hr_evaluations_status_check check (status in ('self', 'reviewed', 'approved')),
  self_assessment text,
  self_facts jsonb,
  manager_comment text,
  meeting_minutes text,
  facts jsonb,
  reviewed_by_staff_id integer references org_staff (id),
  reviewed_at timestamptz,
  points numeric(6, 2),
  rating text constraint hr_evaluations_rating_check check (rating is null or rating in ('excellent', 'good', 'completed', 'not_completed')),
  proposed_rating text,
  demoted boolean not null default false,
  reasons jsonb,
  approved_by_staff_id integer references org_staff (id),
  approved_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint hr_evaluations_person_year_key unique (person_id, year)
);
create index hr_evaluations_unit_year_idx on hr_evaluations (unit_id, year);
