-- ITMall Service Assurance: customers, their assets, return cases and everything a case does.
-- Idempotency of the job workers rests on the UNIQUE constraints below: a redelivered job finds the row it wrote.

create table customers (
  id                      bigserial primary key,
  customer_number         text not null unique,
  name                    text not null,
  email                   text not null,
  account_status          text not null default 'ACTIVE' check (account_status in ('ACTIVE', 'SUSPENDED')),
  payment_method_on_file  boolean not null default true,
  suspended_at            timestamptz,
  suspension_reason       text,
  created_at              timestamptz not null default now()
);

create table orders (
  id            bigserial primary key,
  order_number  text not null unique,
  customer_id   bigint not null references customers (id),
  ordered_on    date not null
);

create table assets (
  id                     bigserial primary key,
  serial_number          text not null unique,
  model                  text not null,
  category               text not null check (category in ('ENTERPRISE_INFRASTRUCTURE', 'END_USER_TERMINAL', 'ACCESSORY')),
  order_id               bigint references orders (id),
  customer_id            bigint not null references customers (id),
  owner                  text not null default 'CUSTOMER' check (owner in ('CUSTOMER', 'ITMALL')),
  shipped_on             date not null,
  -- commencement of coverage: the shipping date, or for a replacement unit that of the unit it replaced (§3.1)
  coverage_start         date not null,
  warranty_ends_override date,
  unit_price             numeric(12, 2) not null check (unit_price >= 0),
  currency               text not null default 'USD',
  manufacturer_plan      boolean not null default false,
  manufacturer_name      text,
  replaces_asset_id      bigint references assets (id)
);
create index assets_customer on assets (customer_id);

create table return_requests (
  id           bigserial primary key,
  reference    text not null unique,
  customer_id  bigint not null references customers (id),
  order_id     bigint references orders (id),
  submitted_at timestamptz not null default now()
);

-- one case (one process instance) per returned item
create table return_cases (
  id                       bigserial primary key,
  reference                text not null unique,
  request_id               bigint not null references return_requests (id),
  asset_id                 bigint not null references assets (id),
  fault_description        text not null,
  policy_revision          text not null,
  status                   text not null,
  process_instance_key     bigint unique,
  entitlement              text,
  warranty_ends_on         date,
  maintenance_ends_on      date,
  diagnosis_due_at         timestamptz,
  diagnosis_escalated_at   timestamptz,
  advance_replacement      boolean not null default false,
  rma_number               text unique,
  rma_authorized_at        timestamptz,
  return_due_at            timestamptz,
  compliance_limit_at      timestamptz,
  overdue_notice_at        timestamptz,
  received_at              timestamptz,
  receipt_id               text unique,
  outcome                  text,
  new_warranty_ends_on     date,
  closed_at                timestamptz,
  created_at               timestamptz not null default now(),
  updated_at               timestamptz not null default now()
);
-- an asset can be in one open case at a time
create unique index return_cases_one_open_per_asset on return_cases (asset_id) where closed_at is null;
create index return_cases_request on return_cases (request_id);

create table diagnoses (
  id                bigserial primary key,
  case_id           bigint not null unique references return_cases (id),
  outcome           text not null check (outcome in ('RESOLVED_REMOTELY', 'HARDWARE_DEFECT', 'NO_FAULT_FOUND', 'EXCLUDED')),
  exclusion_reason  text,
  notes             text,
  decided_by        text,
  decided_at        timestamptz not null
);

create table rma_decisions (
  id           bigserial primary key,
  case_id      bigint not null unique references return_cases (id),
  approved     boolean not null,
  notes        text,
  decided_by   text,
  decided_at   timestamptz not null
);

create table inspections (
  id                bigserial primary key,
  case_id           bigint not null unique references return_cases (id),
  finding           text not null check (finding in ('DEFECT_CONFIRMED', 'NO_FAULT_FOUND', 'EXCLUDED')),
  resolution        text check (resolution in ('REPAIR', 'REPLACEMENT', 'CREDIT')),
  exclusion_reason  text,
  notes             text,
  inspected_by      text,
  inspected_at      timestamptz not null
);

create table charges (
  id          bigserial primary key,
  case_id     bigint not null references return_cases (id),
  customer_id bigint not null references customers (id),
  reason      text not null check (reason in ('UNRETURNED_ADVANCE_UNIT', 'ADVANCE_UNIT_ON_INVALID_CLAIM', 'CREDIT_NOTE')),
  amount      numeric(12, 2) not null,
  currency    text not null,
  status      text not null check (status in ('CAPTURED', 'DECLINED', 'ISSUED')),
  created_at  timestamptz not null,
  unique (case_id, reason)
);

create table shipments (
  id             bigserial primary key,
  case_id        bigint not null references return_cases (id),
  direction      text not null check (direction in ('INBOUND', 'OUTBOUND')),
  purpose        text not null,
  payer          text not null check (payer in ('CLIENT', 'ITMALL')),
  asset_id       bigint references assets (id),
  carrier        text,
  tracking_ref   text,
  created_at     timestamptz not null,
  unique (case_id, direction, purpose)
);

create table replacements (
  id                    bigserial primary key,
  case_id               bigint not null unique references return_cases (id),
  original_asset_id     bigint not null references assets (id),
  replacement_asset_id  bigint not null unique references assets (id),
  kind                  text not null check (kind in ('ADVANCE', 'STANDARD')),
  warranty_ends_on      date not null,
  issued_at             timestamptz not null
);

create table ownership_transfers (
  id                bigserial primary key,
  asset_id          bigint not null unique references assets (id),
  case_id           bigint not null references return_cases (id),
  from_customer_id  bigint not null references customers (id),
  to_party          text not null default 'ITMALL',
  transferred_at    timestamptz not null
);

-- append-only audit trail per case; dedup_key makes a redelivered job's record land once
create table audit_events (
  id               bigserial primary key,
  case_id          bigint references return_cases (id),
  event_type       text not null,
  actor            text not null,
  detail           text not null,
  policy_revision  text not null,
  dedup_key        text not null unique,
  occurred_at      timestamptz not null
);
create index audit_events_case on audit_events (case_id, id);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
