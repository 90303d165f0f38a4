-- Service administrators import a vendor's installed base (customers, orders, shipped assets); every import, dry run
-- or real, is audited here with who, when, which file and what it did.
alter table portal_users drop constraint portal_users_role_check;
alter table portal_users add constraint portal_users_role_check check (role in ('CUSTOMER', 'STAFF', 'ADMIN'));

create table installed_base_imports (
  id                 bigserial primary key,
  actor              text not null,
  file_name          text not null,
  dry_run            boolean not null,
  status             text not null check (status in ('RUNNING', 'WRITTEN', 'CHECKED', 'REJECTED', 'FAILED')),
  started_at         timestamptz not null,
  finished_at        timestamptz,
  rows_total         int not null default 0,
  rows_done          int not null default 0,
  customers_created  int not null default 0,
  customers_updated  int not null default 0,
  customers_unchanged int not null default 0,
  orders_created     int not null default 0,
  orders_updated     int not null default 0,
  orders_unchanged   int not null default 0,
  assets_created     int not null default 0,
  assets_updated     int not null default 0,
  assets_unchanged   int not null default 0,
  rejected           int not null default 0,
  -- the rejected rows as "line N: reason" (the first 1000), or what failed
  detail             text not null default ''
);
