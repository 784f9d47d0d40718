-- Personal data (Personal Data Protection Law 2025, Decree 356/2025; DOMAIN §10.3): ID numbers are
-- stored encrypted in dossiers.applicant and found through a keyed blind index; data-subject
-- requests; retention periods per record type; the record of file contents erased at retention.

-- Exact search by ID number through a blind index (HMAC-SHA256 of the normalised number with a key
-- derived from MOTCUA_DATA_KEY). The application fills these columns and encrypts the numbers: SQL
-- holds no key, so existing rows are sealed at start-up (dossiers/personal-data.ts).
alter table dossiers add column applicant_id_index text;
alter table dossiers add column representative_id_index text;
comment on column dossiers.applicant_id_index is 'Blind index (keyed HMAC, hex) of applicant.idNumber; the number itself is encrypted in the JSON.';
comment on column dossiers.representative_id_index is 'Blind index (keyed HMAC, hex) of applicant.representative.idNumber.';
create index dossiers_applicant_id_index_idx on dossiers (applicant_id_index) where applicant_id_index is not null;
create index dossiers_representative_id_index_idx on dossiers (representative_id_index) where representative_id_index is not null;
-- The expression indexes of migration 0008 would index the ciphertext: of no use, and a copy of it.
drop index if exists dossiers_applicant_id_number_idx;
drop index if exists dossiers_representative_id_number_idx;

-- How long the controller has to acknowledge and to settle each kind of request. Data, not code:
-- the acknowledgement (2 working days) is Decree 356/2025's; the settlement periods are a default
-- the province confirms against the implementing texts (see docs/security-notes/privacy.md).
create table privacy_request_limits (
  kind text primary key constraint privacy_request_limits_kind_check check (kind in ('access', 'correction', 'deletion', 'restriction', 'objection')),
  acknowledge_working_days integer not null constraint privacy_request_limits_ack_check check (acknowledge_working_days between 1 and 60),
  resolve_working_days integer not null constraint privacy_request_limits_resolve_check check (resolve_working_days between 1 and 120),
  basis text not null
);
comment on table privacy_request_limits is 'Time limits per kind of data-subject request, in working days of the province calendar.';
insert into privacy_request_limits (kind, acknowledge_working_days, resolve_working_days, basis) values
  ('access', 2, 10, 'Nghị định 356/2025/NĐ-CP (xác nhận trong 2 ngày làm việc); thời hạn giải quyết: cấu hình theo văn bản hướng dẫn'),
  ('correction', 2, 10, 'Nghị định 356/2025/NĐ-CP (xác nhận trong 2 ngày làm việc); thời hạn giải quyết: cấu hình theo văn bản hướng dẫn'),
  ('deletion', 2, 20, 'Nghị định 356/2025/NĐ-CP (xác nhận trong 2 ngày làm việc); thời hạn giải quyết: cấu hình theo văn bản hướng dẫn'),
  ('restriction', 2, 10, 'Nghị định 356/2025/NĐ-CP (xác nhận trong 2 ngày làm việc); thời hạn giải quyết: cấu hình theo văn bản hướng dẫn'),
  ('objection', 2, 10, 'Nghị định 356/2025/NĐ-CP (xác nhận trong 2 ngày làm việc); thời hạn giải quyết: cấu hình theo văn bản hướng dẫn');

create table privacy_requests (
  id bigint generated always as identity primary key,
  kind text not null constraint privacy_requests_kind_fk references privacy_request_limits (kind),
  -- The person is named by their ID number: sealed, and found by its blind index (same key as dossiers).
  id_number_sealed text not null,
  id_number_index text not null,
  requester_name text not null,
  channel text not null constraint privacy_requests_channel_check check (channel in ('desk', 'letter')),
  details text,
  unit_id integer not null constraint privacy_requests_unit_fk references org_units (id),
  received_at timestamptz not null,
  acknowledge_due_at timestamptz not null,
  resolve_due_at timestamptz not null,
  status text not null constraint privacy_requests_status_check check (status in ('received', 'acknowledged', 'done', 'refused')),
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  outcome text,
  recorded_by integer,
  version integer not null default 0,
  created_at timestamptz not null default now(),
  constraint privacy_requests_refusal_reason check (status <> 'refused' or outcome is not null)
);
comment on table privacy_requests is 'Data-subject requests (access, correction, deletion, restriction, objection) received at a desk or by letter, with their time limits and status.';
create index privacy_requests_unit_status_idx on privacy_requests (unit_id, status, acknowledge_due_at);
create index privacy_requests_subject_idx on privacy_requests (id_number_index);

create table retention_periods (
  record_type text primary key constraint retention_periods_type_check check (record_type in ('dossier', 'identity_document_image', 'privacy_request', 'audit_event')),
  label_vi text not null,
  label_en text not null,
  months integer not null constraint retention_periods_months_check check (months between 1 and 1200),
  basis text,
  -- For identity images: the document names that mark a scan as an identity document (a regular expression, case-insensitive).
  document_name_pattern text,
  updated_at timestamptz not null default now(),
  updated_by integer
);
comment on table retention_periods is 'How long each kind of record is kept after its case is closed (DOMAIN §10.2: configurable per type); edited by an administrator.';

create table retention_erasures (
  id bigint generated always as identity primary key,
  file_key text not null constraint retention_erasures_file_key unique,
  record_type text not null,
  dossier_codes text[] not null,
  erased_at timestamptz not null default now()
);
comment on table retention_erasures is 'Uploaded files whose content was erased when their retention period ended (the dossiers keep the reference).';
