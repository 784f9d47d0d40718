-- Durable jobs, the transactional outbox, in-app notifications for staff, editable message
-- templates, and the dossier reminders' once-only log. Everything here is rows, so a restart
-- loses nothing: a job or message is picked up again by whichever worker runs next.

create table jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  -- de-duplication: enqueueing the same key twice keeps the first row (null = never deduplicated)
  unique_key text constraint jobs_unique_key unique,
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'pending' constraint jobs_status_check check (status in ('pending', 'done', 'failed')),
  recurring boolean not null default false,
  run_at timestamptz not null,
  attempts integer not null default 0,
  max_attempts integer not null default 10,
  -- a claim is a lease: a worker that dies leaves the row to be claimed again after locked_until
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  constraint jobs_attempts_check check (attempts >= 0 and max_attempts >= 1)
);
comment on table jobs is 'Durable background jobs (reminders, escalation, delivery); claimed with a lease, retried with exponential back-off.';
create index jobs_due_idx on jobs (run_at, id) where status = 'pending';
create index jobs_finished_idx on jobs (finished_at) where status <> 'pending';

create table outbox_messages (
  id bigint generated always as identity primary key,
  -- who wrote it and why, e.g. "dossier:H30.002-260302-0001:3:email"; a second write is a no-op
  dedupe_key text not null constraint outbox_messages_dedupe_key unique,
  channel text not null constraint outbox_messages_channel_check check (channel in ('email', 'sms')),
  recipient text not null,
  recipient_name text,
  subject text,
  body text not null,
  template_key text,
  reference text,
  unit_ids integer[] not null default '{}',
  status text not null default 'pending' constraint outbox_messages_status_check
    check (status in ('pending', 'sending', 'sent', 'failed', 'uncertain', 'not_sent')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  locked_until timestamptz,
  claimed_by text,
  last_error text,
  provider text,
  provider_message_id text,
  created_at timestamptz not null,
  sent_at timestamptz,
  updated_at timestamptz not null default now()
);
comment on table outbox_messages is 'Transactional outbox: e-mail and SMS written in the same transaction as the event that causes them, delivered later by a job.';
create index outbox_messages_due_idx on outbox_messages (next_attempt_at, id) where status = 'pending';
create index outbox_messages_sending_idx on outbox_messages (locked_until) where status = 'sending';
create index outbox_messages_status_idx on outbox_messages (status, id);
create index outbox_messages_units_idx on outbox_messages using gin (unit_ids);
create index outbox_messages_reference_idx on outbox_messages (reference);

create table staff_notifications (
  id bigint generated always as identity primary key,
  staff_id integer not null,
  dedupe_key text not null constraint staff_notifications_dedupe_key unique,
  kind text not null,
  title text not null,
  body text not null,
  reference text,
  link text,
  created_at timestamptz not null,
  read_at timestamptz
);
comment on table staff_notifications is 'In-app notifications for staff (reminders, escalations); one row per person and occasion.';
create index staff_notifications_mine_idx on staff_notifications (staff_id, id desc);

create table message_templates (
  key text primary key,
  subject text not null,
  body text not null,
  sms text,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by text
);
comment on table message_templates is 'Province edits of message templates; a key without a row uses the default text shipped with the code.';

create table dossier_reminders (
  id bigint generated always as identity primary key,
  dossier_id bigint not null constraint dossier_reminders_dossier_fk references dossiers (id),
  kind text not null constraint dossier_reminders_kind_check check (kind in ('step_overdue', 'near_due')),
  -- the deadline the reminder is about: a step run again, or a new due date, is a new occasion
  occurrence timestamptz not null,
  staff_ids integer[] not null default '{}',
  created_at timestamptz not null,
  constraint dossier_reminders_once unique (dossier_id, kind, occurrence)
);
comment on table dossier_reminders is 'One row per reminder occasion of a dossier, so a reminder is sent once however often the scan runs.';

-- The reminder scan looks for open dossiers whose step budget has run out.
create index dossiers_step_due_idx on dossiers (step_due_at, id) where status in (2, 4, 6);
