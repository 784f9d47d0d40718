-- The reform budget (Directive 16 item 7e; issue 20 scope 5), owned by modules/reform-budget: budget
-- lines per unit and year for reform activities — planned, allocated, spent — with the activity they
-- fund. Amounts are whole đồng. Every change of a line is kept in reform_budget_changes (append-only).

create table reform_budget_lines (
  id integer generated always as identity primary key,
  unit_id integer not null references org_units (id),
  year integer not null constraint rbl_year_check check (year between 2000 and 2100),
  activity_kind text not null constraint rbl_kind_check check (activity_kind in ('survey', 'training', 'digitisation', 'iso', 'other')),
  title text not null constraint rbl_title_check check (length(btrim(title)) between 3 and 500),
  funding_source text not null default 'state_budget' constraint rbl_source_check check (funding_source in ('state_budget', 'other')),
  planned_vnd bigint not null default 0 constraint rbl_planned_check check (planned_vnd >= 0),
  allocated_vnd bigint not null default 0 constraint rbl_allocated_check check (allocated_vnd >= 0),
  spent_vnd bigint not null default 0 constraint rbl_spent_check check (spent_vnd >= 0),
  -- Spent above allocated is allowed only with the reason (a supplementary allocation not yet recorded).
  overspend_reason text,
  allocation_decision_no text,
  note text,
  created_by integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index reform_budget_lines_unit_year_idx on reform_budget_lines (unit_id, year);
comment on table reform_budget_lines is 'Reform budget lines per unit and year (planned, allocated, spent).';

create table reform_budget_changes (
  id bigint generated always as identity primary key,
  line_id integer not null references reform_budget_lines (id),
  at timestamptz not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  -- {field: [before, after]} for each field changed; on creation the line as created.
  changes jsonb not null,
  reason text
);
create index reform_budget_changes_line_idx on reform_budget_changes (line_id, id);
create or replace function reform_budget_changes_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger reform_budget_changes_no_change before update or delete on reform_budget_changes
  for each row execute function reform_budget_changes_forbid_change();
