-- Reports kept per period (issue 13 item 5): when a statutory period (month, quarter, six months, nine
-- months, year; Decree 09/2019 cut-offs) has ended, a job draws form II.06a for the province as it
-- stood then and keeps it — the figures (JSON) and the two files (XLSX, PDF) in the file store — so
-- what was reported stays readable even after late corrections change the live figures. Owned by
-- the reports module.
create table report_archive (
  id integer generated always as identity primary key,
  form text not null constraint report_archive_form_check check (form in ('II.06a')),
  period_code text not null,
  period_from date not null,
  period_to date not null,
  unit_id integer not null,
  unit_code text,
  unit_name text not null,
  figures jsonb not null,
  xlsx_key text not null,
  pdf_key text not null,
  generated_at timestamptz not null,
  -- One kept copy per form, period and unit: a second run of the job finds it and changes nothing.
  constraint report_archive_once_key unique (form, period_code, unit_id)
);
comment on table report_archive is 'Statutory reports drawn when their period ended and kept as they stood (figures and XLSX/PDF files); one per form, period and unit.';
create index report_archive_unit_idx on report_archive (unit_id, period_to desc);
