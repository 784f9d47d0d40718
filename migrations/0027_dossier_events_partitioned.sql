-- Dossier events partitioned by time (issue 14 item 5; docs/SCALING.md "Partitioned history").
--
-- dossier_events grows by ~5 kB a dossier, ~15 GB a year at 3 million dossiers. It becomes a table
-- partitioned by the event's instant, one partition a calendar year (Vietnamese time), so that a
-- year's history is vacuumed, backed up, moved to cheaper storage or archived as one piece, and the
-- years no one writes to any more stop costing the writes anything.
--
-- What stays as it was:
-- - append-only: the row triggers of the parent apply to every partition; each partition also refuses
--   TRUNCATE (a statement trigger is per table), and UPDATE/DELETE/TRUNCATE are revoked;
-- - the foreign key to dossiers, the hash-chain columns and their checks;
-- - readers and writers name `dossier_events` as before (and `dossier_history` to include the archive).
-- What changes:
-- - `id` comes from a sequence default: PostgreSQL 15 has no identity column on a partitioned table;
-- - a unique constraint must contain the partition key, so (dossier_id, seq) is unique per year and
--   the index behind it is (dossier_id, seq, at). Two writers appending the same seq to a dossier are
--   still stopped, by the version guard every append already passes (event-writer.ts: the dossier
--   row is updated `where version = <the version read>` in the same transaction; the second writer
--   updates nothing and rolls back, dossiers.api.test.ts "concurrent edits"); and a duplicate seq
--   would break the hash chain, which verification reports.

alter table dossier_events rename to dossier_events_before_0027;
alter index dossier_events_pkey rename to dossier_events_before_0027_pkey;
alter index dossier_events_seq_key rename to dossier_events_before_0027_seq_key;
alter sequence dossier_events_id_seq rename to dossier_events_before_0027_id_seq;

create sequence dossier_events_id_seq as bigint;

create table dossier_events (
  id bigint not null default nextval('dossier_events_id_seq'),
  dossier_id bigint not null constraint dossier_events_dossier_fk references dossiers (id),
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
  constraint dossier_events_hash_version_check check (hash_version in (1, 2)),
  constraint dossier_events_mac_check check (hash_version = 1 or mac is not null),
  constraint dossier_events_pkey primary key (id, at),
  constraint dossier_events_seq_key unique (dossier_id, seq, at)
) partition by range (at);
alter sequence dossier_events_id_seq owned by dossier_events.id;
comment on table dossier_events is 'Append-only, hash-chained history of each dossier; the single source of its status. Partitioned by year of the event (migration 0027).';
comment on column dossier_events.hash_version is 'Which fields the hash covers: 1 = seq, type, at, actor id, unit, payload (before 0011); 2 = every recorded field.';
comment on column dossier_events.mac is 'HMAC-SHA256 of hash under MOTCUA_CHAIN_KEY (version 2 events); a recomputed hash without the key does not match it.';

create trigger dossier_events_no_update before update or delete on dossier_events
  for each row execute function audit_events_forbid_change();
create trigger dossier_events_no_truncate before truncate on dossier_events
  for each statement execute function audit_events_forbid_change();
revoke update, delete, truncate on dossier_events from public;

-- The archive: the same shape, holding the years moved out of the hot table (history-archive.ts).
-- Its partitions are the hot table's former partitions, attached whole: no row is copied or deleted.
create table dossier_events_archive (like dossier_events including defaults including constraints) partition by range (at);
alter table dossier_events_archive add constraint dossier_events_archive_pkey primary key (id, at);
alter table dossier_events_archive add constraint dossier_events_archive_seq_key unique (dossier_id, seq, at);
alter table dossier_events_archive add constraint dossier_events_archive_dossier_fk foreign key (dossier_id) references dossiers (id);
comment on table dossier_events_archive is 'Years of dossier_events whose dossiers were all closed long ago, moved out of the hot table by detaching their partition (migration 0027).';
create trigger dossier_events_archive_no_update before update or delete on dossier_events_archive
  for each row execute function audit_events_forbid_change();
create trigger dossier_events_archive_no_truncate before truncate on dossier_events_archive
  for each statement execute function audit_events_forbid_change();
revoke update, delete, truncate on dossier_events_archive from public;

-- Every event, hot or archived: what a dossier's history, slips and chain verification read.
create view dossier_history as
  select * from dossier_events
  union all
  select * from dossier_events_archive;
comment on view dossier_history is 'dossier_events and dossier_events_archive together: the whole history of every dossier.';

-- A year's partition (Vietnamese calendar year), created if missing. Several server processes may
-- call it at once: the advisory lock makes the check and the creation one step. A year whose rows
-- already sit in the default partition is left there (they stay readable and append-only; moving
-- them would need a delete the triggers refuse) and reported as such.
create function dossier_events_ensure_year(y integer) returns text
  language plpgsql as $$
declare
  part text := format('dossier_events_y%s', y);
  lo timestamptz := make_timestamptz(y, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
  hi timestamptz := make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh');
begin
  perform pg_advisory_xact_lock(hashtext('dossier_events_partitions'));
  if to_regclass(part) is not null then return 'exists'; end if;
  if exists (select 1 from dossier_events_default where at >= lo and at < hi) then return 'in_default'; end if;
  -- The new partition's foreign key locks the dossiers, and creating it locks the events. Requests
  -- take those two in either order (an intake writes the dossier then its events; an action reads
  -- the events then updates the dossier), so waiting for them could deadlock a request: NOWAIT, and
  -- the caller tries again a moment later (history-archive.ts).
  lock table dossiers in share row exclusive mode nowait;
  lock table dossier_events in access exclusive mode nowait;
  execute format('create table %I partition of dossier_events for values from (%L) to (%L)', part, lo, hi);
  execute format('create trigger %I before truncate on %I for each statement execute function audit_events_forbid_change()', part || '_no_truncate', part);
  execute format('revoke update, delete, truncate on %I from public', part);
  return 'created';
end $$;
comment on function dossier_events_ensure_year(integer) is 'Creates the partition of dossier_events for a calendar year (Asia/Ho_Chi_Minh) unless it exists; returns created, exists or in_default.';

-- Events outside every year's partition (a clock far off, an import of older years before their
-- partition was made) land here rather than fail.
create table dossier_events_default partition of dossier_events default;
create trigger dossier_events_default_no_truncate before truncate on dossier_events_default
  for each statement execute function audit_events_forbid_change();
revoke update, delete, truncate on dossier_events_default from public;

-- The years the existing history covers, ten years back for imports of older records, and next year.
select dossier_events_ensure_year(y)
from generate_series(
  least((select extract(year from min(at) at time zone 'Asia/Ho_Chi_Minh')::int from dossier_events_before_0027),
        extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int - 10),
  greatest((select extract(year from max(at) at time zone 'Asia/Ho_Chi_Minh')::int from dossier_events_before_0027),
           extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int + 1)) as y;

insert into dossier_events (id, dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac)
  select id, dossier_id, seq, type, at, actor_staff_id, actor_name, unit_id, payload, request_id, prev_hash, hash, hash_version, mac
  from dossier_events_before_0027;
select setval('dossier_events_id_seq', coalesce((select max(id) from dossier_events_before_0027), 0) + 1, false);

drop table dossier_events_before_0027;
