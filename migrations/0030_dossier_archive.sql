-- Dossier history partitioned by the dossier's own instant, and an archive of closed dossiers
-- (issue 14 item 5; docs/SCALING.md "Partitioned history and the archive").
--
-- Migration 0027 partitioned dossier_events by each event's instant. That split one dossier's events
-- over several years, so (dossier_id, seq) could only be unique per year, and a year could leave the
-- hot table only when every dossier with an event in it was closed. This migration replaces it:
--
-- 1. dossier_events is range-partitioned on `dossier_created_at`, the instant of the dossier's row
--    (dossiers.created_at), copied onto each of its events. All of a dossier's events live in one
--    partition, and a composite foreign key (dossier_id, dossier_created_at) -> dossiers (id, created_at)
--    pins the copy to the dossier's own value. So the unique (dossier_id, seq, dossier_created_at),
--    which must contain the partition key, is exactly as strong as (dossier_id, seq) was: two writers
--    appending the same seq to a dossier collide on it again, whatever the year.
-- 2. Closed dossiers older than N years (dossier_settings.archive_after_years, edited by the
--    administrator) move with their events and reminder rows to dossiers_archive,
--    dossier_events_archive and dossier_reminders_archive (dossiers/archive/), in batches, each one
--    transaction with its audit row. The work queues then scan only the live tables; the report read
--    models are not touched, so every report reads the same. Readers that must see a dossier wherever
--    it lives read the views dossier_records (dossiers + archive) and dossier_history (events + archive).
-- 3. dossier_events stays append-only: UPDATE and TRUNCATE are refused as before, and DELETE only of a
--    row whose identical copy is already in dossier_events_archive (the move). The archive tables
--    refuse every change.
--
-- Partitions are per calendar year (Vietnamese time) of the dossier's creation: at ~4.8 kB of events
-- a dossier and 1–3 million dossiers a year, a year is 5–15 GB — a size vacuum, backups and a move to
-- another tablespace handle as one piece — while a month (0.4–1.2 GB) would multiply the partitions a
-- query over several dossiers plans for by twelve. A default partition catches a dossier created
-- outside every year's partition (an import of records older than the oldest partition).
--
-- A column added to dossiers, dossier_events or dossier_reminders later must be added to its archive
-- table too, at the same position, and the views recreated (archive.repository.test.ts checks it).

drop view dossier_history;
drop function dossier_events_ensure_year(integer);

-- The 0027 tables and every partition of them out of the way (their indexes and triggers go with
-- them), so the new ones take their names; they are dropped once the events are copied.
create schema migration_0030;
alter sequence dossier_events_id_seq owned by none;
do $$
declare r record;
begin
  for r in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname in ('dossier_events', 'dossier_events_archive') and p.relnamespace = 'public'::regnamespace
  loop
    execute format('alter table public.%I set schema migration_0030', r.relname);
  end loop;
end $$;
alter table dossier_events set schema migration_0030;
alter table dossier_events_archive set schema migration_0030;

-- The key the events point at: (created_at, id) is unique because id is.
alter table dossiers add constraint dossiers_created_id_key unique (created_at, id);

create table dossier_events (
  id bigint not null default nextval('dossier_events_id_seq'),
  dossier_id bigint not null,
  seq integer not null,
  type text not null,
  at timestamptz not null,
  actor_staff_id integer,
  actor_name text not null,
  unit_id integer,
  payload jsonb not null,
  request_id text,
  prev_hash text not null,
  hash text not null,
  hash_version smallint not null,
  mac text,
  dossier_created_at timestamptz not null,
  constraint dossier_events_hash_version_check check (hash_version in (1, 2)),
  constraint dossier_events_mac_check check (hash_version = 1 or mac is not null),
  constraint dossier_events_pkey primary key (id, dossier_created_at),
  constraint dossier_events_seq_key unique (dossier_id, seq, dossier_created_at),
  constraint dossier_events_dossier_fk foreign key (dossier_id, dossier_created_at) references dossiers (id, created_at)
) partition by range (dossier_created_at);
alter sequence dossier_events_id_seq owned by dossier_events.id;
comment on table dossier_events is 'Append-only, hash-chained history of each live dossier; the single source of its status. Partitioned by the year the dossier was created (migration 0030).';
comment on column dossier_events.hash_version is 'Which fields the hash covers: 1 = seq, type, at, actor id, unit, payload (before 0011); 2 = every recorded field.';
comment on column dossier_events.mac is 'HMAC-SHA256 of hash under MOTCUA_CHAIN_KEY (version 2 events); a recomputed hash without the key does not match it.';
comment on column dossier_events.dossier_created_at is 'The dossier''s created_at (the foreign key checks it): the partition key, the same for every event of a dossier.';

