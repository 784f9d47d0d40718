-- Inspection plans and inspections (issue 18, scope 1), owned by modules/inspection: the yearly plan of
-- an inspecting unit (the provincial inspectorate, or a department checking its own sector), the
-- inspections opened from its items or by surprise, the record the team keeps at the inspected unit (a
-- checklist whose figures are a snapshot of what the system knew, and findings), the conclusion and its
-- recommendations, each followed up until the inspecting unit accepts it as done. Each plan and
-- inspection row is the current state, changed under its version; its history is an append-only event
-- table. Rules and decisions: src/modules/inspection/RULES.md, "Plans and inspections".

create table insp_plans (
  id integer generated always as identity primary key,
  inspecting_unit_id integer not null references org_units (id),
  year integer not null constraint insp_plans_year_check check (year between 2000 and 2100),
  title text not null constraint insp_plans_title_check check (length(btrim(title)) between 3 and 300),
  note text constraint insp_plans_note_check check (note is null or length(note) <= 4000),
  status text not null default 'draft' constraint insp_plans_status_check check (status in ('draft', 'approved')),
  decision_no text constraint insp_plans_decision_check check (decision_no is null or length(btrim(decision_no)) between 1 and 60),
  decision_date date,
  -- Who signed the approving decision, as printed on it (often a leader with no account here).
  signer text constraint insp_plans_signer_check check (signer is null or length(btrim(signer)) between 2 and 200),
  approved_by_staff_id integer references org_staff (id),
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint insp_plans_approved_check check (status <> 'approved' or (decision_no is not null and decision_date is not null and signer is not null))
);
create index insp_plans_unit_idx on insp_plans (inspecting_unit_id, year, id);
comment on table insp_plans is 'Yearly inspection plans of an inspecting unit: draft, then approved by a decision; amendments after approval are events with their reason.';

-- An inspection planned: the unit to inspect, the topics, the period planned, the intended lead.
-- Removing an item of an approved plan keeps it, cancelled, with the reason.
create table insp_plan_items (
  id integer generated always as identity primary key,
  plan_id integer not null references insp_plans (id),
  target_unit_id integer not null references org_units (id),
  topics text[] not null constraint insp_plan_items_topics_check check (cardinality(topics) between 1 and 10),
  planned_from date not null,
  planned_to date not null,
  lead_staff_id integer references org_staff (id),
  note text constraint insp_plan_items_note_check check (note is null or length(note) <= 2000),
  cancelled_on date,
  cancel_reason text constraint insp_plan_items_cancel_check check (cancel_reason is null or length(btrim(cancel_reason)) between 3 and 2000),
  created_at timestamptz not null default now(),
  constraint insp_plan_items_period_check check (planned_to >= planned_from),
  constraint insp_plan_items_cancelled_check check ((cancelled_on is null) = (cancel_reason is null))
);
create index insp_plan_items_plan_idx on insp_plan_items (plan_id, planned_from, id);
comment on table insp_plan_items is 'The inspections a plan foresees: unit, topics, planned period, lead; cancelled items stay with their reason.';

