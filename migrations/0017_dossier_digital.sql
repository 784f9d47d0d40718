-- Digitisation and online service (issue 11 items 4, 5 and 7; DOMAIN §4; Decree 45/2020, Circular
-- 01/2023, a Decision 766 indicator). The dossier's events decide these flags (dossiers/rules/digital.ts);
-- the columns are the projection the statistics count, written in the same transaction as the events.
alter table dossiers add column digitised boolean not null default false;
alter table dossiers add column result_digitised boolean not null default false;
alter table dossiers add column paid_online boolean not null default false;
alter table dossiers add column fully_online boolean not null default false;
comment on column dossiers.digitised is 'Every received document has an electronic copy (a scan attached, or a file given at intake).';
comment on column dossiers.result_digitised is 'The result was recorded with its issued document as a file.';
comment on column dossiers.paid_online is 'Some fee of the dossier was confirmed paid online.';
comment on column dossiers.fully_online is 'Submitted online, paid online or no fee, processed, and the electronic result returned online (DOMAIN §4).';

-- The statistics count by receiving unit and period; partial indexes keep to the dossiers that count.
create index dossiers_digitised_idx on dossiers (receiving_unit_id, received_at) where digitised;
create index dossiers_result_digitised_idx on dossiers (receiving_unit_id, completed_at) where result_digitised;
create index dossiers_paid_online_idx on dossiers (receiving_unit_id, received_at) where paid_online;
create index dossiers_fully_online_idx on dossiers (receiving_unit_id, returned_at) where fully_online;

-- Dossiers written before this migration: the same rules over what they already hold, so `verify`
-- finds the row equal to its events. No result was recorded as a file before, so none is fully online.
update dossiers set digitised = true
  where jsonb_array_length(documents) > 0
    and not exists (select 1 from jsonb_array_elements(documents) d where coalesce(d.value ->> 'fileKey', '') = '');
update dossiers set paid_online = true
  where exists (select 1 from dossier_events e where e.dossier_id = dossiers.id and e.type = 'payment_confirmed' and e.payload ->> 'method' = 'online');
