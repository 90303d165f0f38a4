package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.process.Decisions;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/**
 * A job can be delivered twice (a worker that timed out, a retried incident). Against the real PostgreSQL, running a
 * step again must not charge, ship, replace or transfer twice, nor change what the first run decided.
 */
@ApplicationTest
class CaseStepsIdempotencyTest {

    @Autowired
    ClosingSteps closingSteps;

    @Autowired
    EntitlementSteps entitlementSteps;

    @Autowired
    LateUnitSteps lateUnitSteps;

    @Autowired
    RmaSteps rmaSteps;

    @Autowired
    CaseStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Scenarios scenarios;

    @Autowired
    JdbcClient jdbc;

    String authorizedAdvanceCase(boolean paymentOk) {
        return scenarios.caseAwaitingReturn(fixtures.customer(paymentOk), 30);
    }

    long count(String sql, long caseId) {
        return jdbc.sql(sql).param(caseId).query(Long.class).single();
    }

    @Test
    void aRedeliveredAuthorizationKeepsTheFirstRmaNumberAndDeadlines() {
        String caseRef = authorizedAdvanceCase(true);
        CaseRecord first = store.require(caseRef);

        rmaSteps.decideRma(caseRef, true, null, "tasklist:rma-approvers");

        CaseRecord again = store.require(caseRef);
        assertThat(again.rmaNumber()).isEqualTo(first.rmaNumber());
        assertThat(again.returnDueAt()).isEqualTo(first.returnDueAt());
        assertThat(count(
                        "select count(*) from shipments where case_id = ? and direction = 'INBOUND'",
                        first.id().value()))
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredDispatchShipsOneAdvanceUnitAndTransfersOwnershipOnce() {
        String caseRef = authorizedAdvanceCase(true);
        CaseId caseId = store.require(caseRef).id();

        rmaSteps.dispatchAdvanceReplacement(caseRef);
        rmaSteps.transferOwnership(caseRef);

        assertThat(count("select count(*) from replacements where case_id = ?", caseId.value()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from shipments where case_id = ? and purpose = 'ADVANCE_REPLACEMENT'",
                        caseId.value()))
                .isEqualTo(1);
        assertThat(count("select count(*) from ownership_transfers where case_id = ?", caseId.value()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from assets where replaces_asset_id = (select asset_id from return_cases where id = ?)",
                        caseId.value()))
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredChargeChargesOnceAndKeepsTheFirstAnswer() {
        String caseRef = authorizedAdvanceCase(false);
        CaseId caseId = store.require(caseRef).id();

        LateUnitSteps.ComplianceResult first = lateUnitSteps.enforceComplianceLimit(caseRef);
        jdbc.sql(
                        "update customers set payment_method_on_file = true where id = (select customer_id from return_requests r "
                                + "join return_cases c on c.request_id = r.id where c.id = ?)")
                .param(caseId.value())
                .update();
        LateUnitSteps.ComplianceResult second = lateUnitSteps.enforceComplianceLimit(caseRef);

        assertThat(first.chargeCaptured()).isFalse();
        assertThat(second.chargeCaptured()).isFalse();
        assertThat(count("select count(*) from charges where case_id = ?", caseId.value()))
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredStepRecordsItsAuditEventOnce() {
        String caseRef = authorizedAdvanceCase(true);
        CaseId caseId = store.require(caseRef).id();
        lateUnitSteps.sendOverdueNotice(caseRef);
        lateUnitSteps.sendOverdueNotice(caseRef);

        assertThat(audit.events(caseId))
                .filteredOn(e -> e.type().equals("RETURN_OVERDUE"))
                .hasSize(1);
        assertThat(audit.events(caseId))
                .allSatisfy(e -> assertThat(e.policyRevision()).isEqualTo("ITM-POL-2026.04"));
    }

    @Test
    void aRedeliveredDisputeRulingRecordsAndMailsOnce() {
        String caseRef = authorizedAdvanceCase(true);
        CaseId caseId = store.require(caseRef).id();
        long disputeInstance = 4_242_424_242L;
        closingSteps.recordDisputeRuling(
                caseRef, Decisions.DisputeDecision.DISMISSED, "The policy was applied correctly", disputeInstance);
        closingSteps.recordDisputeRuling(
                caseRef, Decisions.DisputeDecision.DISMISSED, "The policy was applied correctly", disputeInstance);

        assertThat(audit.events(caseId))
                .filteredOn(e -> e.type().equals("POLICY_DISPUTE_RULED"))
                .hasSize(1);
        assertThat(count(
                        "select count(*) from notifications where case_id = ? and step like 'DISPUTE_RULING:%'",
                        caseId.value()))
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredTermsStepKeepsTheTermsAndDecisionVersionOfTheFirstEvaluation() {
        String caseRef = authorizedAdvanceCase(true);
        CaseRecord first = store.require(caseRef);
        EntitlementSteps.KeptTerms answered = entitlementSteps.applyTerms(caseRef, 1L);
        CaseRecord again = store.require(caseRef);

        assertThat(answered.terms()).isEqualTo(first.terms());
        assertThat(answered.decisionVersion()).isEqualTo(first.policyDecisionVersion());
        assertThat(again.policyTermsJson()).isEqualTo(first.policyTermsJson());
        assertThat(again.policyDecisionKey()).isEqualTo(first.policyDecisionKey());
        assertThat(again.processInstanceKey()).isEqualTo(first.processInstanceKey());
        assertThat(audit.events(first.id()))
                .filteredOn(e -> e.type().equals("POLICY_TERMS_APPLIED"))
                .hasSize(1);
    }

    @Test
    void theAuditTrailIsAppendOnly() {
        String caseRef = authorizedAdvanceCase(true);
        CaseId caseId = store.require(caseRef).id();

        assertThatThrownBy(() -> jdbc.sql("update audit_events set detail = 'rewritten' where case_id = ?")
                        .param(caseId.value())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_events where case_id = ?")
                        .param(caseId.value())
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aClosedCaseKeepsItsFirstOutcome() {
        String caseRef = authorizedAdvanceCase(true);
        closingSteps.close(caseRef, CaseOutcome.CANCELLED);
        Instant closedAt = store.require(caseRef).closedAt();
        closingSteps.close(caseRef, CaseOutcome.REPAIRED);

        assertThat(store.require(caseRef).outcome()).isEqualTo(CaseOutcome.CANCELLED);
        assertThat(store.require(caseRef).closedAt()).isEqualTo(closedAt);
    }
}
