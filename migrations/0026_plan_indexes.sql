-- Indexes the captured plans asked for (docs/queries/README.md, "What to fix").

-- The per-dossier pass of II.06a, the service index and the dashboard keeps the dossiers still open
-- at the end of the period (completed_at is null) beside those that moved within it. Without this
-- the OR in its condition made the planner read the whole of report_dossier_facts (97 ms at 100,000
-- dossiers, ten times that at 1,000,000); with it, a BitmapOr of small index scans (4 ms). Open
-- dossiers leave the index when they complete, so it stays the size of the open work.
create index report_dossier_facts_open_idx on report_dossier_facts (unit_id) where completed_at is null;

-- The all_open queue sorted by deadline, as a true keyset: the page reads its 51 rows in index order
-- and stops. The dossiers without a due date (awaiting reception) sort last as 'infinity', so the
-- order and the cursor are one row comparison and no OR breaks the index condition.
create index dossiers_open_due_idx on dossiers ((coalesce(due_at, 'infinity'::timestamptz)), id)
  where status in (1, 2, 4, 5, 6, 9);

-- "Step overdue" for one ward: the existing (step_due_at, id) index read the province's overdue steps
-- and filtered them by unit.
create index dossiers_step_due_unit_idx on dossiers (current_unit_id, step_due_at) where status in (2, 4, 6);
