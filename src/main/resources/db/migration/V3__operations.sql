-- Customer notifications as a transactional outbox: queued in the same transaction as the decision they report,
-- at most once per case and step, then sent by the mail dispatcher.
create table notifications (
  id           bigserial primary key,
  case_id      bigint not null references return_cases (id),
  customer_id  bigint not null references customers (id),
  step         text not null,
  recipient    text not null,
  subject      text not null,
  body         text not null,
  created_at   timestamptz not null,
  sent_at      timestamptz,
  attempts     integer not null default 0,
  last_error   text,
  unique (case_id, step)
);
create index notifications_pending on notifications (id) where sent_at is null;
create index notifications_customer on notifications (customer_id, id);
