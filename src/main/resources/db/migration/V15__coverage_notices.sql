-- Each warranty or premium-maintenance term that is about to end is told to its customer once: the notice is kept per
-- asset, term and last covered day (a term that changes, e.g. after an extension, is told again).
create table coverage_notices (
  asset_id     bigint not null references assets (id),
  term         text not null check (term in ('WARRANTY', 'MAINTENANCE')),
  last_day     date not null,
  customer_id  bigint not null references customers (id),
  noticed_at   timestamptz not null,
  primary key (asset_id, term, last_day)
);

-- a coverage notice is about an asset, not a case or request; it is on the customer's Messages page
alter table notifications drop constraint notifications_case_request_or_account;
alter table notifications add constraint notifications_case_request_account_or_coverage
  check (case_id is not null or request_id is not null or step like 'account-%' or step like 'coverage-%');
