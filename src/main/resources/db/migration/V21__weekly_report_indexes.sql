-- The staff reports' weekly trends read the last twelve weeks: with these a year of history costs what twelve weeks
-- cost, not what the whole table does.
create index return_cases_created_at on return_cases (created_at);
create index return_cases_closed_at on return_cases (closed_at) where closed_at is not null;
create index return_cases_return_due_at on return_cases (return_due_at) where return_due_at is not null;
create index return_cases_received_at on return_cases (received_at) where received_at is not null;
create index diagnoses_decided_at on diagnoses (decided_at);
create index charges_created_at on charges (created_at);
