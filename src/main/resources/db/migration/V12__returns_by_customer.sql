-- A customer's returns, newest first and a page at a time, stay fast when the customer has tens of thousands
create index return_requests_customer on return_requests (customer_id, id);
