-- Procedure catalogue (TTHC): procedures, their versions (the content each publishing decision put in
-- force) and the form templates citizens download. The content of a version is a JSON document
-- validated by the zod schema in src/modules/catalog/schema.ts before it is stored; the columns beside
-- it are what listing, filtering and search need, derived from the content by a trigger so they can
-- never disagree with it.

-- Search key: the same normalisation as normalizeForSearch() in src/modules/catalog/rules/search.ts
-- (unaccent, then lower, then every run of other characters to one space). unaccent goes first:
-- under the C collation PostgreSQL lowercases only ASCII. Immutable so that it can back indexes.
create or replace function catalog_search_normalize(text) returns text
  language sql immutable parallel safe strict
  as $$ select btrim(regexp_replace(lower(f_unaccent($1)), '[^a-z0-9]+', ' ', 'g')) $$;
comment on function catalog_search_normalize(text) is 'Accent- and case-free search key; must equal normalizeForSearch() in rules/search.ts.';

create table catalog_procedures (
  id integer generated always as identity primary key,
  code text not null constraint catalog_procedures_code_key unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint catalog_procedures_code_format check (code ~ '^[1-9]\.[0-9]{6}(\.[0-9A-Z]{1,6})*$')
);
comment on table catalog_procedures is 'Administrative procedures (thủ tục hành chính) by national code; what a procedure says lives in its versions.';

create table catalog_procedure_versions (
  id integer generated always as identity primary key,
  procedure_id integer not null constraint catalog_versions_procedure_fk references catalog_procedures (id),
  number integer not null constraint catalog_versions_number_positive check (number > 0),
  status text not null constraint catalog_versions_status_check
    check (status in ('draft', 'published', 'amended', 'replaced', 'abolished')),
  content jsonb not null constraint catalog_versions_content_object check (jsonb_typeof(content) = 'object'),
  -- publishing decision (quyết định công bố) and the days the version is in force, Asia/Ho_Chi_Minh
  decision_number text,
  decision_date date,
  decision_signer text,
  decision_title text,
  effective_from date,
  effective_to date,
  change_note text,
  -- the later decision that amended, replaced or abolished this version, and the successor's code
  closing_decision jsonb,
  replaced_by_code text,
  -- optimistic lock for editing drafts (409 STALE_VERSION), not the regulation version number
  revision integer not null default 0,
  -- derived from content by catalog_versions_derive(); never written by the application
  name text not null,
  field_code text not null,
  field_name text not null,
  levels text[] not null,
  online_mode text not null,
  channels jsonb not null,
  agency_code text,
  agency_name text not null,
  boundary_independent boolean not null,
  name_search text not null,
  keywords_search text[] not null,
  search_text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  constraint catalog_versions_number_key unique (procedure_id, number),
  constraint catalog_versions_decision_required check (
    status = 'draft' or (decision_number is not null and decision_date is not null and decision_signer is not null and effective_from is not null)),
  constraint catalog_versions_closed_has_end check (status in ('draft', 'published') or effective_to is not null),
  constraint catalog_versions_effective_order check (effective_to is null or effective_from is null or effective_to >= effective_from)
);
comment on table catalog_procedure_versions is 'Versions of a procedure: draft, then published by a decision and later amended, replaced or abolished. A non-draft version never changes content (dossiers pin it); see catalog_versions_guard().';
comment on column catalog_procedure_versions.content is 'ProcedureContent (zod procedureContentSchema) without version metadata.';
comment on column catalog_procedure_versions.effective_to is 'Last day in force (inclusive).';
comment on column catalog_procedure_versions.search_text is 'catalog_search_normalize(code, name, field name, keywords): the text search matches against.';

-- At most one draft and one open published version per procedure: publishing a new version closes
-- the previous one in the same transaction.
create unique index catalog_versions_one_draft on catalog_procedure_versions (procedure_id) where status = 'draft';
create unique index catalog_versions_one_published on catalog_procedure_versions (procedure_id) where status = 'published';
create index catalog_versions_in_force_idx on catalog_procedure_versions (procedure_id, effective_from, number) where status <> 'draft';
-- Listing and search read the versions whose window holds today; content stays out of those reads
-- (it is large and TOASTed), hence the small derived columns above.
create index catalog_versions_window_idx on catalog_procedure_versions (effective_from, effective_to) where status <> 'draft';
create index catalog_versions_search_idx on catalog_procedure_versions using gin (search_text gin_trgm_ops);
create index catalog_versions_field_idx on catalog_procedure_versions (field_code);