-- The archive: closed dossiers moved out of the live tables, same columns, same guarantees.
create table dossiers_archive (like dossiers including defaults including constraints);
alter table dossiers_archive add column archived_at timestamptz not null;
alter table dossiers_archive add constraint dossiers_archive_pkey primary key (id);
alter table dossiers_archive add constraint dossiers_archive_code_key unique (code);
alter table dossiers_archive add constraint dossiers_archive_created_id_key unique (created_at, id);
create index dossiers_archive_applicant_idx on dossiers_archive (applicant_id_index);
create index dossiers_archive_representative_idx on dossiers_archive (representative_id_index);
-- The desk's register (slips) counts and lists dossiers by the instant they were received.
create index dossiers_archive_received_idx on dossiers_archive (received_at, id);
comment on table dossiers_archive is 'Closed dossiers moved out of dossiers after dossier_settings.archive_after_years (dossiers/archive/); read-only, found by code as before.';
comment on column dossiers_archive.archived_at is 'When the dossier moved to the archive.';

create table dossier_events_archive (like dossier_events including constraints) partition by range (dossier_created_at);
alter table dossier_events_archive add constraint dossier_events_archive_pkey primary key (id, dossier_created_at);
alter table dossier_events_archive add constraint dossier_events_archive_seq_key unique (dossier_id, seq, dossier_created_at);
alter table dossier_events_archive add constraint dossier_events_archive_dossier_fk foreign key (dossier_id, dossier_created_at) references dossiers_archive (id, created_at);
comment on table dossier_events_archive is 'The events of archived dossiers, moved from dossier_events unchanged (hashes, signatures, ids); append-only.';

create table dossier_reminders_archive (like dossier_reminders including constraints);
alter table dossier_reminders_archive add constraint dossier_reminders_archive_pkey primary key (id);
alter table dossier_reminders_archive add constraint dossier_reminders_archive_dossier_fk foreign key (dossier_id) references dossiers_archive (id);
comment on table dossier_reminders_archive is 'Reminder occasions of archived dossiers, moved from dossier_reminders.';

-- Append-only. The live table lets a row go only once its identical copy is in the archive: a DELETE
-- there is the second half of a move, never a loss.
create function dossier_events_guard() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'DELETE' and exists (
    select 1 from dossier_events_archive a
    where a.id = old.id and a.dossier_created_at = old.dossier_created_at
      and (a.dossier_id, a.seq, a.type, a.at, a.actor_staff_id, a.actor_name, a.unit_id, a.payload, a.request_id, a.prev_hash, a.hash, a.hash_version, a.mac)
        is not distinct from
          (old.dossier_id, old.seq, old.type, old.at, old.actor_staff_id, old.actor_name, old.unit_id, old.payload, old.request_id, old.prev_hash, old.hash, old.hash_version, old.mac)
  ) then
    return old;
  end if;
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
comment on function dossier_events_guard() is 'Refuses UPDATE, and DELETE of a dossier event that is not already copied, identical, into dossier_events_archive.';

create trigger dossier_events_no_update before update or delete on dossier_events
  for each row execute function dossier_events_guard();
create trigger dossier_events_no_truncate before truncate on dossier_events
  for each statement execute function audit_events_forbid_change();
revoke update, delete, truncate on dossier_events from public;
create trigger dossier_events_archive_no_update before update or delete on dossier_events_archive
  for each row execute function audit_events_forbid_change();
create trigger dossier_events_archive_no_truncate before truncate on dossier_events_archive
  for each statement execute function audit_events_forbid_change();
revoke update, delete, truncate on dossier_events_archive from public;

-- A partition is a table of its own: each refuses TRUNCATE (a statement trigger is not inherited).
create function dossier_history_partition(parent text, part text, lo timestamptz, hi timestamptz) returns void
  language plpgsql as $$
begin
  if lo is null then
    execute format('create table %I partition of %I default', part, parent);
  else
    execute format('create table %I partition of %I for values from (%L) to (%L)', part, parent, lo, hi);
  end if;
  execute format('create trigger %I before truncate on %I for each statement execute function audit_events_forbid_change()', part || '_no_truncate', part);
  execute format('revoke update, delete, truncate on %I from public', part);
end $$;
comment on function dossier_history_partition(text, text, timestamptz, timestamptz) is 'Creates one partition of dossier_events or dossier_events_archive with its TRUNCATE guard (default partition when lo is null).';

