-- ITM-POL-2026.04 as a DMN decision (bpmn/itmall-policy-terms.dmn): each case keeps the terms it evaluated when it
-- started, with the decision version that gave them; a request is one process over its items.

alter table return_cases
  add column policy_terms            jsonb,
  add column policy_decision_key     bigint,
  add column policy_decision_version integer;

-- Cases opened before the decision existed ran under the terms then configured, those of ITM-POL-2026.04: record
-- them as such so that their remaining steps keep them.
update return_cases c
   set policy_terms = jsonb_build_object(
         'policyRevision', 'ITM-POL-2026.04',
         'warrantyMonths', case a.category when 'ENTERPRISE_INFRASTRUCTURE' then 36 else 12 end,
         'premiumMaintenance', a.category <> 'ACCESSORY',
         'maintenanceMonths', case a.category when 'ACCESSORY' then null else 36 end,
         'advanceReplacementMonths', 12, 'replacementMinimumMonths', 3, 'returnWindowDays', 10,
         'complianceLimitDays', 20, 'diagnosisSlaHours', 8)
  from assets a
 where a.id = c.asset_id and c.policy_terms is null;

alter table return_requests add column process_instance_key bigint unique;

-- request-level notifications ("request received" listing its items, the closing summary) belong to the request
alter table notifications alter column case_id drop not null;
alter table notifications add column request_id bigint references return_requests (id);
alter table notifications add constraint notifications_case_or_request check (case_id is not null or request_id is not null);
create unique index notifications_request_step on notifications (request_id, step) where case_id is null;
