-- Dossiers: when the clock was paused for a supplement, and exact lookup by the applicant's ID
-- number or phone for the staff queues.

-- The reducer's pausedSince, projected so queues can tell a paused dossier from an overdue one
-- (DOMAIN §2.3: the clock stops while the applicant supplements the dossier).
alter table dossiers add column paused_at timestamptz;
comment on column dossiers.paused_at is 'While status = 5 (supplement requested): when the clock was paused; null otherwise.';
update dossiers d set paused_at = (
  select max(e.at) from dossier_events e where e.dossier_id = d.id and e.type = 'supplement_requested'
) where d.status = 5;

-- A phone number as digits, with the country code +84 written as the leading 0, so that
-- "0912 345 678", "0912.345.678" and "+84 912 345 678" are the same key.
create function dossier_phone_key(phone text) returns text
  language sql immutable strict parallel safe
  as $$
    select case when d like '84%' and length(d) = 11 then '0' || substr(d, 3) else d end
    from (select regexp_replace(phone, '[^0-9]', '', 'g') as d) digits
  $$;
comment on function dossier_phone_key(text) is 'Normalised phone number for exact search: digits only, +84 as 0.';

-- Exact-match search of personal identifiers (each such search is audited by the application).
create index dossiers_applicant_id_number_idx on dossiers ((applicant ->> 'idNumber'));
create index dossiers_representative_id_number_idx on dossiers ((applicant -> 'representative' ->> 'idNumber'));
create index dossiers_applicant_phone_idx on dossiers (dossier_phone_key(applicant ->> 'phone'));
