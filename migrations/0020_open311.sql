-- Open311 GeoReport v2 (issue 12 item 4), owned by modules/open311: the applications registered by
-- the administrator to post service requests, with their API keys, and what each request posted
-- through the API carried beyond the feedback item itself (location, device, media link, attributes).

create table open311_apps (
  id integer generated always as identity primary key,
  name text not null check (length(name) between 1 and 200),
  contact text check (length(contact) <= 300),
  -- The first characters of the key, shown to the administrator so a key can be recognised.
  key_prefix text not null,
  -- HMAC-SHA256 of the key under a key derived from MOTCUA_DATA_KEY (platform/crypto blind index):
  -- the key itself is shown once at creation and never stored.
  key_hash text not null constraint open311_apps_key_hash_key unique,
  created_at timestamptz not null default now(),
  created_by integer,
  revoked_at timestamptz,
  revoked_by integer,
  last_used_at timestamptz,
  version integer not null default 1
);
comment on table open311_apps is 'Applications allowed to post Open311 service requests, each with one API key (stored as a keyed hash).';
create unique index open311_apps_name_key on open311_apps (lower(name)) where revoked_at is null;

create table open311_requests (
  feedback_code text primary key,
  app_id integer not null references open311_apps (id),
  lat double precision check (lat between -90 and 90),
  long double precision check (long between -180 and 180),
  address_string text check (length(address_string) <= 500),
  address_id text check (length(address_id) <= 100),
  device_id text check (length(device_id) <= 200),
  account_id text check (length(account_id) <= 200),
  media_url text check (length(media_url) <= 2000),
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
comment on table open311_requests is 'What an Open311 POST carried beyond the feedback item: location as given, device and account ids, media link, attributes.';
create index open311_requests_app_idx on open311_requests (app_id);
