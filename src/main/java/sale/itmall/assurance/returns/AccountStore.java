package sale.itmall.assurance.returns;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A customer's account as cases change it: suspended once at a compliance limit, reinstated by governance.
 */
@Repository
class AccountStore {

    private final JdbcClient jdbc;
    private final CaseStore cases;

    AccountStore(JdbcClient jdbc, CaseStore cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    Optional<CustomerId> customerId(String customerNumber) {
        return jdbc.sql("select id from customers where customer_number = ?")
                .param(customerNumber)
                .query(Long.class)
                .optional()
                .map(CustomerId::new);
    }

    /** Suspends the account once; answers whether this call suspended it. */
    boolean suspendAccount(CustomerId customerId, String reason, Instant at) {
        return jdbc.sql(
                                """
        update customers set account_status = 'SUSPENDED', suspended_at = ?, suspension_reason = ?
         where id = ? and account_status <> 'SUSPENDED'""")
                        .params(CaseStore.ts(at), reason, customerId.value())
                        .update()
                == 1;
    }

    /**
     * Reinstates a suspended account once, keeping who, why and what the suspension was; answers whether this call
     * reinstated it.
     */
    boolean reinstateAccount(CustomerId customerId, CaseId caseId, String reason, String by, Instant at) {
        // one statement: of two reinstatements at once, the second finds the account active and keeps nothing
        return jdbc.sql(
                                """
        with reinstated as (
          update customers c set account_status = 'ACTIVE', suspended_at = null, suspension_reason = null
            from customers before
           where c.id = before.id and c.id = ? and c.account_status = 'SUSPENDED'
          returning c.id, before.suspended_at, before.suspension_reason)
        insert into account_reinstatements
               (customer_id, case_id, reason, reinstated_by, suspended_at, suspension_reason, reinstated_at)
        select id, ?, ?, ?, suspended_at, suspension_reason, ? from reinstated""")
                        .params(
                                customerId.value(),
                                caseId == null ? null : caseId.value(),
                                reason,
                                by,
                                CaseStore.ts(at))
                        .update()
                == 1;
    }

    /** The latest case whose compliance limit suspended a customer's account that is still suspended. */
    Optional<CaseRecord> lastSuspendingCase(String customerNumber) {
        return jdbc.sql(
                        """
        select c.reference from return_cases c join return_requests r on r.id = c.request_id
          join customers cu on cu.id = r.customer_id
         where cu.customer_number = ? and cu.account_status = 'SUSPENDED' and c.outcome = 'ACCOUNT_SUSPENDED'
         order by c.closed_at desc limit 1""")
                .param(customerNumber)
                .query(String.class)
                .optional()
                .flatMap(cases::findByReference);
    }
}
