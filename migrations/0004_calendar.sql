-- Calendar: the province's working calendar as data (DOMAIN §3). A year's days are composed from the
-- Labour Code 2019 defaults (art. 112 holidays, art. 111(3) compensatory days), then the official
-- notices and the administrators' edits in the order they were recorded. Notices and edits are the
-- history (never updated, only withdrawn); calendar_days is the composed result the deadline engine
-- and the public calendar read. Every change also appends an audit event in the same transaction.

-- One order for notices and edits together, so "the later statement wins" across both tables.
create sequence calendar_change_seq;
comment on sequence calendar_change_seq is 'Recording order of calendar notices and day edits (a later one overrides an earlier one on the same date).';

create table calendar_hours (
  version integer primary key constraint calendar_hours_version_check check (version > 0),
  effective_from date not null,
  intervals jsonb not null,
  saturday_working boolean not null default false,
  tet_days_before smallint not null default 1,
  national_day_adjacent text not null default 'before',
  reason text,
  recorded_at timestamptz not null default now(),
  recorded_by_staff_id integer,
  recorded_by_name text,
  constraint calendar_hours_intervals_check check (jsonb_typeof(intervals) = 'array' and jsonb_array_length(intervals) between 1 and 6),
  constraint calendar_hours_tet_check check (tet_days_before between 0 and 4),
  constraint calendar_hours_adjacent_check check (national_day_adjacent in ('before', 'after'))
);
comment on table calendar_hours is 'Office hours and the options of the Labour Code defaults, append-only and effective-dated: the row in force on a day is the highest version whose effective_from is on or before it.';
create index calendar_hours_effective_idx on calendar_hours (effective_from, version);

create table calendar_years (
  year smallint primary key constraint calendar_years_year_check check (year between 1900 and 2100),
  version integer not null default 1 constraint calendar_years_version_check check (version >= 0),
  -- the default options the year was composed with, copied from calendar_hours when it was first stored
  tet_days_before smallint not null constraint calendar_years_tet_check check (tet_days_before between 0 and 4),
  national_day_adjacent text not null constraint calendar_years_adjacent_check check (national_day_adjacent in ('before', 'after')),
  saturday_working boolean not null,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table calendar_years is 'A year whose calendar is stored (not only the Labour Code defaults); version is checked on every change (409 STALE_VERSION).';

create table calendar_notices (
  id integer generated always as identity primary key,
  year smallint not null constraint calendar_notices_year_fk references calendar_years (year),
  seq bigint not null default nextval('calendar_change_seq') constraint calendar_notices_seq_key unique,
  document text not null constraint calendar_notices_document_check check (length(trim(document)) > 0),
  issued_on date not null,
  title text not null,
  issuer text,
  references_docs jsonb not null default '[]'::jsonb,
  covers jsonb not null default '[]'::jsonb,
  days jsonb not null,
  removes jsonb not null default '[]'::jsonb,
  note text,
  recorded_at timestamptz not null default now(),
  recorded_by_staff_id integer,
  recorded_by_name text,
  withdrawn_at timestamptz,
  withdrawn_reason text,
  constraint calendar_notices_days_check check (jsonb_typeof(days) = 'array'),
  constraint calendar_notices_withdrawn_check check ((withdrawn_at is null) = (withdrawn_reason is null))
);
comment on table calendar_notices is 'Official notices on days off (Prime Minister''s decision via the Government Office, or the province''s letter republishing it) as recorded; withdrawn, never deleted.';
create unique index calendar_notices_document_key on calendar_notices (year, document, issued_on) where withdrawn_at is null;
create index calendar_notices_year_idx on calendar_notices (year, seq);

create table calendar_day_edits (
  id integer generated always as identity primary key,
  year smallint not null constraint calendar_day_edits_year_fk references calendar_years (year),
  seq bigint not null default nextval('calendar_change_seq') constraint calendar_day_edits_seq_key unique,
  date date not null,
  -- null: the day becomes an ordinary day (a default holiday cancelled)
  kind text constraint calendar_day_edits_kind_check check (kind in ('holiday', 'compensatory', 'swap_off', 'makeup_workday')),
  name text,
  basis_document text,
  basis_date date,
  reason text not null constraint calendar_day_edits_reason_check check (length(trim(reason)) > 0),
  recorded_at timestamptz not null default now(),
  recorded_by_staff_id integer,
  recorded_by_name text,
  constraint calendar_day_edits_date_year_check check (extract(year from date) = year),
  constraint calendar_day_edits_name_check check (kind is null or name is not null),
  constraint calendar_day_edits_basis_check check ((basis_document is null) = (basis_date is null))
);
comment on table calendar_day_edits is 'Administrators'' edits of single days, each with its reason; applied with the notices in recording order.';
create index calendar_day_edits_year_idx on calendar_day_edits (year, seq);

create table calendar_days (
  date date constraint calendar_days_pk primary key,
  year smallint not null constraint calendar_days_year_fk references calendar_years (year),
  kind text not null constraint calendar_days_kind_check check (kind in ('holiday', 'compensatory', 'swap_off', 'makeup_workday')),
  name text not null,
  basis_document text,
  basis_date date,
  occasion text,
  source text not null constraint calendar_days_source_check check (source in ('default', 'notice', 'manual')),
  notice_id integer constraint calendar_days_notice_fk references calendar_notices (id),
  edit_id integer constraint calendar_days_edit_fk references calendar_day_edits (id),
  reason text,
  constraint calendar_days_date_year_check check (extract(year from date) = year),
  constraint calendar_days_basis_check check ((basis_document is null) = (basis_date is null)),
  constraint calendar_days_origin_check check ((source = 'notice') = (notice_id is not null) and (source = 'manual') = (edit_id is not null)),
  constraint calendar_days_reason_check check (source <> 'manual' or reason is not null)
);
comment on table calendar_days is 'The composed non-ordinary days of each stored year (holiday, compensatory, swap_off, makeup_workday) with name, legal basis and where they came from; rewritten with the year on every change.';
create index calendar_days_year_idx on calendar_days (year, date);
