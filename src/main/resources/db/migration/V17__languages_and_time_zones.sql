-- Customers around the world: each customer account reads its mails in a language and sees deadlines in a time zone
-- (an IANA region id such as Europe/Berlin); each of its portal users may choose their own (null: the account's).
-- The languages the portal and the mails come in are shared/Audience.LANGUAGES.
alter table customers add column language text not null default 'en' check (language in ('en', 'de'));
alter table customers add column time_zone text not null default 'UTC';
alter table portal_users add column language text check (language in ('en', 'de'));
alter table portal_users add column time_zone text;
