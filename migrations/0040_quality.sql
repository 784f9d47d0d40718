-- Quality management to TCVN ISO 9001 in state agencies (issue 20; Decision 19/2014/QĐ-TTg, Circular
-- 26/2014/TT-BKHCN; DOMAIN-MANAGEMENT §E), owned by modules/quality. One QMS per agency: its scope,
-- policy and objectives measured from the system's own data, its processes linked to the catalogue's
-- internal processes, controlled documents, internal audits with findings, nonconformities (raised by
-- hand, from an audit or proposed from the dossiers' signals) with corrective actions and verification,
-- and management reviews whose inputs are frozen when held. Rows are the current state, changed under
-- their version; the history of every record is the append-only qms_events. Rules: src/modules/quality/RULES.md.

create table qms_systems (
  id integer generated always as identity primary key,
  agency_unit_id integer not null unique references org_units (id),
  -- Decision 19 art. 2: mandatory for the province's People's Committee and its departments, encouraged for communes.
  obligation text not null default 'mandatory' constraint qms_systems_obligation_check check (obligation in ('mandatory', 'encouraged')),
  standard text not null default 'TCVN ISO 9001:2015' constraint qms_systems_standard_check check (length(btrim(standard)) between 3 and 60),
  scope_text text not null default '' constraint qms_systems_scope_check check (length(scope_text) <= 20000),
  -- ISO 9001 §4.3: requirements not applicable, each with its reason: [{clause, reason}].
  exclusions jsonb not null default '[]',
  policy_text text not null default '' constraint qms_systems_policy_check check (length(policy_text) <= 20000),
  policy_approved_by integer references org_staff (id),
  policy_approved_on date,
  iso_secretary_staff_id integer references org_staff (id),
  -- Thresholds of the proposals and verification windows (rules/*.ts defaults when absent).
  settings jsonb not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table qms_systems is 'An agency''s quality management system: scope, exclusions, policy, settings.';

create table qms_objectives (
  id integer generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  year integer not null constraint qms_objectives_year_check check (year between 2000 and 2100),
  code text not null constraint qms_objectives_code_check check (length(btrim(code)) between 1 and 20),
  text text not null constraint qms_objectives_text_check check (length(btrim(text)) between 3 and 1000),
  -- Where the value comes from: the system's data (rules/objectives.ts) or a value typed by the secretary.
  measure text not null constraint qms_objectives_measure_check check (measure in (
    'dossiers.on_time_rate', 'dossiers.overdue_rate', 'satisfaction.rate', 'feedback.answered_on_time_rate', 'manual')),
  direction text not null default 'at_least' constraint qms_objectives_direction_check check (direction in ('at_least', 'at_most')),
  target_percent numeric(5, 2) not null constraint qms_objectives_target_check check (target_percent between 0 and 100),
  year_basis text not null default 'statutory' constraint qms_objectives_basis_check check (year_basis in ('statutory', 'calendar')),
  manual_numerator integer constraint qms_objectives_mnum_check check (manual_numerator is null or manual_numerator >= 0),
  manual_denominator integer constraint qms_objectives_mden_check check (manual_denominator is null or manual_denominator >= 0),
  owner_unit_id integer references org_units (id),
  active boolean not null default true,
  version integer not null default 1,
  unique (qms_id, year, code)
);
comment on table qms_objectives is 'Measurable quality objectives per year, with the measure that reads them from live data.';

create table qms_processes (
  id integer generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  code text not null constraint qms_processes_code_check check (length(btrim(code)) between 1 and 30),
  name text not null constraint qms_processes_name_check check (length(btrim(name)) between 3 and 500),
  kind text not null default 'tthc' constraint qms_processes_kind_check check (kind in ('tthc', 'support', 'management')),
  owner_unit_id integer references org_units (id),
  -- A process of an administrative procedure follows the catalogue's internal process (by code; the version is pinned per document version).
  catalog_procedure_code text,
  case_code text,
  active boolean not null default true,
  version integer not null default 1,
  unique (qms_id, code)
);
comment on table qms_processes is 'The QMS''s processes with their owners; a procedure''s process links to its catalogue entry.';

create table qms_documents (
  id integer generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  code text not null constraint qms_documents_code_check check (length(btrim(code)) between 1 and 40),
  title text not null constraint qms_documents_title_check check (length(btrim(title)) between 3 and 500),
  kind text not null constraint qms_documents_kind_check check (kind in ('policy', 'manual', 'process', 'form', 'external')),
  process_id integer references qms_processes (id),
  unique (qms_id, code)
);
comment on table qms_documents is 'Controlled documents of a QMS; their versions carry the content and the approval.';

create table qms_document_versions (
  id integer generated always as identity primary key,
  document_id integer not null references qms_documents (id),
  issue_no integer not null constraint qms_docver_issue_check check (issue_no > 0),
  status text not null default 'draft' constraint qms_docver_status_check check (status in ('draft', 'approved', 'obsolete')),
  content text not null default '' constraint qms_docver_content_check check (length(content) <= 200000),
  file_key text,
  change_log text,
  drafted_by integer references org_staff (id),
  approved_by integer references org_staff (id),
  approved_on date,
  effective_from date,
  obsolete_on date,
  obsolete_reason text,
  -- The catalogue version whose internal process the document describes, and that process's fingerprint (rules/process-documents.ts).
  catalog_version_id integer,
  catalog_fingerprint text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (document_id, issue_no)
);
-- One approved version per document; approving a new one makes the previous obsolete in the same transaction.
create unique index qms_docver_one_approved on qms_document_versions (document_id) where status = 'approved';
comment on table qms_document_versions is 'Issues of a controlled document: draft, approved (one at a time), obsolete.';

-- The announcement of conformity (công bố HTQLCL phù hợp TCVN ISO 9001, Decision 19 art. 4).
create table qms_declarations (
  id integer generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  decision_no text not null constraint qms_decl_no_check check (length(btrim(decision_no)) between 1 and 60),
  decision_date date not null,
  signer_name text not null constraint qms_decl_signer_check check (length(btrim(signer_name)) between 2 and 200),
  standard text not null,
  -- The processes in scope when announced (codes), so a later change shows the announcement stale.
  scope_snapshot jsonb not null default '[]',
  registry_document_id integer,
  recorded_by integer references org_staff (id),
  recorded_at timestamptz not null default now()
);

create table qms_audits (
  id integer generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  year integer not null constraint qms_audits_year_check check (year between 2000 and 2100),
  title text not null constraint qms_audits_title_check check (length(btrim(title)) between 3 and 300),
  planned_from date not null,
  planned_to date not null,
  criteria text not null default '',
  -- Processes audited, and the team: [{staffId, role: 'lead' | 'member'}].
  process_ids jsonb not null default '[]',
  team jsonb not null default '[]',
  lead_staff_id integer not null references org_staff (id),
  status text not null default 'planned' constraint qms_audits_status_check check (status in ('planned', 'in_progress', 'reported', 'cancelled')),
  report_summary text,
  reported_on date,
  version integer not null default 1,
  constraint qms_audits_dates_check check (planned_from <= planned_to)
);
comment on table qms_audits is 'Internal audits of a QMS (ISO 9001 §9.2): plan, team, checklist, findings, report.';

create table qms_audit_items (
  id integer generated always as identity primary key,
  audit_id integer not null references qms_audits (id),
  seq integer not null,
  process_id integer references qms_processes (id),
  clause text,
  question text not null constraint qms_items_question_check check (length(btrim(question)) between 3 and 1000),
  evidence_note text,
  result text constraint qms_items_result_check check (result is null or result in ('conform', 'nonconformity', 'observation', 'na')),
  unique (audit_id, seq)
);

create table qms_findings (
  id integer generated always as identity primary key,
  audit_id integer not null references qms_audits (id),
  kind text not null constraint qms_findings_kind_check check (kind in ('nonconformity', 'observation')),
  clause text,
  process_id integer references qms_processes (id),
  description text not null constraint qms_findings_desc_check check (length(btrim(description)) between 3 and 5000),
  evidence text,
  item_seq integer,
  nonconformity_id integer,
  created_by integer references org_staff (id),
  created_at timestamptz not null default now()
);

create table qms_nonconformities (
  id integer generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  -- KPH-<year>-<seq>, numbered per QMS and year inside the creating transaction.
  year integer not null,
  seq integer not null,
  code text not null,
  source text not null constraint qms_nc_source_check check (source in ('manual', 'audit', 'overdue', 'apology', 'supplement', 'complaint', 'inspection', 'objective')),
  -- The signal's stable key (rules/nonconformity-proposals.ts); null for manual and audit ones.
  source_key text,
  finding_id integer references qms_findings (id),
  process_id integer references qms_processes (id),
  procedure_code text,
  title text not null constraint qms_nc_title_check check (length(btrim(title)) between 3 and 500),
  description text not null default '',
  -- A snapshot of the figures and dossier codes that raised it (no personal data).
  evidence jsonb not null default '{}',
  correction text,
  root_cause text,
  owner_unit_id integer not null references org_units (id),
  status text not null default 'open' constraint qms_nc_status_check check (status in ('open', 'action_planned', 'actions_done', 'verified_effective', 'closed')),
  raised_by integer references org_staff (id),
  raised_on date not null,
  closed_by integer references org_staff (id),
  closed_on date,
  version integer not null default 1,
  unique (qms_id, year, seq)
);
-- A signal is not raised twice while its nonconformity is open.
create unique index qms_nc_open_source on qms_nonconformities (qms_id, source_key) where source_key is not null and status <> 'closed';
comment on table qms_nonconformities is 'Nonconformities and their corrective-action state (ISO 9001 §10.2).';
alter table qms_findings add constraint qms_findings_nc_fk foreign key (nonconformity_id) references qms_nonconformities (id);

create table qms_actions (
  id integer generated always as identity primary key,
  nc_id integer not null references qms_nonconformities (id),
  seq integer not null,
  text text not null constraint qms_actions_text_check check (length(btrim(text)) between 3 and 2000),
  owner_staff_id integer references org_staff (id),
  due_on date not null,
  done_on date,
  done_note text,
  unique (nc_id, seq)
);

create table qms_verifications (
  id integer generated always as identity primary key,
  nc_id integer not null references qms_nonconformities (id),
  result text not null constraint qms_verif_result_check check (result in ('effective', 'not_effective')),
  -- The signal re-measured over the window, for signal nonconformities.
  measured jsonb,
  note text,
  verified_by integer not null references org_staff (id),
  verified_on date not null
);

-- A proposal the secretary dismissed (with the figure then): it comes back only when the figure worsens.
create table qms_proposal_dismissals (
  qms_id integer not null references qms_systems (id),
  source_key text not null,
  figure integer not null,
  reason text not null,
  dismissed_by integer references org_staff (id),
  dismissed_at timestamptz not null,
  primary key (qms_id, source_key)
);

create table qms_reviews (
  id integer generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  held_on date not null,
  chair_staff_id integer references org_staff (id),
  attendees text not null default '',
  status text not null default 'draft' constraint qms_reviews_status_check check (status in ('draft', 'held')),
  -- ISO 9001 §9.3.2 inputs assembled from the data; frozen when the review is held.
  inputs jsonb not null default '{}',
  minutes text not null default '',
  -- Decisions (§9.3.3): [{text, ownerUnitId, dueOn}]; tasks of a steering document once assigned.
  decisions jsonb not null default '[]',
  directive_document_id integer,
  version integer not null default 1
);
comment on table qms_reviews is 'Management reviews: inputs from the data, minutes, decisions assigned as tasks.';

create table qms_events (
  id bigint generated always as identity primary key,
  qms_id integer not null references qms_systems (id),
  entity text not null,
  entity_id integer not null,
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  details jsonb not null default '{}'
);
create index qms_events_entity_idx on qms_events (entity, entity_id, id);
comment on table qms_events is 'History of every QMS record (append-only).';
create or replace function qms_events_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger qms_events_no_change before update or delete on qms_events
  for each row execute function qms_events_forbid_change();