create or replace function catalog_versions_derive() returns trigger
  language plpgsql as $$
begin
  new.name := new.content->>'name';
  new.field_code := new.content->'field'->>'code';
  new.field_name := new.content->'field'->>'name';
  new.levels := array(select jsonb_array_elements_text(coalesce(new.content->'levels', '[]'::jsonb)));
  new.online_mode := new.content->>'onlineMode';
  new.channels := coalesce(new.content->'channels', '[]'::jsonb);
  new.agency_code := new.content->'implementingAgency'->>'code';
  new.agency_name := coalesce(new.content->'implementingAgency'->>'name', '');
  new.boundary_independent := coalesce((new.content->>'boundaryIndependent')::boolean, false);
  new.name_search := catalog_search_normalize(new.content->>'name');
  new.keywords_search := array(select catalog_search_normalize(k) from jsonb_array_elements_text(coalesce(new.content->'keywords', '[]'::jsonb)) as k);
  new.search_text := catalog_search_normalize(concat_ws(' ',
    new.content->>'code', new.content->>'name', new.content->'field'->>'name',
    (select string_agg(k, ' ') from jsonb_array_elements_text(coalesce(new.content->'keywords', '[]'::jsonb)) as k)));
  return new;
end $$;
create trigger catalog_versions_derive before insert or update on catalog_procedure_versions
  for each row execute function catalog_versions_derive();

-- A version is immutable once published, whatever connects to the database: the one-stop shop pins
-- a version id on every dossier received while it was in force. The only change left is closing it
-- (published → amended / replaced / abolished) with its last day and the closing decision.
create or replace function catalog_versions_guard() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'catalog version %/% is published and cannot be deleted', old.procedure_id, old.number using errcode = 'P0001';
    end if;
    return old;
  end if;
  if old.status = 'draft' then
    return new;
  end if;
  if new.content is distinct from old.content or new.number <> old.number or new.procedure_id <> old.procedure_id
     or new.decision_number is distinct from old.decision_number or new.decision_date is distinct from old.decision_date
     or new.decision_signer is distinct from old.decision_signer or new.decision_title is distinct from old.decision_title
     or new.effective_from is distinct from old.effective_from or new.change_note is distinct from old.change_note
     or new.published_at is distinct from old.published_at then
    raise exception 'catalog version %/% is published and immutable', old.procedure_id, old.number using errcode = 'P0001';
  end if;
  if old.status <> 'published' then
    raise exception 'catalog version %/% is closed (%) and immutable', old.procedure_id, old.number, old.status using errcode = 'P0001';
  end if;
  if new.status not in ('published', 'amended', 'replaced', 'abolished') then
    raise exception 'catalog version %/% cannot go back to %', old.procedure_id, old.number, new.status using errcode = 'P0001';
  end if;
  return new;
end $$;
create trigger catalog_versions_guard before update or delete on catalog_procedure_versions
  for each row execute function catalog_versions_guard();

create table catalog_form_files (
  procedure_id integer not null constraint catalog_form_files_procedure_fk references catalog_procedures (id),
  file_name text not null constraint catalog_form_files_name_format check (file_name ~ '^[A-Za-z0-9_.-]+\.(docx?|pdf|xlsx?|odt)$'),
  content bytea not null,
  content_type text not null,
  size integer not null constraint catalog_form_files_size_check check (size > 0 and size <= 10485760),
  sha256 text not null,
  uploaded_at timestamptz not null default now(),
  uploaded_by integer,
  constraint catalog_form_files_pk primary key (procedure_id, file_name)
);
comment on table catalog_form_files is 'Application forms (mẫu đơn, tờ khai) and result templates a procedure names by file name, for citizens to download.';
