-- Directives and assigned tasks (issue 15), owned by modules/directives: the names by which steering
-- documents call the province's agencies (province data, edited by the organisation's administrators),
-- the documents, their tasks with history and files, and the periodic implementation reports.

-- Another name of a unit: an old name after a merger (the Department of Information and Communications
-- became part of Science and Technology in 2025), a short form ("Sở NV"), a former title.
create table directive_agency_aliases (
  id integer generated always as identity primary key,
  unit_id integer not null references org_units (id),
  alias text not null constraint directive_agency_aliases_alias_check check (length(btrim(alias)) between 2 and 300),
  note text constraint directive_agency_aliases_note_check check (note is null or length(note) <= 500),
  created_at timestamptz not null default now()
);
create unique index directive_agency_aliases_alias_key on directive_agency_aliases (lower(btrim(alias)));
comment on table directive_agency_aliases is 'Other names of org units (merged agencies'' old names, short forms) that steering documents use; matched without diacritics.';

-- A phrase naming a set of units ("các sở, ban, ngành" → every department): a task addressed to it
-- fans out to each unit of the kinds listed.
create table directive_group_phrases (
  id integer generated always as identity primary key,
  group_key text not null constraint directive_group_phrases_key_check check (group_key ~ '^[a-z][a-z_]{1,39}$'),
  label text not null constraint directive_group_phrases_label_check check (length(btrim(label)) between 2 and 200),
  phrase text not null constraint directive_group_phrases_phrase_check check (length(btrim(phrase)) between 2 and 300),
  unit_kinds text[] not null constraint directive_group_phrases_kinds_check check (cardinality(unit_kinds) between 1 and 10),
  created_at timestamptz not null default now()
);
create unique index directive_group_phrases_phrase_key on directive_group_phrases (lower(btrim(phrase)));
comment on table directive_group_phrases is 'Phrases of steering documents that name a set of units (all departments, all communes) and the unit kinds they fan out to.';

