-- Sign-in throttling: failed attempts in a row per sign-in, and until when the sign-in is locked after too many.
alter table portal_users add column failed_sign_ins integer not null default 0;
alter table portal_users add column locked_until timestamptz;
