-- Counts of form II.06a and the service index kept per day and per half month (issue 13 item 6: a
-- report's cost must grow far more slowly than the number of dossiers). Each dossier adds to the rows
-- of its unit and procedure: flows on the day they happened (received, completed, returned, with the
-- flags the service index counts) and, for the three stocks a report reads at an instant (in
-- progress, overdue, awaiting a supplement), +1/−1 on the day the dossier enters or leaves each state
-- (rules/counts.ts). A stock at midnight is the sum of the deltas before it. Half months (1st–14th,
-- 15th–end) hold the same sums as their days: every statutory period (cut-off on the 15th) and every
-- calendar month is whole half months, so a year reads two dozen rows per unit and procedure.
-- Kept by the reports module's dossier-event subscriber in the events' transaction; rebuilt from the
-- events by rebuild-read-models; filled from report_dossier_facts at start when empty.
create table report_counts_day (
  unit_id integer not null,
  procedure_code text not null,
  field_code text not null,
  bucket date not null,
  procedure_name text not null,
  field_name text not null,
  recv_online integer not null default 0,
  recv_direct integer not null default 0,
  recv_digitised integer not null default 0,
  recv_fee integer not null default 0,
  recv_fee_paid integer not null default 0,
  completed integer not null default 0,
  early integer not null default 0,
  on_time integer not null default 0,
  late integer not null default 0,
  withdrawn integer not null default 0,
  result integer not null default 0,
  result_digitised integer not null default 0,
  returned integer not null default 0,
  returned_fully_online integer not null default 0,
  d_open integer not null default 0,
  d_overdue integer not null default 0,
  d_awaiting integer not null default 0,
  constraint report_counts_day_pkey primary key (unit_id, bucket, procedure_code, field_code)
);
comment on table report_counts_day is 'Read model of the reports module: per unit, procedure and Vietnamese calendar day, the flows and stock deltas of rules/counts.ts. Not a record: the events are.';
comment on column report_counts_day.field_code is 'The procedure''s field, empty when it has none.';
comment on column report_counts_day.d_open is 'Change in the dossiers received and not completed (in progress), to be summed over the days before an instant.';
create index report_counts_day_bucket_idx on report_counts_day (bucket);

create table report_counts_half (like report_counts_day including defaults);
alter table report_counts_half add constraint report_counts_half_pkey primary key (unit_id, bucket, procedure_code, field_code);
comment on table report_counts_half is 'Read model of the reports module: report_counts_day summed per half month (bucket = the 1st or the 15th).';

-- The dossiers returned on a day: a report that ends now reads today's returns per dossier.
create index report_dossier_facts_unit_returned_idx on report_dossier_facts (unit_id, returned_at);