-- Steering documents (issue 15 item 1): a directive, plan, decision or official letter with its number
-- and symbol as Decree 30/2020 writes them ("16/CT-UBND"), tracked by one unit (the owner: usually the
-- Department of Home Affairs for the People's Committee's reform directives).
create table directive_documents (
  id integer generated always as identity primary key,
  doc_type text not null constraint directive_documents_type_check check (doc_type in ('CT', 'KH', 'QĐ', 'CV', 'TB', 'NQ', 'CTr', 'CĐ', 'HD', 'ĐA')),
  number text not null constraint directive_documents_number_check check (length(btrim(number)) between 1 and 60),
  issuer text not null constraint directive_documents_issuer_check check (length(btrim(issuer)) between 2 and 300),
  signer text constraint directive_documents_signer_check check (signer is null or length(signer) <= 200),
  signed_on date not null,
  subject text not null constraint directive_documents_subject_check check (length(btrim(subject)) between 2 and 1000),
  fields text[] not null default '{}',
  full_text text not null default '' constraint directive_documents_text_check check (length(full_text) <= 200000),
  owner_unit_id integer not null references org_units (id),
  status text not null default 'active' constraint directive_documents_status_check check (status in ('active', 'closed')),
  version integer not null default 1,
  created_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Decree 30 Appendix VI: warn of a duplicate (same number and symbol, same issuer, same year).
create unique index directive_documents_number_key on directive_documents (lower(btrim(number)), lower(btrim(issuer)), (extract(year from signed_on)));
create index directive_documents_owner_idx on directive_documents (owner_unit_id);
comment on table directive_documents is 'Steering documents (directives, plans, decisions, official letters) broken into tasks; owned by the unit that tracks them.';

create table directive_document_files (
  id integer generated always as identity primary key,
  document_id integer not null references directive_documents (id),
  file_key text not null,
  name text not null,
  type text not null,
  size integer not null,
  added_at timestamptz not null default now(),
  constraint directive_document_files_once unique (document_id, file_key)
);
comment on table directive_document_files is 'Files of a steering document (the signed scan, appendices), stored sealed by the file store.';

-- A task: one lead unit each ("rõ việc, rõ người, rõ trách nhiệm"); an item addressed to a group of
-- units is fanned out to one task per unit (fan_out_key names the group). A deadline (due_on) or a
-- recurrence: every occurrence's due date is computed from first_due_on, so the day of the month does
-- not drift; `occurrence` counts the occurrences already accepted.
create table directive_tasks (
  id integer generated always as identity primary key,
  document_id integer not null references directive_documents (id),
  ref text not null default '' constraint directive_tasks_ref_check check (length(ref) <= 20),
  content text not null constraint directive_tasks_content_check check (length(btrim(content)) between 2 and 20000),
  lead_unit_id integer not null references org_units (id),
  coordinating_unit_ids integer[] not null default '{}',
  fan_out_key text,
  assignee_staff_id integer references org_staff (id),
  due_on date,
  recurrence text constraint directive_tasks_recurrence_check check (recurrence in ('monthly', 'quarterly', 'half_yearly', 'yearly')),
  first_due_on date,
  occurrence integer not null default 0 constraint directive_tasks_occurrence_check check (occurrence >= 0),
  expected_output text constraint directive_tasks_output_check check (expected_output is null or length(expected_output) <= 2000),
  priority text not null default 'normal' constraint directive_tasks_priority_check check (priority in ('normal', 'high', 'urgent')),
  status text not null default 'new' constraint directive_tasks_status_check check (status in ('new', 'assigned', 'in_progress', 'completion_requested', 'completed', 'cancelled')),
  progress smallint not null default 0 constraint directive_tasks_progress_check check (progress between 0 and 100),
  -- The day the lead unit reported the work done (the completion that was approved): on time or late is measured on it.
  done_on date,
  completed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint directive_tasks_recurrence_first_check check ((recurrence is null) = (first_due_on is null))
);
create index directive_tasks_document_idx on directive_tasks (document_id, id);
create index directive_tasks_lead_idx on directive_tasks (lead_unit_id, status);
create index directive_tasks_assignee_idx on directive_tasks (assignee_staff_id) where assignee_staff_id is not null;
create index directive_tasks_open_due_idx on directive_tasks (due_on) where status not in ('completed', 'cancelled');
comment on table directive_tasks is 'Tasks of a steering document: content, lead and coordinating units, the person in charge, deadline or recurrence, status and progress.';

-- A task's history: every assignment, progress report, request, approval, return, reassignment (append-only).
create table directive_task_events (
  id bigint generated always as identity primary key,
  task_id integer not null references directive_tasks (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  unit_id integer references org_units (id),
  progress smallint,
  note text,
  details jsonb not null default '{}'
);
create index directive_task_events_task_idx on directive_task_events (task_id, id);
comment on table directive_task_events is 'History of each task (append-only): who did what, when, with progress and notes.';
create or replace function directive_task_events_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger directive_task_events_no_change before update or delete on directive_task_events
  for each row execute function directive_task_events_forbid_change();

create table directive_task_files (
  id integer generated always as identity primary key,
  task_id integer not null references directive_tasks (id),
  event_id bigint not null references directive_task_events (id),
  file_key text not null,
  name text not null,
  type text not null,
  size integer not null,
  added_at timestamptz not null
);
create index directive_task_files_task_idx on directive_task_files (task_id);
comment on table directive_task_files is 'Evidence files attached to a task''s progress reports and completion requests.';

-- Periodic implementation reports (issue 15 item 4): a period of a document, and each responsible
-- unit's report for it.
create table directive_report_periods (
  id integer generated always as identity primary key,
  document_id integer not null references directive_documents (id),
  kind text not null constraint directive_report_periods_kind_check check (kind in ('month', 'quarter', 'half', 'nine_months', 'year')),
  code text not null,
  label text not null,
  starts_on date not null,
  ends_on date not null,
  due_on date not null,
  created_at timestamptz not null default now(),
  constraint directive_report_periods_once unique (document_id, code),
  constraint directive_report_periods_range_check check (starts_on <= ends_on)
);
comment on table directive_report_periods is 'Reporting periods of a steering document (6 months, a year…) with the day units'' reports are due.';

create table directive_unit_reports (
  id integer generated always as identity primary key,
  period_id integer not null references directive_report_periods (id),
  unit_id integer not null references org_units (id),
  status text not null default 'draft' constraint directive_unit_reports_status_check check (status in ('draft', 'submitted')),
  narrative text not null default '',
  difficulties text not null default '',
  proposals text not null default '',
  -- Per task of the unit: { taskId, result, status, progress } (status and progress as at submission).
  task_results jsonb not null default '[]',
  submitted_at timestamptz,
  submitted_by_staff_id integer references org_staff (id),
  submitted_by_name text,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint directive_unit_reports_once unique (period_id, unit_id)
);
comment on table directive_unit_reports is 'A responsible unit''s report for a period: the structured form (a result per task) and its narrative.';
