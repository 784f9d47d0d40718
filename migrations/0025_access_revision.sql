-- A session's rights (platform/auth: who the account is, its grants, the subtrees they reach, its
-- password flags) are read from five tables of two modules. Resolving them on every request took
-- about seven queries (issue 14). Instead a process keeps the resolved rights of an account in memory
-- and checks, in the same single query that reads the session, that nothing they depend on changed
-- since: this revision moves on with every change to those tables, in the changing transaction, so a
-- revoked grant, a disabled account or a moved unit is seen by the very next request in every process
-- (never a stale permission). Owned by the platform; the triggers below are its only writers.
create table access_revision (
  id boolean primary key default true constraint access_revision_single check (id),
  revision bigint not null
);
comment on table access_revision is 'One row: moves on with every change that can alter a signed-in account''s rights (triggers on org_units, org_staff, access_grants, auth_accounts); cached session rights are valid only at the revision they were read at.';
insert into access_revision (id, revision) values (true, 1);

create function access_revision_bump() returns trigger language plpgsql as $$
begin
  update access_revision set revision = revision + 1 where id;
  return null;
end $$;

create trigger org_units_access_revision after insert or update or delete on org_units
  for each statement execute function access_revision_bump();
create trigger org_staff_access_revision after insert or update or delete on org_staff
  for each statement execute function access_revision_bump();
create trigger access_grants_access_revision after insert or update or delete on access_grants
  for each statement execute function access_revision_bump();
-- Not on sign-in bookkeeping (failed attempts, lock-out): only what the resolved rights hold.
create trigger auth_accounts_access_revision after insert or delete or update of staff_id, username, password_hash, must_change_password, disabled on auth_accounts
  for each statement execute function access_revision_bump();
