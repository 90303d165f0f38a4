-- What must reach the engine after a commit (start a request's process, publish a cancellation, a dispute, a
-- warehouse receipt) is written in the same transaction as the change that calls for it, and delivered from here
-- until the engine accepts it (returns/EngineOutbox).
create table engine_commands (
  id              bigserial primary key,
  command         text not null check (command in ('START_REQUEST', 'PUBLISH_MESSAGE')),
  -- the request reference to start, or the message's correlation key
  reference       text not null,
  message_name    text,
  -- the engine refuses a second message with the same name and id while the first is buffered
  message_id      text,
  variables       text,
  created_at      timestamptz not null,
  attempts        int not null default 0,
  next_attempt_at timestamptz not null,
  delivered_at    timestamptz,
  last_error      text
);
create unique index engine_commands_message on engine_commands (message_name, message_id) where message_id is not null;
create index engine_commands_pending on engine_commands (next_attempt_at, id) where delivered_at is null;
