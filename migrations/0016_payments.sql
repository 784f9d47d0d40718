-- Fees paid online (issue 11 item 3; Decree 118/2025 art. 24): one row per order sent to a payment
-- gateway, and every server-to-server notification the gateway sent about it, kept as received.

create table payments (
  id bigint generated always as identity primary key,
  dossier_code text not null,
  -- The dossier's receiving unit when the order was made: who may see the payment (dossier.read there).
  unit_id integer not null,
  provider text not null,
  -- vnp_TxnRef: our order reference, unique across providers and days.
  order_ref text not null constraint payments_order_ref_key unique,
  amount bigint not null constraint payments_amount_check check (amount > 0),
  items jsonb not null,
  status text not null default 'pending'
    constraint payments_status_check check (status in ('pending', 'paid', 'failed', 'cancelled', 'amount_mismatch')),
  provider_txn_no text,
  bank_code text,
  paid_at timestamptz,
  -- How the order was settled: by the gateway's notification or by reconciliation with its query API.
  settled_by text constraint payments_settled_by_check check (settled_by in ('notification', 'reconciliation')),
  -- When the dossier recorded the payment (its confirm_payment event); null while it has not.
  dossier_recorded_at timestamptz,
  dossier_record_error text,
  created_by integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 0
);
comment on table payments is 'Online payment orders of dossier fees; credited only from a verified gateway notification or from reconciliation.';
comment on column payments.amount is 'In đồng (the gateway receives ×100).';
comment on column payments.items is 'The fee items paid: [{name, amount}].';
create index payments_dossier_idx on payments (dossier_code);
create index payments_created_idx on payments (created_at);
create index payments_unrecorded_idx on payments (id) where status = 'paid' and dossier_recorded_at is null;

create table payment_notifications (
  id bigint generated always as identity primary key,
  provider text not null,
  order_ref text,
  params jsonb not null,
  signature_valid boolean not null,
  -- The protocol's answer code we gave (00, 01, 02, 04, 97, 99) and what it means for us.
  response_code text not null,
  verdict text not null,
  received_at timestamptz not null default now(),
  remote_ip text
);
comment on table payment_notifications is 'Every server-to-server payment notification received, as received, with the signature check and our answer.';
create index payment_notifications_order_idx on payment_notifications (order_ref);
