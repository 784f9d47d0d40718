-- Satisfaction (issue 12 item 3): the ratings table passes from the online module to the satisfaction
-- module, which now owns it. A rating comes through one of three channels — the citizen's account
-- (online), the kiosk at the desk bound to the dossier by a one-time code (kiosk), or a paper slip the
-- desk types in (paper) — and it is still one rating per dossier whatever the channel
-- (dossier_ratings_dossier_key). Each rating names the official it rates (see docs/SATISFACTION.md):
-- the staff member who returned the result at the desk, else the one who received the dossier.

alter table dossier_ratings add column channel text not null default 'online'
  constraint dossier_ratings_channel_check check (channel in ('online', 'kiosk', 'paper'));
-- Every rating written from now on names its channel; the default only backfilled the rows before.
alter table dossier_ratings alter column channel drop default;
-- Only an online rating has a signed-in citizen behind it; the kiosk and paper are anonymous.
alter table dossier_ratings alter column citizen_id drop not null;
alter table dossier_ratings add constraint dossier_ratings_citizen_check check ((channel = 'online') = (citizen_id is not null));
alter table dossier_ratings add column procedure_name text;
alter table dossier_ratings add column official_staff_id integer;
alter table dossier_ratings add column official_name text;
-- A paper slip: the staff member who typed it in.
alter table dossier_ratings add column recorded_by_staff_id integer;
alter table dossier_ratings add constraint dossier_ratings_recorded_by_check check ((channel = 'paper') = (recorded_by_staff_id is not null));

update dossier_ratings r set procedure_name = d.procedure_name from dossiers d where d.code = r.dossier_code;
update dossier_ratings r set official_staff_id = o.actor_staff_id, official_name = o.actor_name
from (
  select distinct on (d.code) d.code, e.actor_staff_id, e.actor_name
  from dossiers d join dossier_events e on e.dossier_id = d.id
  where e.type in ('received', 'result_returned') and e.actor_staff_id is not null
  order by d.code, case when e.type = 'result_returned' then 0 else 1 end, e.seq desc
) o
where o.code = r.dossier_code;

create index dossier_ratings_official_idx on dossier_ratings (official_staff_id, rated_at);
create index dossier_ratings_rated_idx on dossier_ratings (rated_at);
comment on table dossier_ratings is 'Satisfaction with a dossier''s handling (Rất hài lòng / Hài lòng / Không hài lòng), one per dossier, online, at the kiosk or from a paper slip; owned by modules/satisfaction.';

-- One-time codes that bind the kiosk to one dossier. Never stored in clear: found by a keyed hash
-- (the blind index of platform/crypto) and sealed (AES-GCM) so the receipt can print it again and the
-- desk can show it again. At most one live code per dossier: issuing anew revokes the old one.
create table rating_codes (
  id bigint generated always as identity primary key,
  dossier_code text not null,
  code_index text not null constraint rating_codes_index_key unique,
  code_sealed text not null,
  issued_at timestamptz not null,
  -- Null: issued with the receipt (slip 01) by the system.
  issued_by_staff_id integer,
  used_at timestamptz,
  revoked_at timestamptz,
  -- How many times this code was presented at the kiosk (checked or rated); wrong codes are counted per address.
  attempts integer not null default 0,
  last_attempt_at timestamptz
);
comment on table rating_codes is 'Kiosk rating codes: one live code per dossier, keyed hash and sealed copy only, single use.';
create unique index rating_codes_live_key on rating_codes (dossier_code) where used_at is null and revoked_at is null;
