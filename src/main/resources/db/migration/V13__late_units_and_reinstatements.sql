-- A unit that reached the warehouse after its case closed stays marked as such (the case may reopen for inspection),
-- with the decision staff took on it.
alter table return_cases
  add column received_late           boolean not null default false,
  add column late_unit_decision      text,
  add column late_unit_decided_by    text,
  add column late_unit_decided_at    timestamptz;

update return_cases set received_late = true where closed_at is not null and received_at > closed_at;

-- Every reinstatement of a suspended account: who, why, when (the Service Governance Team, or a late unit's decision).
create table account_reinstatements (
  id             bigserial primary key,
  customer_id    bigint not null references customers (id),
  case_id        bigint references return_cases (id),
  reason         text not null,
  reinstated_by  text not null,
  suspended_at   timestamptz,
  suspension_reason text,
  reinstated_at  timestamptz not null
);
create index account_reinstatements_by_customer on account_reinstatements (customer_id);
