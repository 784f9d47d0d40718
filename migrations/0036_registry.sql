-- Official documents and records (văn thư, issue 19), owned by modules/registry: every agency's outgoing
-- and incoming documents under Decree 30/2020 (DOMAIN §9). One row per document held by one agency's
-- records office: an outgoing document from its draft to its release (number and symbol, the register),
-- an incoming one from its arrival (paper, electronic or from another unit of the province through the
-- exchange) to its registration with an arrival number, the leader's routing and the handlers' reports.
-- The row is the current state, changed under its version; its full history (drafts, approvals,
-- instructions, views) is the append-only event table. Rules: src/modules/registry/RULES.md.

-- The records office (Văn thư cơ quan, Decree 30 art. 4): registers what comes in and goes out.
alter table access_grants drop constraint access_grants_role_check;
alter table access_grants add constraint access_grants_role_check
  check (role in ('admin', 'unit_head', 'specialist', 'desk_officer', 'auditor', 'hr_officer', 'clerk'));

-- What an agency's records office prints on its documents: its symbol (ký hiệu cơ quan, e.g. "SNV"),
-- the place name of the date line, the managing body of the heading, and how administrative documents
-- are numbered (one series per type, or one series for all; Decree 30 art. 15 leaves it to the head).
create table reg_settings (
  unit_id integer primary key references org_units (id),
  -- Its form (capitals, digits, one hyphen) is checked at the edge (schema.ts settingsBody).
  symbol text not null constraint reg_settings_symbol_check check (length(btrim(symbol)) between 1 and 25),
  place_name text not null constraint reg_settings_place_check check (length(btrim(place_name)) between 2 and 60),
  managing_body text constraint reg_settings_managing_check check (managing_body is null or length(btrim(managing_body)) between 2 and 200),
  numbering text not null default 'per_type' constraint reg_settings_numbering_check check (numbering in ('per_type', 'single')),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
comment on table reg_settings is 'An agency''s records-office settings: its symbol, place name, managing body and numbering mode.';

-- The last number given in a series (outgoing per unit, series and year; arrival numbers per unit and
-- year). Taken with an upsert inside the releasing or registering transaction: a rolled-back release
-- gives its number back, so numbers stay unique and without gaps (the dossier counter's technique).
create table reg_counters (
  unit_id integer not null references org_units (id),
  year integer not null constraint reg_counters_year_check check (year between 2000 and 2100),
  series text not null constraint reg_counters_series_check check (length(series) between 1 and 40),
  last_number integer not null constraint reg_counters_last_check check (last_number >= 0),
  primary key (unit_id, year, series)
);
comment on table reg_counters is 'Last number per agency, year and series (outgoing series, and the arrival series of incoming documents).';

create table reg_documents (
  id integer generated always as identity primary key,
  -- The agency whose register holds the document (its records office numbers and registers it).
  unit_id integer not null references org_units (id),
  direction text not null constraint reg_documents_direction_check check (direction in ('out', 'in')),
  status text not null constraint reg_documents_status_check check (status in (
    'draft', 'submitted', 'approved', 'released', 'recalled', 'cancelled',
    'arrived', 'registered', 'routed', 'done', 'returned')),
  -- Decree 30 art. 7 type code (rules/document-types.ts), e.g. 'KH', 'QĐ', 'CV' for công văn.
  doc_type text not null constraint reg_documents_type_check check (length(doc_type) between 1 and 10),
  legal boolean not null default false,
  subject text not null constraint reg_documents_subject_check check (length(btrim(subject)) between 3 and 500),
  body text constraint reg_documents_body_check check (body is null or length(body) <= 100000),
  -- Number and symbol: outgoing, given at release; incoming, as printed on the document received.
  number integer constraint reg_documents_number_check check (number is null or number > 0),
  symbol text constraint reg_documents_symbol_check check (symbol is null or length(btrim(symbol)) between 1 and 60),
  series text,
  issued_on date,
  -- The issuing agency as printed (incoming: tác giả; outgoing: the unit's own name at release).
  issuer_name text constraint reg_documents_issuer_check check (issuer_name is null or length(btrim(issuer_name)) between 2 and 300),
  signer_name text constraint reg_documents_signer_check check (signer_name is null or length(btrim(signer_name)) between 2 and 100),
  signer_title text constraint reg_documents_signer_title_check check (signer_title is null or length(btrim(signer_title)) between 2 and 200),
  -- TM., Q., KT., TL., TUQ. (Decree 30 Appendix I §II.7) or none.
  signing_prefix text constraint reg_documents_prefix_check check (signing_prefix is null or signing_prefix in ('TM', 'Q', 'KT', 'TL', 'TUQ')),
  urgency text not null default 'normal' constraint reg_documents_urgency_check check (urgency in ('normal', 'khan', 'thuong_khan', 'hoa_toc')),
  confidentiality text not null default 'normal' constraint reg_documents_secret_check check (confidentiality in ('normal', 'mat', 'toi_mat', 'tuyet_mat')),
  pages integer constraint reg_documents_pages_check check (pages is null or pages between 1 and 100000),
  copies integer constraint reg_documents_copies_check check (copies is null or copies between 1 and 10000),
  -- Outgoing: recipients [{unitId} | {name}], the drafting section, the drafter and the approver.
  recipients jsonb not null default '[]',
  drafting_unit_id integer references org_units (id),
  drafted_by_staff_id integer references org_staff (id),
  approver_staff_id integer references org_staff (id),
  approved_at timestamptz,
  released_at timestamptz,
  -- Incoming: arrival number (through the year), day and channel; the unit it came from through the exchange.
  arrival_number integer constraint reg_documents_arrival_check check (arrival_number is null or arrival_number > 0),
  arrival_on date,
  channel text constraint reg_documents_channel_check check (channel is null or channel in ('paper', 'electronic', 'exchange')),
  sender_unit_id integer references org_units (id),
  -- The routing decision on an incoming document (the leader's instructions; handlers in reg_assignments).
  due_on date,
  instructions text constraint reg_documents_instructions_check check (instructions is null or length(instructions) <= 4000),
  routed_by_staff_id integer references org_staff (id),
  routed_at timestamptz,
  done_at timestamptz,
  -- The document answering an incoming one (an outgoing document of the same agency).
  reply_document_id integer references reg_documents (id),
  -- The main electronic copy: a stored file and its SHA-256 (hex), fixed at release or registration.
  file_key text,
  file_sha256 text constraint reg_documents_sha_check check (file_sha256 is null or file_sha256 ~ '^[0-9a-f]{64}$'),
  note text constraint reg_documents_note_check check (note is null or length(note) <= 4000),
  -- What the document was made from in another module (issue 19 scope 5): a dossier whose result it
  -- issues ('dossier', its code). Directives and PAR evidence point here from their own tables.
  source_kind text constraint reg_documents_source_check check (source_kind is null or source_kind in ('dossier')),
  source_ref text constraint reg_documents_source_ref_check check ((source_kind is null) = (source_ref is null) and (source_ref is null or length(source_ref) between 1 and 100)),
  -- Accent-free lower-case text of every searchable field, kept by the service (rules/search.ts).
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reg_documents_out_number_check check (direction <> 'out' or status not in ('released', 'recalled') or (number is not null and symbol is not null and issued_on is not null)),
  constraint reg_documents_in_arrival_check check (direction <> 'in' or status in ('arrived', 'returned') or (arrival_number is not null and arrival_on is not null))
);
-- Unique numbers per series and year; unique arrival numbers per year (the year of the day given).
create unique index reg_documents_number_uidx on reg_documents (unit_id, series, extract(year from issued_on), number) where direction = 'out' and number is not null;
create unique index reg_documents_arrival_uidx on reg_documents (unit_id, extract(year from arrival_on), arrival_number) where direction = 'in' and arrival_number is not null;
create index reg_documents_unit_idx on reg_documents (unit_id, direction, status, id);
create index reg_documents_search_idx on reg_documents using gin (search_text gin_trgm_ops);
comment on table reg_documents is 'Outgoing and incoming documents of an agency''s records office (Decree 30/2020), current state under a version.';

-- Who handles an incoming document: the lead (one) and co-ordinators, units or people, each with a
-- deadline in working days computed from the routing day, and their report back.
create table reg_assignments (
  id integer generated always as identity primary key,
  document_id integer not null references reg_documents (id),
  role text not null constraint reg_assignments_role_check check (role in ('lead', 'coordinate')),
  unit_id integer references org_units (id),
  staff_id integer references org_staff (id),
  due_on date,
  instructions text constraint reg_assignments_instructions_check check (instructions is null or length(instructions) <= 4000),
  status text not null default 'open' constraint reg_assignments_status_check check (status in ('open', 'reported', 'cancelled')),
  report text constraint reg_assignments_report_check check (report is null or length(report) <= 8000),
  reported_at timestamptz,
  created_at timestamptz not null default now(),
  constraint reg_assignments_target_check check (unit_id is not null or staff_id is not null)
);
create index reg_assignments_doc_idx on reg_assignments (document_id, id);
create index reg_assignments_staff_idx on reg_assignments (staff_id, status) where staff_id is not null;

-- Files attached to a document (the signed PDF, annexes, the scan of a paper original), with the
-- result of checking the PDF signatures found in them when stored (signature/verify.ts).
create table reg_attachments (
  id integer generated always as identity primary key,
  document_id integer not null references reg_documents (id),
  file_key text not null,
  file_name text not null constraint reg_attachments_name_check check (length(file_name) between 1 and 255),
  mime text not null,
  size integer not null,
  sha256 text not null constraint reg_attachments_sha_check check (sha256 ~ '^[0-9a-f]{64}$'),
  main boolean not null default false,
  signatures jsonb,
  added_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now()
);
create index reg_attachments_doc_idx on reg_attachments (document_id, id);

-- Everything done to a document, views included (Decree 30 Appendix VI: the full processing history).
create table reg_events (
  id bigint generated always as identity primary key,
  document_id integer not null references reg_documents (id),
  at timestamptz not null,
  action text not null,
  actor_staff_id integer references org_staff (id),
  actor_name text not null,
  note text,
  details jsonb not null default '{}'
);
create index reg_events_doc_idx on reg_events (document_id, id);
comment on table reg_events is 'History of each document (append-only): drafting, approval, numbering, release, registration, routing, reports, views.';
create or replace function reg_events_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger reg_events_no_change before update or delete on reg_events
  for each row execute function reg_events_forbid_change();
