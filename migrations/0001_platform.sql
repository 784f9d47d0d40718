-- Platform: extensions, the search helper and the append-only audit log.
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists citext;
create extension if not exists btree_gin;

-- unaccent() is only STABLE (its dictionary could change), so it cannot back an index. Vietnamese
-- search needs accent-free indexes ("dang ky khai sinh" finds "Đăng ký khai sinh"); this wrapper
-- pins the dictionary and is declared IMMUTABLE so the same expression works in indexes and queries.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;
comment on function f_unaccent(text) is 'Immutable unaccent for accent-insensitive Vietnamese search indexes.';

create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_staff_id integer,
  actor_name text,
  unit_id integer,
  action text not null,
  entity text not null,
  entity_id text,
  summary jsonb not null default '{}'::jsonb,
  ip text,
  request_id text
);
comment on table audit_events is 'Append-only audit log: one row per mutation, written in the same transaction as the change.';
create index audit_events_at_idx on audit_events (at desc, id desc);
create index audit_events_entity_idx on audit_events (entity, entity_id);
create index audit_events_action_idx on audit_events (action, at desc);
create index audit_events_actor_idx on audit_events (actor_staff_id, at desc);

-- Append-only at the database level, not only in code: whatever connects, history cannot be rewritten.
create or replace function audit_events_forbid_change() returns trigger
  language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'P0001';
end $$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_forbid_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_forbid_change();
revoke update, delete, truncate on audit_events from public;
