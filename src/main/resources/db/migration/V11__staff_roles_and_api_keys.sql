-- Staff roles match the work (process/StaffRole): a staff sign-in holds one or more of the candidate groups of the
-- user tasks. The one shared "warehouse" staff account keeps the warehouse's work; service administrators keep theirs.
alter table portal_users add column staff_roles text[] not null default '{}';
update portal_users set staff_roles = '{service-administrators}', role = 'STAFF' where role = 'ADMIN';
update portal_users set staff_roles = '{warehouse}' where role = 'STAFF' and staff_roles = '{}';
alter table portal_users drop constraint portal_users_role_check;
alter table portal_users add constraint portal_users_role_check check (role in ('CUSTOMER', 'STAFF'));

-- an invitation is to a customer account, or to the staff with the roles it names
alter table sign_in_links add column staff_roles text[];

-- machine credentials: an ERP or a warehouse system calls the API with a key that holds one integration role; only a
-- SHA-256 hash of the key is stored, the key is shown once when it is made
create table api_keys (
  id            bigserial primary key,
  name          text not null unique,
  key_hash      text not null unique,
  key_prefix    text not null,
  integration   text not null check (integration in ('installed-base-import', 'warehouse-receipts')),
  created_by    text not null,
  created_at    timestamptz not null,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  revoked_by    text
);
