-- Events for the vendor's systems: subscriptions of an endpoint to event types, and one delivery per event and
-- subscription, kept as the delivery log (the event's id stays the same on every attempt and on a resend).
create table webhook_subscriptions (
  id             bigserial primary key,
  url            text not null,
  secret         text not null,
  event_types    text[] not null,
  description    text,
  created_by     text not null,
  created_at     timestamptz not null,
  deactivated_at timestamptz
);

create table webhook_deliveries (
  id              bigserial primary key,
  subscription_id bigint not null references webhook_subscriptions (id),
  event_id        uuid not null,
  event_type      text not null,
  reference       text,
  payload         text not null,
  created_at      timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts        integer not null default 0,
  last_status     integer,
  last_error      text,
  delivered_at    timestamptz,
  failed_at       timestamptz,
  unique (subscription_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at)
  where delivered_at is null and failed_at is null;
create index webhook_deliveries_latest on webhook_deliveries (id desc);
