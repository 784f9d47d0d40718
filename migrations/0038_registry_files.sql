-- Files and archiving (lập hồ sơ, nộp lưu, hủy tài liệu hết giá trị; issue 19 scope 4), owned by
-- modules/registry: Decree 30/2020 Chapter IV (arts 28–31), Appendix V (the forms of the file list and of
-- the contents of a file) and Appendix VI (the file's data standard, the 30-day reminder, the export of a
-- whole file). Rules: src/modules/registry/RULES-files.md and rules/retention.ts.

-- An agency's yearly file list (Danh mục hồ sơ, art. 28): drafted by the records office, approved by the
-- head at the start of the year by a decision; files may still be added afterwards, each with its reason.
create table reg_file_lists (
  id integer generated always as identity primary key,
  unit_id integer not null references org_units (id),
  year integer not null constraint reg_file_lists_year_check check (year between 2000 and 2100),
  status text not null default 'draft' constraint reg_file_lists_status_check check (status in ('draft', 'approved')),
  decision_no text constraint reg_file_lists_decision_check check (decision_no is null or length(btrim(decision_no)) between 1 and 60),
  decision_date date,
  approved_by_staff_id integer references org_staff (id),
  approved_at timestamptz,
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reg_file_lists_unit_year_key unique (unit_id, year),
  constraint reg_file_lists_approved_check check (status <> 'approved' or (decision_no is not null and decision_date is not null and approved_at is not null))
);
comment on table reg_file_lists is 'An agency''s yearly file list (Danh mục hồ sơ, Decree 30 art. 28), approved by its head.';

-- A disposal list (danh mục tài liệu hết giá trị): files past their retention, drafted by the records
-- office and destroyed only once the head approves it by a decision (Law on Archives 2024).
create table reg_disposals (
  id integer generated always as identity primary key,
  unit_id integer not null references org_units (id),
  title text not null constraint reg_disposals_title_check check (length(btrim(title)) between 3 and 300),
  status text not null default 'draft' constraint reg_disposals_status_check check (status in ('draft', 'approved', 'cancelled')),
  decision_no text constraint reg_disposals_decision_check check (decision_no is null or length(btrim(decision_no)) between 1 and 60),
  decision_date date,
  approved_by_staff_id integer references org_staff (id),
  approved_at timestamptz,
  cancel_reason text constraint reg_disposals_cancel_check check (cancel_reason is null or length(cancel_reason) <= 2000),
  -- How many stored contents the approval erased (keys no other live document or attachment holds).
  erased_files integer,
  note text constraint reg_disposals_note_check check (note is null or length(note) <= 4000),
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reg_disposals_approved_check check (status <> 'approved' or (decision_no is not null and decision_date is not null and approved_at is not null))
);
create index reg_disposals_unit_idx on reg_disposals (unit_id, id);

-- One file (hồ sơ) of a list: Appendix VI Part II.III — FileNotation (code, String 20), Title (500),
-- Maintenance (retention: permanent or a number of years), Creator, StartDate/EndDate. Its life: open
-- (documents are filed) → closed when the work ends (art. 29.4) → handed over to the agency archive
-- within a year (art. 30.2.b), or kept by the unit up to 2 more years (art. 31.3.d) → disposed once its
-- retention has run out and a disposal list is approved. 'removed': taken out of a draft list.
create table reg_files (
  id integer generated always as identity primary key,
  list_id integer not null references reg_file_lists (id),
  unit_id integer not null references org_units (id),
  year integer not null constraint reg_files_year_check check (year between 2000 and 2100),
  code text not null constraint reg_files_code_check check (length(btrim(code)) between 1 and 20),
  title text not null constraint reg_files_title_check check (length(btrim(title)) between 3 and 500),
  -- The heading (đề mục) the file is listed under (Appendix V §I.1), e.g. a section or a field of work.
  heading text constraint reg_files_heading_check check (heading is null or length(btrim(heading)) between 1 and 200),
  -- Null: kept permanently (vĩnh viễn).
  retention_years integer constraint reg_files_retention_check check (retention_years is null or retention_years between 1 and 100),
  responsible_staff_id integer references org_staff (id),
  responsible_unit_id integer references org_units (id),
  status text not null default 'open' constraint reg_files_status_check check (status in ('open', 'closed', 'handed_over', 'disposed', 'removed')),
  added_after_approval boolean not null default false,
  ended_on date,
  closed_at timestamptz,
  closed_by_staff_id integer references org_staff (id),
  handed_over_on date,
  handed_over_by_staff_id integer references org_staff (id),
  kept_until date,
  keep_reason text constraint reg_files_keep_reason_check check (keep_reason is null or length(keep_reason) <= 2000),
  kept_by_staff_id integer references org_staff (id),
  disposal_id integer references reg_disposals (id),
  disposed_at timestamptz,
  note text constraint reg_files_note_check check (note is null or length(note) <= 2000),
  created_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reg_files_closed_check check (status in ('open', 'removed') or ended_on is not null),
  constraint reg_files_handed_check check (status <> 'handed_over' or handed_over_on is not null),
  constraint reg_files_disposed_check check (status <> 'disposed' or (disposal_id is not null and disposed_at is not null))
);
create unique index reg_files_code_uidx on reg_files (unit_id, year, upper(code)) where status <> 'removed';
create index reg_files_list_idx on reg_files (list_id, code);
create index reg_files_unit_status_idx on reg_files (unit_id, status, ended_on);
create index reg_files_disposal_idx on reg_files (disposal_id) where disposal_id is not null;
comment on table reg_files is 'Files (hồ sơ) of an agency''s yearly list, their retention, closing, handover and disposal (Decree 30 arts 28–31).';

-- Which file holds a document: one at most (the primary key), of the same agency and year.
create table reg_file_documents (
  document_id integer primary key references reg_documents (id),
  file_id integer not null references reg_files (id),
  filed_at timestamptz not null,
  filed_by_staff_id integer references org_staff (id)
);
create index reg_file_documents_file_idx on reg_file_documents (file_id);

-- The history of lists, files and disposal lists (append-only, like reg_events).
create table reg_file_events (
  id bigint generated always as identity primary key,
  list_id integer references reg_file_lists (id),
  file_id integer references reg_files (id),
  disposal_id integer references reg_disposals (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  note text,
  details jsonb not null default '{}',
  constraint reg_file_events_subject_check check (num_nonnulls(list_id, file_id, disposal_id) >= 1)
);
create index reg_file_events_file_idx on reg_file_events (file_id, id) where file_id is not null;
create index reg_file_events_list_idx on reg_file_events (list_id, id) where list_id is not null;
create index reg_file_events_disposal_idx on reg_file_events (disposal_id, id) where disposal_id is not null;
create trigger reg_file_events_no_change before update or delete on reg_file_events
  for each row execute function reg_events_forbid_change();
