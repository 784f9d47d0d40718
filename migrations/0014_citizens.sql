-- Citizens who sign in with their electronic identity (VNeID through OpenID Connect), and their
-- sessions. Kept apart from staff accounts and sessions: a citizen session can never act as staff.
create table citizens (
  id integer generated always as identity primary key,
  -- The identity provider (issuer) and its stable subject identifier: the account key.
  issuer text not null,
  subject text not null,
  full_name text not null,
  -- The ID number (số định danh cá nhân), sealed (platform/crypto), searched by its blind index.
  id_number text,
  id_number_index text,
  birth_date date,
  -- Contact details from the identity provider, which the citizen may correct.
  address text,
  phone text,
  email text,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint citizens_subject_key unique (issuer, subject)
);
comment on table citizens is 'Citizens known by their e-ID (issuer + subject); profile data pre-fills online forms.';
create index citizens_id_number_idx on citizens (id_number_index);

create table citizen_sessions (
  id text primary key,
  citizen_id integer not null constraint citizen_sessions_citizen_fk references citizens (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
comment on table citizen_sessions is 'Citizen sessions; id is the SHA-256 of the cookie token. Separate from auth_sessions by design.';
create index citizen_sessions_citizen_idx on citizen_sessions (citizen_id);
