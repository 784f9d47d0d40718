-- Tamper evidence, second version (issue 10 item 5). Events written from now on hash every recorded
-- field (hash_version 2) and carry a keyed HMAC of their hash; each dossier carries a keyed HMAC of
-- its chain's head (chain_mac). The key is in the application's configuration (MOTCUA_CHAIN_KEY),
-- not in the database, so someone who can only edit the database cannot recompute either.
-- Events already written keep hash_version 1 and verify as they were written; their dossiers are
-- anchored by the next event or by `npx motcua verify-audit --anchor` (which checks them first).
alter table dossier_events add column hash_version smallint not null default 1;
alter table dossier_events alter column hash_version drop default;
alter table dossier_events add column mac text;
alter table dossier_events add constraint dossier_events_hash_version_check check (hash_version in (1, 2));
alter table dossier_events add constraint dossier_events_mac_check check (hash_version = 1 or mac is not null);
comment on column dossier_events.hash_version is 'Which fields the hash covers: 1 = seq, type, at, actor id, unit, payload (before 0011); 2 = every recorded field.';
comment on column dossier_events.mac is 'HMAC-SHA256 of hash under MOTCUA_CHAIN_KEY (version 2 events); a recomputed hash without the key does not match it.';

alter table dossiers add column chain_mac text;
comment on column dossiers.chain_mac is 'HMAC-SHA256 under MOTCUA_CHAIN_KEY of (code, version, hash of the last event): a removed last event or a recomputed chain no longer matches. Null until anchored.';
