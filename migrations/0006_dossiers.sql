-- One-stop shop dossiers: the event log is the record; the dossiers row is a projection of it
-- (kept in the same transaction) so queues and reports can be queried and paged by index.
create table dossier_daily_counters (
  agency_code text not null,
  day date not null,
  last_value integer not null,
  constraint dossier_daily_counters_pk primary key (agency_code, day)
);
comment on table dossier_daily_counters is 'Daily sequence per receiving agency for dossier codes; one row per agency and day, so intake never takes a global lock.';

create table dossiers (
  id bigint generated always as identity primary key,
  code text not null constraint dossiers_code_key unique,
  lookup_secret text not null,
  idempotency_key text constraint dossiers_idempotency_key unique,
  procedure_code text not null,
  procedure_version_id integer,
  procedure_name text not null,
  field_code text,
  field_name text,
  case_code text,
  channel text not null constraint dossiers_channel_check check (channel in ('desk', 'post', 'online')),
  receiving_unit_id integer not null,
  competent_unit_id integer,
  applicant jsonb not null,
  applicant_name text not null,
  documents jsonb not null default '[]'::jsonb,
  fees jsonb not null default '[]'::jsonb,
  result_delivery text not null constraint dossiers_result_delivery_check check (result_delivery in ('desk', 'post', 'online')),
  processing_time jsonb,
  supplement_restarts boolean not null default false,
  origin_code text,
  -- projection of the event log (see rules/reducer.ts)
  status smallint not null,
  received_at timestamptz,
  due_at timestamptz,
  completed_at timestamptz,
  returned_at timestamptz,
  current_step integer,
  current_unit_id integer,
  current_staff_id integer,
  step_due_at timestamptz,
  involved_unit_ids integer[] not null default '{}',
  extended boolean not null default false,
  version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table dossiers is 'One-stop-shop dossiers (hồ sơ TTHC); status and clocks are a projection of dossier_events.';
create index dossiers_queue_unit_idx on dossiers (current_unit_id, due_at, id) where status in (1, 2, 4, 5, 6, 9);
create index dossiers_queue_staff_idx on dossiers (current_staff_id, due_at, id) where status in (1, 2, 4, 5, 6, 9);
create index dossiers_involved_idx on dossiers using gin (involved_unit_ids);
create index dossiers_received_idx on dossiers (received_at, id);
create index dossiers_status_due_idx on dossiers (status, due_at, id);
create index dossiers_applicant_search_idx on dossiers using gin (f_unaccent(lower(applicant_name)) gin_trgm_ops);

create table dossier_events (
  id bigint generated always as identity primary key,
  dossier_id bigint not null constraint dossier_events_dossier_fk references dossiers (id),
  seq integer not null,
  type text not null,
  at timestamptz not null,
  actor_staff_id integer,
  actor_name text not null,
  unit_id integer,
  payload jsonb not null,
  request_id text,
  prev_hash text not null,
  hash text not null,
  constraint dossier_events_seq_key unique (dossier_id, seq)
);
comment on table dossier_events is 'Append-only, hash-chained history of each dossier; the single source of its status.';

create trigger dossier_events_no_update before update or delete on dossier_events
  for each row execute function audit_events_forbid_change();
create trigger dossier_events_no_truncate before truncate on dossier_events
  for each statement execute function audit_events_forbid_change();
revoke update, delete, truncate on dossier_events from public;
