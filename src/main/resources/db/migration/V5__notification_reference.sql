-- Each notification names the case or request it is about by its reference, so that the notifications module reads
-- its own table without joining the returns module's tables.
alter table notifications add column reference text;
update notifications n set reference = c.reference from return_cases c where c.id = n.case_id;
update notifications n set reference = r.reference from return_requests r
 where r.id = n.request_id and n.case_id is null;
alter table notifications alter column reference set not null;
create index notifications_reference on notifications (reference, id);
