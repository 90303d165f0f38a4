-- The return label: the customer's address is printed as its sender (an optional column of the installed-base
-- import), and the RMA mail carries the label as a PDF attachment.
alter table customers add column address text;
alter table notifications add column attachment text;
comment on column notifications.attachment is 'What the mail carries besides its text, rendered when it is sent: RETURN_LABEL';