-- A year's partitions (Vietnamese calendar year of the dossiers' creation) in both tables, made if
-- missing. Several server processes may call it at once: the advisory lock makes the check and the
-- creation one step. A year whose dossiers already sit in a default partition is left there (they
-- stay readable and append-only) and reported as such.
create function dossier_events_ensure_year(y integer) returns text
  language plpgsql as $$
declare
  lo timestamptz := make_timestamptz(y, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
  hi timestamptz := make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
  hot text := format('dossier_events_y%s', y);
  cold text := format('dossier_events_archive_y%s', y);
  result text := 'exists';
begin
  perform pg_advisory_xact_lock(hashtext('dossier_events_partitions'));
  if to_regclass(hot) is not null and to_regclass(cold) is not null then return 'exists'; end if;
  if to_regclass(hot) is null and exists (select 1 from dossier_events_default where dossier_created_at >= lo and dossier_created_at < hi) then return 'in_default'; end if;
  if to_regclass(cold) is null and exists (select 1 from dossier_events_archive_default where dossier_created_at >= lo and dossier_created_at < hi) then return 'in_default'; end if;
  -- A partition's foreign key locks the table it references, and creating it locks its parent.
  -- Requests take a dossier and its events in either order (an intake writes the dossier then its
  -- events; an action reads the events then updates the dossier), so waiting for those locks could
  -- deadlock a request: NOWAIT, in the writers' order, and the caller tries again a moment later
  -- (dossiers/archive/partitions.ts).
  lock table dossiers in share row exclusive mode nowait;
  lock table dossier_events in access exclusive mode nowait;
  lock table dossiers_archive in share row exclusive mode nowait;
  lock table dossier_events_archive in access exclusive mode nowait;
  if to_regclass(hot) is null then
    perform dossier_history_partition('dossier_events', hot, lo, hi);
    result := 'created';
  end if;
  if to_regclass(cold) is null then
    perform dossier_history_partition('dossier_events_archive', cold, lo, hi);
    result := 'created';
  end if;
  return result;
end $$;
comment on function dossier_events_ensure_year(integer) is 'Creates the partitions of dossier_events and dossier_events_archive for dossiers created in a calendar year (Asia/Ho_Chi_Minh) unless they exist; returns created, exists or in_default.';

select dossier_history_partition('dossier_events', 'dossier_events_default', null, null);
select dossier_history_partition('dossier_events_archive', 'dossier_events_archive_default', null, null);

-- The years the existing dossiers were created in, this year and the next (the nightly job keeps one
-- year ahead). Older imports land in the default partition; a partition for each of ten empty years
-- back would only make every query over the history plan for them.
select dossier_events_ensure_year(y)
from generate_series(
  least((select extract(year from min(created_at) at time zone 'Asia/Ho_Chi_Minh')::int from dossiers),
        extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int),
  extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int + 1) as y;

-- Every event as it was (ids, hashes, signatures), now beside its dossier's instant. The 0027 archive
-- held whole years of live dossiers' events (their dossiers never left `dossiers`): they come back to
-- the live table, and leave it again with their dossiers.
insert into dossier_events (id, dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac, dossier_created_at)
  select e.id, e.dossier_id, e.seq, e.type, e.at, e.actor_staff_id, e.actor_name, e.unit_id, e.payload, e.request_id, e.prev_hash, e.hash, e.hash_version, e.mac, d.created_at
  from (select * from migration_0030.dossier_events union all select * from migration_0030.dossier_events_archive) e
    join dossiers d on d.id = e.dossier_id;

drop schema migration_0030 cascade;

-- Every event, live or archived: what a dossier's history, slips and chain verification read.
create view dossier_history as
  select * from dossier_events
  union all
  select * from dossier_events_archive;
comment on view dossier_history is 'dossier_events and dossier_events_archive together: the whole history of every dossier.';

-- Every dossier, live or archived (archived_at null while live): what a lookup by code, a person's
-- dossiers, retention and the rebuild of read models read.
create view dossier_records as
  select d.*, null::timestamptz as archived_at from dossiers d
  union all
  select * from dossiers_archive;
comment on view dossier_records is 'dossiers and dossiers_archive together; archived_at is null for a live dossier.';

-- Settings of the dossier module an administrator edits (dossiers/archive/archive.service.ts).
create table dossier_settings (
  key text primary key constraint dossier_settings_key_check check (key in ('archive_after_years')),
  value jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by integer,
  constraint dossier_settings_archive_after_years_check check (key <> 'archive_after_years' or (jsonb_typeof(value) = 'number' and (value #>> '{}')::numeric between 1 and 50))
);
comment on table dossier_settings is 'Dossier module settings by key: archive_after_years = full years after a dossier closed before it moves to the archive.';
insert into dossier_settings (key, value) values ('archive_after_years', '5');
