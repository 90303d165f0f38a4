-- A notification the mail server did not take is retried with exponential backoff (next_attempt_at) for about three
-- days; after that it is undeliverable: shown to staff, counted, and retried on request.
alter table notifications add column next_attempt_at timestamptz;
drop index if exists notifications_pending;
create index notifications_pending on notifications (next_attempt_at nulls first, id) where sent_at is null;
