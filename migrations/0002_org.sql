-- Organisation: units (any depth), staff, job positions.
create table org_units (
  id integer generated always as identity primary key,
  parent_id integer constraint org_units_parent_fk references org_units (id),
  code text constraint org_units_code_key unique,
  name text not null,
  short_name text,
  kind text not null constraint org_units_kind_check
    check (kind in ('province', 'people_committee', 'office', 'department', 'service_centre', 'commune', 'section', 'vertical_agency', 'other')),
  function text,
  effective_from date,
  effective_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint org_units_not_own_parent check (parent_id is null or parent_id <> id),
  constraint org_units_effective_order check (effective_to is null or effective_from is null or effective_to >= effective_from)
);
comment on table org_units is 'Agencies and their sub-units as a tree of any depth; code is the electronic agency ID (Decision 20/2020/QĐ-TTg).';
create index org_units_parent_idx on org_units (parent_id);

create table org_positions (
  id integer generated always as identity primary key,
  unit_id integer not null constraint org_positions_unit_fk references org_units (id),
  code text not null,
  name text not null,
  grade text,
  quota integer not null default 1 constraint org_positions_quota_check check (quota >= 0),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint org_positions_unit_code_key unique (unit_id, code)
);
comment on table org_positions is 'Job positions (vị trí việc làm) approved for a unit, with the number of posts.';

create table org_staff (
  id integer generated always as identity primary key,
  public_id uuid not null default gen_random_uuid() constraint org_staff_public_id_key unique,
  full_name text not null,
  position text,
  unit_id integer not null constraint org_staff_unit_fk references org_units (id),
  job_position_id integer constraint org_staff_job_position_fk references org_positions (id),
  badge_number text constraint org_staff_badge_key unique,
  phone text,
  email text,
  photo_key text,
  active boolean not null default true,
  seconded_from date,
  seconded_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint org_staff_secondment_order check (seconded_to is null or seconded_from is null or seconded_to >= seconded_from)
);
comment on table org_staff is 'Officials and employees; public_id is the unguessable id printed in the badge QR code.';
create index org_staff_unit_idx on org_staff (unit_id);
create index org_staff_name_search_idx on org_staff using gin (f_unaccent(lower(full_name)) gin_trgm_ops);
