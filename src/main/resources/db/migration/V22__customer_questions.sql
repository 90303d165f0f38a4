-- Questions TAC asks the customer during remote diagnosis (logs, photos, a remote-access window), one row per round,
-- and the files the customer answers with (kept with the case's proofs, under the same upload rules).
create table case_questions (
  id           bigserial primary key,
  case_id      bigint not null references return_cases (id),
  round        integer not null check (round > 0),
  question     text not null,
  topics       text not null default '',
  asked_by     text not null,
  asked_at     timestamptz not null,
  remind_at    timestamptz not null,
  closes_at    timestamptz not null,
  reminded_at  timestamptz,
  answer       text,
  answered_by  text,
  answered_at  timestamptz,
  settled      text check (settled in ('ANSWERED', 'NO_ANSWER')),
  settled_at   timestamptz,
  unique (case_id, round)
);

alter table proofs add column question_id bigint references case_questions (id);
create index proofs_question on proofs (question_id) where question_id is not null;
