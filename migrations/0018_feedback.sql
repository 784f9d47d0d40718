-- Feedback and recommendations (phản ánh, kiến nghị — PAKN), issue 12 items 1–2. Owned by
-- modules/feedback: categories (configuration), items with their history, attachments, the daily
-- code counter and the module's settings (which unit receives unaddressed items, which unit
-- oversees officials' conduct). Decree 20/2008/NĐ-CP, DOMAIN §7.

create table feedback_categories (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name jsonb not null,
  description jsonb not null,
  deadline_days integer not null check (deadline_days between 1 and 365),
  coordination_deadline_days integer check (coordination_deadline_days between 1 and 365),
  -- Feedback of this category is about an official's conduct: flagged, seen by the oversight unit.
  conduct boolean not null default false,
  active boolean not null default true,
  sort_order integer not null default 0,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
comment on table feedback_categories is 'Kinds of feedback with their answer deadline in working days (province configuration, DOMAIN §7).';

-- Module settings by key: unit ids chosen by the province (demo/feedback-settings.json, admin API).
create table feedback_settings (
  key text primary key check (key in ('receiving_unit_id', 'conduct_oversight_unit_id')),
  value jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
comment on table feedback_settings is 'Feedback settings: the default receiving unit, the unit overseeing officials'' conduct (Department of Home Affairs).';

-- The province-wide daily sequence of codes PAKN-YYYYMMDD-NNNN (day of receipt in Asia/Ho_Chi_Minh).
create table feedback_code_counters (
  day text primary key check (day ~ '^\d{8}$'),
  last integer not null check (last >= 1)
);
comment on table feedback_code_counters is 'Last sequence number given to a feedback code per day of receipt.';

create table feedback_items (
  id integer generated always as identity primary key,
  code text not null constraint feedback_items_code_key unique,
  secret text not null,
  category_code text not null constraint feedback_items_category_fk references feedback_categories (code),
  about jsonb not null,
  title text not null,
  content text not null,
  -- Name and contact details of the submitter: personal data, never on public endpoints.
  submitter jsonb not null,
  consent_to_publish boolean not null,
  channel text not null check (channel in ('portal', 'citizen', 'desk', 'phone', 'letter', 'email', 'api')),
  app_name text,
  citizen_id integer,
  status text not null check (status in ('received', 'in_progress', 'awaiting_approval', 'answered', 'published', 'rejected', 'withdrawn')),
  unit_id integer not null,
  conduct boolean not null default false,
  -- The unit of the official the feedback is about (its head sees the item).
  conduct_unit_id integer,
  about_staff_id integer,
  assignee_id integer,
  coordination boolean not null default false,
  received_at timestamptz not null,
  due_at timestamptz,
  draft_answer text,
  answer text,
  answered_at timestamptz,
  answered_by text,
  reject_reason text,
  -- The redacted copies the approver published (personal data removed, rules/redact.ts).
  published_title text,
  published_question text,
  published_answer text,
  published_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table feedback_items is 'Feedback items (PAKN): what was asked, by whom, the handling unit, the deadline, the answer and its publication.';
create index feedback_items_unit_idx on feedback_items (unit_id, id);
create index feedback_items_conduct_idx on feedback_items (conduct_unit_id, id) where conduct;
create index feedback_items_citizen_idx on feedback_items (citizen_id, id) where citizen_id is not null;
create index feedback_items_published_idx on feedback_items (published_at, id) where status = 'published';
create index feedback_items_due_idx on feedback_items (due_at) where status in ('received', 'in_progress', 'awaiting_approval');

-- History is rows: every action on an item, who and when.
create table feedback_events (
  id bigint generated always as identity primary key,
  feedback_id integer not null constraint feedback_events_item_fk references feedback_items (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer,
  actor_name text not null,
  unit_id integer,
  note text,
  details jsonb not null default '{}'
);
comment on table feedback_events is 'History of a feedback item (append-only).';
create index feedback_events_item_idx on feedback_events (feedback_id, id);

create table feedback_attachments (
  id bigint generated always as identity primary key,
  feedback_id integer not null constraint feedback_attachments_item_fk references feedback_items (id),
  file_key text not null,
  name text not null,
  type text not null check (type in ('application/pdf', 'image/jpeg', 'image/png')),
  size integer not null check (size > 0),
  added_at timestamptz not null,
  constraint feedback_attachments_once unique (feedback_id, file_key)
);
comment on table feedback_attachments is 'Files sent with a feedback item (content in the sealed file store), served only in the item''s context.';
