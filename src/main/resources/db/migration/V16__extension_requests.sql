-- A customer's request to extend the cover of one asset, and the Service Governance Team's answer.
create table extension_requests (
  id            bigserial primary key,
  reference     text not null unique,
  asset_id      bigint not null references assets (id),
  customer_id   bigint not null references customers (id),
  note          text,
  requested_by  text not null,
  requested_at  timestamptz not null,
  decision      text check (decision in ('OFFERED', 'DECLINED')),
  answer        text,
  decided_at    timestamptz
);
-- one open request per asset at a time
create unique index extension_requests_open on extension_requests (asset_id) where decision is null;

alter table notifications drop constraint notifications_case_request_account_or_coverage;
alter table notifications add constraint notifications_case_request_account_or_coverage
  check (case_id is not null or request_id is not null or step like 'account-%' or step like 'coverage-%'
         or step like 'extension-%');
