-- Sign-in: accounts, server-side sessions, role grants at a unit.
create table auth_accounts (
  id integer generated always as identity primary key,
  staff_id integer not null constraint auth_accounts_staff_fk references org_staff (id),
  username citext not null constraint auth_accounts_username_key unique,
  password_hash text not null,
  demo_password boolean not null default false,
  must_change_password boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  password_changed_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  constraint auth_accounts_staff_key unique (staff_id)
);
comment on table auth_accounts is 'Staff sign-in accounts (argon2id hashes); demo_password marks the published demo password, which production refuses.';

create table auth_sessions (
  id text primary key,
  account_id integer not null constraint auth_sessions_account_fk references auth_accounts (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
comment on table auth_sessions is 'Server-side sessions; id is the SHA-256 of the cookie token so a database leak does not leak sessions.';
create index auth_sessions_account_idx on auth_sessions (account_id);

create table access_grants (
  id integer generated always as identity primary key,
  staff_id integer not null constraint access_grants_staff_fk references org_staff (id),
  role text not null constraint access_grants_role_check
    check (role in ('admin', 'unit_head', 'specialist', 'desk_officer', 'auditor')),
  unit_id integer not null constraint access_grants_unit_fk references org_units (id),
  granted_at timestamptz not null default now(),
  constraint access_grants_unique unique (staff_id, role, unit_id)
);
comment on table access_grants is 'A role granted to a staff member at a unit; it covers that unit''s whole subtree.';
create index access_grants_staff_idx on access_grants (staff_id);
