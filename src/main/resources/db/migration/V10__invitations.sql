-- People in: a customer account has several users, invited by e-mail; users reset a forgotten password by e-mail;
-- staff deactivate users. Links are single-use and expire; only a hash of their token is stored.
alter table portal_users add column email text;
alter table portal_users add column active boolean not null default true;
create unique index portal_users_email on portal_users (lower(email)) where email is not null;

create table sign_in_links (
  id           bigserial primary key,
  kind         text not null check (kind in ('INVITATION', 'PASSWORD_RESET')),
  token_hash   text not null unique,
  email        text not null,
  customer_id  bigint references customers (id),
  invited_by   text,
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  used_at      timestamptz
);

-- mails about a sign-in (invitation, password reset) belong to no case or request, and are never shown on the
-- customer's Messages page (they carry a link for one person)
alter table notifications drop constraint notifications_case_or_request;
alter table notifications add constraint notifications_case_request_or_account
  check (case_id is not null or request_id is not null or step like 'account-%');
alter table notifications alter column customer_id drop not null;
