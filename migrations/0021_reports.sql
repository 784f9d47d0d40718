-- Reports (issue 13; DOMAIN §6.2; docs/reports.md): the read model form II.06a is counted from. One
-- row per dossier with the instants and flags the columns need, folded from the dossier's events by
-- modules/reports/rules/facts.ts and written in the SAME transaction as the events (the dossier
-- module's event-subscribers port), so a report is a GROUP BY over this table, never a scan of the
-- events. `npx motcua rebuild-read-models` rebuilds it from the events; both give the same rows.
create table report_dossier_facts (
  dossier_id bigint not null,
  code text not null,
  unit_id integer not null,
  receiving_unit_id integer not null,
  competent_unit_id integer,
  procedure_code text not null,
  procedure_name text not null,
  field_code text,
  field_name text,
  channel text not null,
  received_at timestamptz,
  original_due_at timestamptz,
  pause_started_at timestamptz,
  pause_ended_at timestamptz,
  due_after_pause timestamptz,
  paused_when_overdue boolean not null default false,
  extended_at timestamptz,
  due_after_extension timestamptz,
  due_at timestamptz,
  completed_at timestamptz,
  outcome text,
  timeliness text,
  returned_at timestamptz,
  inter_agency boolean not null default false,
  version integer not null,
  updated_at timestamptz not null default now(),
  constraint report_dossier_facts_pkey primary key (dossier_id),
  constraint report_dossier_facts_outcome_check check (outcome is null or outcome in ('result', 'stopped', 'withdrawn', 'refused')),
  constraint report_dossier_facts_timeliness_check check (timeliness is null or timeliness in ('early', 'on_time', 'late'))
);
comment on table report_dossier_facts is 'Read model of the reports module (form II.06a): one row per dossier, folded from its events in their own transaction; rebuilt by rebuild-read-models. Not a record: the events are.';
comment on column report_dossier_facts.unit_id is 'The unit a dossier is counted at, once: its competent unit, else the receiving desk (an inter-agency dossier is not counted at the other agencies of its route).';
comment on column report_dossier_facts.received_at is 'Instant of reception (event received): the dossier enters the report from then.';
comment on column report_dossier_facts.completed_at is 'Instant of the decision or end: result recorded, stopped, withdrawn or refused.';
comment on column report_dossier_facts.timeliness is 'A result or stop against the due date in force then (early/on_time/late); null for withdrawn and refused.';
comment on column report_dossier_facts.paused_when_overdue is 'The supplement pause began after the due date then in force.';

-- A period's rows: those received before its end and not finished before its start.
create index report_dossier_facts_unit_received_idx on report_dossier_facts (unit_id, received_at);
create index report_dossier_facts_unit_completed_idx on report_dossier_facts (unit_id, completed_at);
