-- Electronic exchange of documents (issue 19 scope 3), owned by modules/registry: a released outgoing
-- document reaches each addressee. An addressee inside the province gets an incoming copy at its agency's
-- records office in the same transaction as the release; an addressee outside it is sent through a
-- pluggable outside transport after the release commits (the jobs table is the outbox: the send is
-- enqueued in the release transaction, so it exists exactly when the release does). One row per
-- addressee keeps what the sender must see (Decree 30 art. 4 and Appendix VI: sending and receiving
-- tracked, the receipt notified to the sender the same day, recall and return with their metadata).

create table reg_deliveries (
  id integer generated always as identity primary key,
  -- The outgoing document delivered (the sender's record).
  document_id integer not null constraint reg_deliveries_document_fk references reg_documents (id),
  -- The addressee: a unit of the province, or only a name (an agency outside, on the outside transport).
  -- The name is the one shown at delivery time, kept even when the unit is renamed later.
  to_unit_id integer constraint reg_deliveries_unit_fk references org_units (id),
  to_name text not null constraint reg_deliveries_name_check check (length(btrim(to_name)) between 1 and 300),
  -- 'internal' inside the province; otherwise the name of the outside transport ('local' in the demo and
  -- tests; the national exchange's own once its format is verified), or 'none' when no outside transport
  -- is connected (the delivery failed at once: the sender sends a paper copy).
  transport text not null constraint reg_deliveries_transport_check check (transport ~ '^[a-z][a-z0-9_]{1,30}$'),
  -- pending: waiting for the outside transport; delivered: the delivery receipt (copy created, or the
  -- outside system's receipt); received: the addressee registered it (reception receipt); returned: the
  -- addressee sent it back as wrongly addressed; recalled: the sender recalled it; failed: not deliverable.
  status text not null constraint reg_deliveries_status_check check (status in ('pending', 'delivered', 'received', 'returned', 'recalled', 'failed')),
  -- The addressee's copy (internal deliveries once delivered).
  incoming_document_id integer constraint reg_deliveries_incoming_fk references reg_documents (id),
  -- The delivery receipt's identifier: ours for internal deliveries, the outside system's otherwise.
  receipt_id text constraint reg_deliveries_receipt_check check (receipt_id is null or length(receipt_id) between 1 and 200),
  -- Why it failed, was returned or was recalled.
  reason text constraint reg_deliveries_reason_check check (reason is null or length(reason) <= 2000),
  -- Sends tried through the outside transport and the last error met (the job retries with back-off).
  attempts integer not null default 0 constraint reg_deliveries_attempts_check check (attempts >= 0),
  last_error text constraint reg_deliveries_error_check check (last_error is null or length(last_error) <= 2000),
  -- The outside receiver's receipt of the recall notice (a recalled outside delivery it had accepted).
  recall_receipt_id text constraint reg_deliveries_recall_receipt_check check (recall_receipt_id is null or length(recall_receipt_id) between 1 and 200),
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  received_at timestamptz,
  returned_at timestamptz,
  recalled_at timestamptz,
  failed_at timestamptz,
  updated_at timestamptz not null default now(),
  -- An internal delivery names its unit, unless it failed because that unit no longer exists.
  constraint reg_deliveries_internal_check check (transport <> 'internal' or to_unit_id is not null or status = 'failed'),
  constraint reg_deliveries_delivered_check check (status not in ('delivered', 'received') or (delivered_at is not null and receipt_id is not null)),
  constraint reg_deliveries_received_check check (status <> 'received' or (received_at is not null and incoming_document_id is not null)),
  constraint reg_deliveries_returned_check check (status <> 'returned' or (returned_at is not null and reason is not null)),
  constraint reg_deliveries_recalled_check check (status <> 'recalled' or (recalled_at is not null and reason is not null)),
  constraint reg_deliveries_failed_check check (status <> 'failed' or (failed_at is not null and reason is not null))
);
-- One delivery per addressee unit of a document (a recipient listed twice is delivered once).
create unique index reg_deliveries_unit_uidx on reg_deliveries (document_id, to_unit_id) where to_unit_id is not null;
create index reg_deliveries_document_idx on reg_deliveries (document_id, id);
create index reg_deliveries_incoming_idx on reg_deliveries (incoming_document_id) where incoming_document_id is not null;
create index reg_deliveries_pending_idx on reg_deliveries (id) where status = 'pending';
comment on table reg_deliveries is 'One row per addressee of a released outgoing document: internal copy or outside send, with its delivery and reception receipts, return and recall (Decree 30 Appendix VI).';

-- A copy recalled by its sender before the records office registered it has no arrival number, like
-- one that arrived or was returned (the copy's row and history stay: Appendix VI, metadata of the recall).
alter table reg_documents drop constraint reg_documents_in_arrival_check;
alter table reg_documents add constraint reg_documents_in_arrival_check
  check (direction <> 'in' or status in ('arrived', 'returned', 'recalled') or (arrival_number is not null and arrival_on is not null));
