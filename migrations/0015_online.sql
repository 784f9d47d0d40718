-- Online public services for citizens (issue 11): their uploads and personal document store, their
-- drafts and submissions, and their satisfaction ratings. A citizen's records are reached only
-- through their own session (modules/online); staff see the dossiers these become, not these rows.

-- Files a citizen uploaded (content in the sealed, content-addressed file store under file_key) and
-- results of their dossiers filed into their store. The name is what their device called the file,
-- cleaned; the type is the one sniffed from the content, never the declared one.
create table citizen_files (
  id bigint generated always as identity primary key,
  citizen_id integer not null constraint citizen_files_citizen_fk references citizens (id) on delete cascade,
  file_key text not null,
  name text not null,
  type text not null check (type in ('application/pdf', 'image/jpeg', 'image/png')),
  size integer not null check (size > 0),
  origin text not null default 'upload' check (origin in ('upload', 'result')),
  -- The draft it was uploaded for (the per-draft count limit); null for the document store.
  draft_id bigint,
  -- For a result: the dossier it came from.
  dossier_code text,
  created_at timestamptz not null default now()
);
comment on table citizen_files is 'A citizen''s uploads and results: their personal document store (Decree 45/2020 art. 16).';
create index citizen_files_citizen_idx on citizen_files (citizen_id, id);
create unique index citizen_files_result_key on citizen_files (citizen_id, file_key) where origin = 'result';

-- Drafts survive closing the browser; a submitted draft keeps the dossier code it became.
create table online_drafts (
  id bigint generated always as identity primary key,
  citizen_id integer not null constraint online_drafts_citizen_fk references citizens (id) on delete cascade,
  procedure_code text not null,
  procedure_name text not null,
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  content jsonb not null,
  idempotency_key text constraint online_drafts_idempotency_key unique,
  dossier_code text constraint online_drafts_dossier_key unique,
  submitted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
comment on table online_drafts is 'Online filings: drafts (editable, versioned) and the dossier each submission created.';
create index online_drafts_citizen_idx on online_drafts (citizen_id, id);

-- One satisfaction rating per dossier (DOMAIN §7), read by the feedback and statistics modules.
create table dossier_ratings (
  id bigint generated always as identity primary key,
  dossier_code text not null constraint dossier_ratings_dossier_key unique,
  citizen_id integer not null constraint dossier_ratings_citizen_fk references citizens (id),
  -- The receiving unit and the procedure, copied at rating time so statistics need no join.
  unit_id integer not null,
  procedure_code text not null,
  level text not null check (level in ('very_satisfied', 'satisfied', 'not_satisfied')),
  comment text,
  rated_at timestamptz not null
);
comment on table dossier_ratings is 'Satisfaction with a dossier''s handling: Rất hài lòng / Hài lòng / Không hài lòng.';
create index dossier_ratings_unit_idx on dossier_ratings (unit_id, rated_at);
