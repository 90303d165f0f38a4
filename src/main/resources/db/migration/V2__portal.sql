-- Self-Service Returns Center: sign-in accounts and the proofs customers upload.

create table portal_users (
  id             bigserial primary key,
  username       text not null unique,
  password_hash  text not null,
  role           text not null check (role in ('CUSTOMER', 'STAFF')),
  customer_id    bigint references customers (id),
  check ((role = 'CUSTOMER') = (customer_id is not null))
);

-- proofs are stored in the database, never under the web root
create table proofs (
  id            bigserial primary key,
  case_id       bigint not null references return_cases (id),
  file_name     text not null,
  content_type  text not null,
  size_bytes    integer not null,
  content       bytea not null,
  uploaded_at   timestamptz not null default now()
);
create index proofs_case on proofs (case_id);

-- the inbound carrier and tracking number the customer enters
alter table return_cases add column inbound_carrier text, add column inbound_tracking text;
