-- The service-quality index of Decision 766/QĐ-TTg (issue 13 item 3; DOMAIN §6.1; docs/reports.md
-- "Chỉ số phục vụ"). Owned by the reports module.

-- The index's definitions (groups, indicators, points, formula text, thresholds) are configuration
-- with effective dates: the version whose effective date is the latest on or before a period's last
-- day scores that period. The demo ships the province's reading (demo/service-index/).
create table report_index_versions (
  id integer generated always as identity primary key,
  effective_from date not null constraint report_index_versions_effective_key unique,
  definition jsonb not null,
  -- Bumped by each replacement of the same effective date: a concurrent replacement is refused (409).
  revision integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by_staff_id integer
);
comment on table report_index_versions is 'Versions of the Decision 766 service index as the province reads it (rules/service-index.ts definitionSchema); the one in force on a period''s last day applies.';

-- The per-dossier flags the index counts that form II.06a does not: a second read model of the
-- reports module, kept in the dossier events' own transaction like report_dossier_facts (one row per
-- dossier, joined to it on dossier_id) and rebuilt by rebuild-read-models.
create table report_index_facts (
  dossier_id bigint primary key,
  -- A fee or charge was asked (a payment_requested event).
  fee_charged boolean not null default false,
  -- The dossier module's projection (dossiers/rules/digital.ts), read in the same transaction.
  paid_online boolean not null default false,
  digitised boolean not null default false,
  result_digitised boolean not null default false,
  fully_online boolean not null default false,
  version integer not null
);
comment on table report_index_facts is 'Read model of the service index: fee and digital flags per dossier (report_dossier_facts holds the instants). Not a record: the events and the dossier are.';

-- The ratings of a period are matched to the read model's rows by dossier code (satisfaction rate).
create index report_dossier_facts_code_idx on report_dossier_facts (code);
