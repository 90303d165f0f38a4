-- Demo data (profile "demo" only): customers, orders and assets across every category, age and plan,
-- dated relative to the day the demo database is created so the examples stay meaningful.

insert into customers (customer_number, name, email, payment_method_on_file) values
  ('C-1001', 'Northwind Logistics', 'it-ops@northwind.example', true),
  ('C-1002', 'Contoso Clinics', 'helpdesk@contoso.example', true),
  ('C-1003', 'Fabrikam Retail', 'ap@fabrikam.example', false);

insert into orders (order_number, customer_id, ordered_on) values
  ('SO-240101', (select id from customers where customer_number = 'C-1001'), current_date - 200),
  ('SO-230517', (select id from customers where customer_number = 'C-1001'), current_date - 800),
  ('SO-250909', (select id from customers where customer_number = 'C-1002'), current_date - 60),
  ('SO-220301', (select id from customers where customer_number = 'C-1002'), current_date - 1300),
  ('SO-250420', (select id from customers where customer_number = 'C-1003'), current_date - 100);

insert into assets (serial_number, model, category, order_id, customer_id, shipped_on, coverage_start, unit_price,
                    manufacturer_plan, manufacturer_name)
select a.serial, a.model, a.category, o.id, o.customer_id, current_date - a.age, current_date - a.age, a.price,
       a.plan, a.maker
from (values
  -- Northwind: a young switch (advance replacement), an older workstation (maintenance only), a spare under warranty
  ('SN-ENT-0001', 'ITM CoreSwitch 9300-48P', 'ENTERPRISE_INFRASTRUCTURE', 'SO-240101', 195, 8400.00, false, null),
  ('SN-ACC-0002', 'ITM 10G SFP+ Module', 'ACCESSORY', 'SO-240101', 195, 180.00, false, null),
  ('SN-WKS-0003', 'ITM ProStation W7', 'END_USER_TERMINAL', 'SO-230517', 795, 2100.00, false, null),
  ('SN-ENT-0004', 'ITM Storage Array S2', 'ENTERPRISE_INFRASTRUCTURE', 'SO-230517', 795, 23500.00, false, null),
  -- Contoso: a new laptop under a manufacturer plan, a new terminal, an old server out of all coverage
  ('SN-LAP-0005', 'Lenovo ThinkPad T16 (Premier Support)', 'END_USER_TERMINAL', 'SO-250909', 55, 1650.00, true, 'Lenovo'),
  ('SN-TRM-0006', 'ITM Thin Client T3', 'END_USER_TERMINAL', 'SO-250909', 55, 540.00, false, null),
  ('SN-SRV-0007', 'ITM Rack Server R640', 'ENTERPRISE_INFRASTRUCTURE', 'SO-220301', 1295, 9800.00, false, null),
  -- Fabrikam: no valid payment method on file (a charge would be declined)
  ('SN-POS-0008', 'ITM POS Terminal P5', 'END_USER_TERMINAL', 'SO-250420', 95, 890.00, false, null)
) as a(serial, model, category, order_number, age, price, plan, maker)
join orders o on o.order_number = a.order_number;
