-- A paid repair offered when the warranty does not pay (premium maintenance only, or out of coverage): the quote TAC
-- gave with the diagnosis, and the customer's answer (or its expiry). One quote per case.
create table repair_quotes (
  case_id       bigint primary key references return_cases (id),
  amount        numeric(12, 2) not null check (amount > 0),
  currency      text not null,
  valid_until   timestamptz not null,
  offered_by    text not null,
  offered_at    timestamptz not null,
  answer        text check (answer in ('ACCEPTED', 'DECLINED', 'EXPIRED')),
  answered_by   text,
  answered_at   timestamptz
);

alter table charges drop constraint charges_reason_check;
alter table charges add constraint charges_reason_check
  check (reason in ('UNRETURNED_ADVANCE_UNIT', 'ADVANCE_UNIT_ON_INVALID_CLAIM', 'CREDIT_NOTE', 'PAID_REPAIR'));