create table insp_plan_events (
  id bigint generated always as identity primary key,
  plan_id integer not null references insp_plans (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  note text,
  details jsonb not null default '{}'
);
create index insp_plan_events_plan_idx on insp_plan_events (plan_id, id);
comment on table insp_plan_events is 'History of each plan (append-only): drafting, approval, and every amendment after it with its reason.';

-- An inspection (cuộc thanh tra, kiểm tra) of one unit, from a plan item or by surprise (with its reason).
create table insp_inspections (
  id integer generated always as identity primary key,
  kind text not null constraint insp_inspections_kind_check check (kind in ('planned', 'surprise')),
  inspecting_unit_id integer not null references org_units (id),
  target_unit_id integer not null references org_units (id),
  plan_item_id integer references insp_plan_items (id),
  surprise_reason text constraint insp_inspections_reason_check check (surprise_reason is null or length(btrim(surprise_reason)) between 3 and 2000),
  -- What set a surprise inspection off: a feedback item's code, a hotline call, a letter's number.
  trigger_ref text constraint insp_inspections_trigger_check check (trigger_ref is null or length(btrim(trigger_ref)) between 1 and 100),
  topics text[] not null constraint insp_inspections_topics_check check (cardinality(topics) between 1 and 10),
  decision_no text constraint insp_inspections_decision_check check (decision_no is null or length(btrim(decision_no)) between 1 and 60),
  decision_date date,
  -- The days the team works at the unit, and the period whose work it inspects (the checklist's figures).
  on_site_from date not null,
  on_site_to date not null,
  covers_from date not null,
  covers_to date not null,
  status text not null default 'planned' constraint insp_inspections_status_check check (status in ('planned', 'in_progress', 'concluded', 'closed', 'cancelled')),
  started_on date,
  checklist_taken_at timestamptz,
  conclusion_no text constraint insp_inspections_conclusion_no_check check (conclusion_no is null or length(btrim(conclusion_no)) between 1 and 60),
  conclusion_date date,
  conclusion_signer text constraint insp_inspections_signer_check check (conclusion_signer is null or length(btrim(conclusion_signer)) between 2 and 200),
  conclusion_summary text constraint insp_inspections_summary_check check (conclusion_summary is null or length(btrim(conclusion_summary)) between 5 and 20000),
  concluded_by_staff_id integer references org_staff (id),
  closed_on date,
  cancelled_reason text constraint insp_inspections_cancelled_check check (cancelled_reason is null or length(btrim(cancelled_reason)) between 3 and 2000),
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint insp_inspections_source_check check ((kind = 'planned') = (plan_item_id is not null) and (kind = 'surprise') = (surprise_reason is not null)),
  constraint insp_inspections_on_site_check check (on_site_to >= on_site_from),
  constraint insp_inspections_covers_check check (covers_to >= covers_from),
  constraint insp_inspections_started_check check (status in ('planned', 'cancelled') or (started_on is not null and decision_no is not null and decision_date is not null)),
  constraint insp_inspections_concluded_check check (status not in ('concluded', 'closed') or (conclusion_no is not null and conclusion_date is not null and conclusion_summary is not null)),
  constraint insp_inspections_closed_check check ((status = 'closed') = (closed_on is not null))
);
-- One live inspection per plan item: a cancelled one leaves the item free for another.
create unique index insp_inspections_plan_item_key on insp_inspections (plan_item_id) where plan_item_id is not null and status <> 'cancelled';
create index insp_inspections_unit_idx on insp_inspections (inspecting_unit_id, id);
create index insp_inspections_target_idx on insp_inspections (target_unit_id, id);
create index insp_inspections_concluded_idx on insp_inspections (conclusion_date) where conclusion_date is not null;
comment on table insp_inspections is 'Inspections of a unit: decision, period at the unit and period inspected, status planned → in progress → concluded → closed, the conclusion.';

create table insp_inspection_team (
  inspection_id integer not null references insp_inspections (id),
  staff_id integer not null references org_staff (id),
  role text not null constraint insp_inspection_team_role_check check (role in ('lead', 'member')),
  constraint insp_inspection_team_pkey primary key (inspection_id, staff_id)
);
create unique index insp_inspection_team_lead_key on insp_inspection_team (inspection_id) where role = 'lead';
create index insp_inspection_team_staff_idx on insp_inspection_team (staff_id);
comment on table insp_inspection_team is 'The inspection team (đoàn thanh tra, kiểm tra): its members keep the record and read it without any grant at the inspected unit.';

-- The checklist: what the system knew about the unit for the period inspected, taken when the team
-- started (and refreshed while it works), so that a conclusion never moves with live data; label and
-- source are stored as shown, with the team's verdict and note.
create table insp_checklist_items (
  inspection_id integer not null references insp_inspections (id),
  code text not null constraint insp_checklist_items_code_check check (code ~ '^[a-z_]{2,40}$'),
  position integer not null,
  kind text not null constraint insp_checklist_items_kind_check check (kind in ('system', 'manual')),
  label jsonb not null,
  source jsonb not null,
  -- { value, of, text: { vi, en } }; null when the system holds no figure for it (checked by hand).
  figure jsonb,
  verdict text not null default 'not_checked' constraint insp_checklist_items_verdict_check check (verdict in ('ok', 'finding', 'not_checked')),
  note text constraint insp_checklist_items_note_check check (note is null or length(note) <= 4000),
  constraint insp_checklist_items_pkey primary key (inspection_id, code)
);
comment on table insp_checklist_items is 'An inspection''s checklist: snapshot figures from the other modules, manual items, the team''s verdicts.';

create table insp_findings (
  id integer generated always as identity primary key,
  inspection_id integer not null references insp_inspections (id),
  kind text not null constraint insp_findings_kind_check check (kind ~ '^[a-z_]{2,40}$'),
  description text not null constraint insp_findings_description_check check (length(btrim(description)) between 3 and 8000),
  staff_id integer references org_staff (id),
  checklist_code text,
  created_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  constraint insp_findings_checklist_fkey foreign key (inspection_id, checklist_code) references insp_checklist_items (inspection_id, code)
);
create index insp_findings_inspection_idx on insp_findings (inspection_id, id);
comment on table insp_findings is 'Findings the team records (late processing, harassment, procedures not posted…), optionally about a person or a checklist item.';

-- A recommendation of the conclusion: a task of the responsible unit with its deadline, followed up
-- until the inspecting unit accepts it as done. Its own version: the inspected unit reports while the
-- inspecting unit reviews another one.
create table insp_recommendations (
  id integer generated always as identity primary key,
  inspection_id integer not null references insp_inspections (id),
  seq integer not null,
  text text not null constraint insp_recommendations_text_check check (length(btrim(text)) between 3 and 4000),
  responsible_unit_id integer not null references org_units (id),
  due_on date not null,
  -- When the conclusion set the deadline in working days from its date (kept to show how it was set).
  due_working_days integer constraint insp_recommendations_days_check check (due_working_days is null or due_working_days between 1 and 365),
  status text not null default 'open' constraint insp_recommendations_status_check check (status in ('open', 'reported', 'closed')),
  closed_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint insp_recommendations_seq_key unique (inspection_id, seq),
  constraint insp_recommendations_closed_check check ((status = 'closed') = (closed_on is not null))
);
create index insp_recommendations_unit_idx on insp_recommendations (responsible_unit_id, status);
create index insp_recommendations_due_idx on insp_recommendations (due_on);
comment on table insp_recommendations is 'Recommendations of inspection conclusions: responsible unit, deadline, open → reported → closed (or returned).';

create table insp_recommendation_updates (
  id bigint generated always as identity primary key,
  recommendation_id integer not null references insp_recommendations (id),
  at timestamptz not null,
  kind text not null constraint insp_recommendation_updates_kind_check check (kind in ('report', 'accept', 'return')),
  on_day date not null,
  text text constraint insp_recommendation_updates_text_check check (text is null or length(text) <= 4000),
  actor_staff_id integer references org_staff (id),
  actor_name text not null
);
create index insp_recommendation_updates_idx on insp_recommendation_updates (recommendation_id, id);
comment on table insp_recommendation_updates is 'Follow-up of each recommendation (append-only): the responsible unit''s reports, the inspecting unit''s acceptance or return.';

create table insp_inspection_events (
  id bigint generated always as identity primary key,
  inspection_id integer not null references insp_inspections (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  note text,
  details jsonb not null default '{}'
);
create index insp_inspection_events_idx on insp_inspection_events (inspection_id, id);
comment on table insp_inspection_events is 'History of each inspection (append-only): the team''s working log, read only by the inspecting side.';

create trigger insp_plan_events_no_change before update or delete on insp_plan_events
  for each row execute function insp_events_forbid_change();
create trigger insp_inspection_events_no_change before update or delete on insp_inspection_events
  for each row execute function insp_events_forbid_change();
create trigger insp_recommendation_updates_no_change before update or delete on insp_recommendation_updates
  for each row execute function insp_events_forbid_change();
