-- Reviewing and simplifying administrative procedures (issue 21), owned by modules/procedure-review:
-- the compliance-cost parameters by year (the wage rate in force and the reviewer's default estimates),
-- yearly review plans per agency, review forms per procedure (phiếu rà soát, đánh giá TTHC), and
-- simplification plans (phương án đơn giản hóa) with their cost before and after. History in pr_events.

create table pr_parameters (
  year integer primary key constraint prp_year_check check (year between 2000 and 2100),
  -- The income a working hour is valued at: monthly income / (working days a month × hours a day).
  monthly_income_vnd bigint not null constraint prp_income_check check (monthly_income_vnd > 0),
  working_days_per_month integer not null constraint prp_days_check check (working_days_per_month between 1 and 31),
  hours_per_day integer not null constraint prp_hours_check check (hours_per_day between 1 and 24),
  source text not null,
  -- The reviewer's default estimates (hours and đồng per activity), rules/cost-model.ts `Defaults`.
  defaults jsonb not null,
  version integer not null default 1,
  updated_by integer references org_staff (id),
  updated_at timestamptz not null default now()
);
comment on table pr_parameters is 'Compliance-cost parameters by year: wage rate in force and default estimates.';

create table pr_review_plans (
  id integer generated always as identity primary key,
  agency_unit_id integer not null references org_units (id),
  year integer not null constraint prrp_year_check check (year between 2000 and 2100),
  title text not null,
  status text not null default 'draft' constraint prrp_status_check check (status in ('draft', 'approved')),
  approved_by integer references org_staff (id),
  approved_at timestamptz,
  created_by integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint prrp_one_per_year unique (agency_unit_id, year)
);

create table pr_review_plan_items (
  id integer generated always as identity primary key,
  plan_id integer not null references pr_review_plans (id),
  procedure_code text not null,
  procedure_name text not null,
  lead_unit_id integer references org_units (id),
  due_on date not null,
  constraint prrpi_unique unique (plan_id, procedure_code)
);
create index pr_review_plan_items_plan_idx on pr_review_plan_items (plan_id);

create table pr_reviews (
  id integer generated always as identity primary key,
  agency_unit_id integer not null references org_units (id),
  year integer not null constraint prr_year_check check (year between 2000 and 2100),
  procedure_code text not null,
  procedure_name text not null,
  version_id integer not null,
  version_no integer not null,
  plan_item_id integer references pr_review_plan_items (id),
  status text not null default 'draft' constraint prr_status_check check (status in ('draft', 'submitted', 'approved')),
  -- {questionKey: {choice?: 'yes'|'no', text?: string}}
  answers jsonb not null default '{}',
  -- {costLineKey: {hours?, times?, cashVnd?, note?}}: the reviewer's estimates where the method lets them estimate.
  estimates jsonb not null default '{}',
  recommendation text constraint prr_recommendation_check check (recommendation in ('keep', 'simplify', 'abolish')),
  conclusion text,
  -- The cost sheet as approved (rules/cost-model.ts), frozen with the approval.
  cost_snapshot jsonb,
  reviewer_staff_id integer references org_staff (id),
  approved_by integer references org_staff (id),
  approved_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint prr_one_per_year unique (agency_unit_id, year, procedure_code)
);
create index pr_reviews_agency_year_idx on pr_reviews (agency_unit_id, year);

create table pr_plans (
  id integer generated always as identity primary key,
  agency_unit_id integer not null references org_units (id),
  year integer not null constraint prpl_year_check check (year between 2000 and 2100),
  procedure_code text not null,
  procedure_name text not null,
  base_version_id integer not null,
  base_version_no integer not null,
  review_id integer references pr_reviews (id),
  title text not null,
  rationale text,
  -- rules/plan-changes.ts `PlanChanges`: documents removed or reused, full-online filing, time limit, fees.
  changes jsonb not null,
  status text not null default 'draft' constraint prpl_status_check check (status in ('draft', 'proposed', 'approved', 'rejected')),
  -- Cost before and after (rules/cost-model.ts), frozen when the plan is approved; live while it is not.
  before_snapshot jsonb,
  after_snapshot jsonb,
  approved_by integer references org_staff (id),
  approved_at timestamptz,
  created_by integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pr_plans_agency_year_idx on pr_plans (agency_unit_id, year);
create index pr_plans_procedure_idx on pr_plans (procedure_code);

create table pr_events (
  id bigint generated always as identity primary key,
  entity text not null constraint pre_entity_check check (entity in ('parameters', 'review_plan', 'review', 'plan')),
  entity_id integer not null,
  at timestamptz not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  action text not null,
  note text,
  data jsonb not null default '{}'
);
create index pr_events_entity_idx on pr_events (entity, entity_id, id);
create or replace function pr_events_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger pr_events_no_change before update or delete on pr_events
  for each row execute function pr_events_forbid_change();
