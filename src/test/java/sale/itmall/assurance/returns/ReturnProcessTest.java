package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.FreightLeg;
import sale.itmall.assurance.policy.FreightLeg.Direction;
import sale.itmall.assurance.policy.FreightLeg.Payer;
import sale.itmall.assurance.policy.FreightLeg.Purpose;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.shared.Labels;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.tasks.StaffTask;
import sale.itmall.assurance.tasks.TaskRefused;

/**
 * Every path through bpmn/itmall-return-case.bpmn on the embedded engine, with the application's real job workers
 * and a real PostgreSQL. User tasks are asserted as Tasklist would show them, then carried on as their forms would.
 */
@ApplicationTest
class ReturnProcessTest {

    static final int YOUNG = 100; // days since shipping: inside the 12-month advance-replacement window
    static final int OLDER = 500; // past 12 months, still inside the 36-month infrastructure warranty

    @Autowired
    CaseRequests caseRequests;

    @Autowired
    WarehouseReceipts warehouseReceipts;

    @Autowired
    ReturnReports reports;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CaseStore store;

    @Autowired
    AssetStore assetStore;

    @Autowired
    CaseFindings caseFindings;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String submit(String customer, String serial) {
        return scenarios.submit(customer, serial, "Fans fail at boot");
    }

    String caseAtDiagnosis(String customer, AssetCategory category, int age) {
        return scenarios.caseAtDiagnosis(customer, category, age);
    }

    String caseAwaitingReturn(String customer, int age) {
        return scenarios.caseAwaitingReturn(customer, age);
    }

    List<String> auditTypes(String caseRef) {
        return audit.events(store.require(caseRef).id()).stream()
                .map(AuditEvent::type)
                .toList();
    }

    @Test
    void remoteDiagnosisIsATasklistTaskForTacWithItsFormAndSlaDueDate() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);

        StaffTask task = driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS);
        assertThat(task.candidateGroups()).containsExactly("tac-engineers");
        assertThat(task.formId()).isEqualTo("remote-diagnosis");
        CaseRecord c = store.require(caseRef);
        assertThat(task.dueAt()).isEqualTo(c.diagnosisDueAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(c.diagnosisDueAt())
                .isBetween(
                        clock.instant().plus(c.terms().diagnosisSla()).minusSeconds(60),
                        clock.instant().plus(c.terms().diagnosisSla()).plusSeconds(60));
        assertThat(c.entitlement().name()).isEqualTo("WARRANTY");
        assertThat(c.policyRevision()).isEqualTo("ITM-POL-2026.04");
        assertThat(driver.variables(caseRef))
                .containsEntry("entitlement", "WARRANTY")
                .containsEntry("serialNumber", c.serialNumber());
    }

    @Test
    void aFactACaseDoesNotHaveIsAbsentInTheEngineNotASentinel() {
        // accessories have no premium maintenance (§1.1): nothing for it, where "none" used to stand
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.ACCESSORY, YOUNG);
        Map<String, Object> engineHolds = driver.variables(caseRef);
        assertThat(engineHolds).containsEntry("entitlement", "WARRANTY").containsKey("warrantyEndsOn");
        assertThat(engineHolds.get("maintenanceEndsOn")).isNull();
        assertThat(engineHolds.get("caseOutcome")).isNull();
    }

    @Test
    void aProblemResolvedRemotelyClosesTheCase() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "RESOLVED_REMOTELY", "diagnosisNotes", "Firmware setting corrected"));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.RESOLVED_REMOTELY);
        driver.instance(caseRef).hasNotPassedElement(Elements.RMA_APPROVAL).hasPassedElement(Elements.CLOSE_CASE);
        assertThat(auditTypes(caseRef)).containsSubsequence("DIAGNOSIS_RECORDED", "CASE_CLOSED");
    }

    @Test
    void anAssetUnderAManufacturerPlanIsReferredWithoutDiagnosis() {
        String customer = fixtures.customer(true);
        String serial = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, YOUNG, false);
        // the plan is recorded after the request was accepted, before the process checks the entitlement
        String caseRef = scenarios
                .submitThenChange(
                        customer,
                        List.of(new ReturnRequests.Item(serial, "Fans fail at boot")),
                        () -> fixtures.setManufacturerPlan(serial))
                .get(0);

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.MANUFACTURER_REFERRAL);
        driver.instance(caseRef).hasNotPassedElement(Elements.REMOTE_DIAGNOSIS);
    }

    @Test
    void anAccessoryPastItsOneYearWarrantyGetsDiagnosisAndClosesOutOfWarrantyWhenNoRepairIsQuoted() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.ACCESSORY, 400);
        assertThat(store.require(caseRef).entitlement().name()).isEqualTo("OUT_OF_COVERAGE");
        driver.completeUserTask(caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "HARDWARE_DEFECT"));

        assertThat(driver.awaitClosed(caseRef).outcome()).isEqualTo(CaseOutcome.OUT_OF_WARRANTY);
        driver.instance(caseRef).hasNotPassedElement(Elements.AWAIT_QUOTE_ANSWER);
        driver.instance(caseRef).hasNotPassedElement(Elements.RMA_APPROVAL);
    }

    // ---- paid repair when the warranty does not pay -------------------------------------------------------------

    String quoted(String caseRef, String amount, String currency) {
        return scenarios.quote(caseRef, amount, currency);
    }

    String mail(String caseRef, String step) {
        return jdbc.sql("select body from notifications where case_id = ? and step = ?")
                .params(store.require(caseRef).id().value(), step)
                .query(String.class)
                .single();
    }

    @Test
    void aDefectUnderMaintenanceOnlyIsRepairedForThePriceTheCustomerAcceptedWithBothFreightLegsTheirs() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 400);
        CaseRecord atDiagnosis = store.require(caseRef);
        assertThat(atDiagnosis.entitlement().name()).isEqualTo("MAINTENANCE_ONLY");
        // the form's currency field starts from the asset's currency
        assertThat(driver.variables(caseRef)).containsEntry("repairQuoteCurrency", atDiagnosis.currency());

        quoted(caseRef, "180", "eur");
        CaseRecord c = store.require(caseRef);
        assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_QUOTE_ANSWER);
        Instant validUntil =
                caseFindings.repairQuote(c.id()).orElseThrow().quote().validUntil();
        assertThat(Duration.between(clock.instant(), validUntil))
                .isBetween(Duration.ofDays(14).minusMinutes(1), Duration.ofDays(14));
        assertThat(mail(caseRef, "diagnosis-result"))
                .contains("TAC quotes a paid repair: 180.00 EUR, valid until " + Labels.utc(validUntil))
                .contains("ship it back at your cost");

        CaseRequests.QuoteAnswer answer = caseRequests.answerRepairQuote(caseRef, "accept", "customer:test");
        assertThat(answer.answer()).isEqualTo(RepairQuote.Answer.ACCEPTED);
        // the same answer again changes nothing; the other one is refused
        assertThat(caseRequests
                        .answerRepairQuote(caseRef, "ACCEPT", "customer:test")
                        .answer())
                .isEqualTo(RepairQuote.Answer.ACCEPTED);
        assertThatThrownBy(() -> caseRequests.answerRepairQuote(caseRef, "DECLINE", "customer:test"))
                .isInstanceOf(ReturnRejected.class)
                .hasMessageContaining("already accepted");

        StaffTask approval = driver.userTask(caseRef, Elements.RMA_APPROVAL);
        assertThat(approval.candidateGroups()).containsExactly("rma-approvers");
        assertThat(mail(caseRef, "repair-quote-answer"))
                .contains("you accepted the paid repair")
                .contains("180.00 EUR");
        driver.completeUserTask(caseRef, Elements.RMA_APPROVAL, Map.of("rmaDecision", "APPROVE"));
        driver.awaitWaitingAt(caseRef, Elements.AWAIT_RETURN);
        driver.instance(caseRef).hasNotPassedElement(Elements.DISPATCH_ADVANCE);
        warehouseReceipts.publishReceipt(store.require(caseRef).rmaNumber(), "WH-" + caseRef, null);
        driver.completeUserTask(
                caseRef, Elements.INSPECTION, Map.of("benchFinding", "DEFECT_CONFIRMED", "resolution", "REPAIR"));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.PAID_REPAIR);
        assertThat(closed.newWarrantyEndsOn()).isNull();
        assertThat(caseFindings.charges(closed.id())).singleElement().satisfies(ch -> {
            assertThat(ch.reason()).isEqualTo(ChargeReason.PAID_REPAIR);
            assertThat(ch.amount()).isEqualByComparingTo("180.00");
            assertThat(ch.currency()).isEqualTo("EUR");
            assertThat(ch.status()).isEqualTo(ChargeStatus.CAPTURED);
        });
        assertThat(caseFindings.shipments(closed.id()))
                .containsExactly(
                        new FreightLeg(Direction.INBOUND, Purpose.FAULTY_UNIT, Payer.CLIENT),
                        new FreightLeg(Direction.OUTBOUND, Purpose.REPAIRED_UNIT, Payer.CLIENT));
        assertThat(auditTypes(caseRef))
                .containsSubsequence(
                        "DIAGNOSIS_RECORDED",
                        "REPAIR_QUOTE_ACCEPTED",
                        "RMA_AUTHORIZED",
                        "UNIT_RECEIVED",
                        "INSPECTION_RECORDED",
                        "OUTBOUND_SHIPMENT_ARRANGED",
                        "CASE_CLOSED");
        assertThat(mail(caseRef, "resolution")).contains("charged at the quoted 180.00 EUR");
    }

    @Test
    void anOutOfCoverageAssetIsDiagnosedAndADeclinedQuoteClosesTheCaseWithNothingCharged() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.ACCESSORY, 400);
        quoted(caseRef, "75.50", "USD");

        caseRequests.answerRepairQuote(caseRef, "DECLINE", "customer:test");

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.REPAIR_QUOTE_DECLINED);
        driver.instance(caseRef).hasNotPassedElement(Elements.RMA_APPROVAL);
        assertThat(caseFindings.charges(closed.id())).isEmpty();
        assertThat(mail(caseRef, "repair-quote-answer"))
                .contains("you declined the paid repair")
                .contains("Nothing is charged and the case is closed");
    }

    @Test
    void anUnansweredQuoteExpiresAtItsValidityAndCanNoLongerBeAccepted() {
        String caseRef =
                quoted(caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 400), "99.00", "USD");

        driver.advanceClock(Duration.ofDays(14).plusMinutes(1));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.REPAIR_QUOTE_EXPIRED);
        assertThat(caseFindings.repairQuote(closed.id()).orElseThrow().answeredBy())
                .isEqualTo("system:repair-quote-timer");
        assertThat(mail(caseRef, "repair-quote-answer")).contains("expired on");
        assertThatThrownBy(() -> caseRequests.answerRepairQuote(caseRef, "ACCEPT", "customer:test"))
                .isInstanceOf(ReturnRejected.class)
                .hasMessageContaining("already expired");
    }

    @Test
    void aQuoteWithoutAPriceAboveZeroOpensAnIncidentThatSaysWhatToFix() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 400);
        Map<String, Object> form =
                Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "repairQuoteAmount", 0, "repairQuoteCurrency", "USD");
        // the queue refuses it at the door, naming the field
        assertThatThrownBy(() -> driver.completeUserTask(caseRef, Elements.REMOTE_DIAGNOSIS, form))
                .isInstanceOf(TaskRefused.class)
                .hasMessageContaining("Paid repair price")
                .hasMessageContaining("at least 0.01");
        // a client that skips the form meets the worker's rule: an incident that says what to fix
        driver.completeBypassingTheForm(driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS), form);

        assertThat(driver.awaitIncident(caseRef).getErrorMessage()).contains("needs an amount above zero");
        assertThat(caseFindings.repairQuote(store.require(caseRef).id())).isEmpty();
    }

    @Test
    void aTerminalUnderMaintenanceOnlyGetsDiagnosisButNoFreeHardwareService() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 400);
        assertThat(store.require(caseRef).entitlement().name()).isEqualTo("MAINTENANCE_ONLY");
        driver.completeUserTask(caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "HARDWARE_DEFECT"));

        assertThat(driver.awaitClosed(caseRef).outcome()).isEqualTo(CaseOutcome.OUT_OF_WARRANTY);
        driver.instance(caseRef).hasNotPassedElement(Elements.RMA_APPROVAL);
    }

    @Test
    void anExclusionAtDiagnosisIsRecordedWithItsReasonCode() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "EXCLUDED", "exclusionReason", "ACCIDENT_LIQUID"));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.EXCLUDED);
        assertThat(jdbc.sql("select exclusion_reason from diagnoses where case_id = ?")
                        .param(closed.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("ACCIDENT_LIQUID");
    }

    @Test
    void anExclusionWithoutAReasonOpensAnIncidentThatSaysWhatToFix() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
        driver.completeUserTask(caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "EXCLUDED"));

        IncidentRecordValue incident = driver.awaitIncident(caseRef);
        assertThat(incident.getElementId()).isEqualTo(Elements.RECORD_DIAGNOSIS);
        assertThat(incident.getErrorMessage()).contains("needs a reason code").contains("retry the incident");
        assertThat(store.require(caseRef).closed()).isFalse();
    }

    @Test
    void aRejectedRmaClosesTheCase() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.ENTERPRISE_INFRASTRUCTURE, OLDER);
        driver.completeUserTask(caseRef, Elements.REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "HARDWARE_DEFECT"));
        StaffTask approval = driver.userTask(caseRef, Elements.RMA_APPROVAL);
        assertThat(approval.candidateGroups()).containsExactly("rma-approvers");
        assertThat(approval.formId()).isEqualTo("rma-approval");

        driver.completeUserTask(
                caseRef,
                Elements.RMA_APPROVAL,
                Map.of("rmaDecision", "REJECT", "approvalNotes", "Serial does not match the order"));
        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.RMA_REJECTED);
        assertThat(closed.rmaNumber()).isNull();
    }

    @Test
    void aStandardRmaReturnedOnTimeIsRepairedAndShippedBackAtItmallsCost() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), OLDER);
        CaseRecord authorized = store.require(caseRef);
        assertThat(authorized.rmaNumber()).startsWith("RMA-");
        assertThat(Duration.between(authorized.rmaAuthorizedAt(), authorized.returnDueAt()))
                .isEqualTo(Duration.ofDays(10));
        assertThat(Duration.between(authorized.rmaAuthorizedAt(), authorized.complianceLimitAt()))
                .isEqualTo(Duration.ofDays(20));
        driver.instance(caseRef).hasNotPassedElement(Elements.DISPATCH_ADVANCE);
        assertThat(caseFindings.shipments(authorized.id()))
                .containsExactly(new FreightLeg(Direction.INBOUND, Purpose.FAULTY_UNIT, Payer.CLIENT));
        // the engine holds dates as Operate and FEEL read them (ISO-8601, instants to the second)
        Map<String, Object> engineHolds = driver.variables(caseRef);
        assertThat(engineHolds)
                .containsEntry(
                        "returnDueAt",
                        authorized.returnDueAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .containsEntry("warrantyEndsOn", authorized.warrantyEndsOn().toString())
                .containsEntry("entitlement", "WARRANTY");
        assertThat((String) engineHolds.get("diagnosisDueAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

        warehouseReceipts.publishReceipt(authorized.rmaNumber(), "WH-" + caseRef, null);
        StaffTask inspection = driver.userTask(caseRef, Elements.INSPECTION);
        assertThat(inspection.candidateGroups()).containsExactly("service-bench");
        assertThat(inspection.formId()).isEqualTo("inspection");
        assertThat(store.require(caseRef).receivedAt()).isNotNull();

        driver.completeUserTask(
                caseRef, Elements.INSPECTION, Map.of("benchFinding", "DEFECT_CONFIRMED", "resolution", "REPAIR"));
        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.REPAIRED);
        assertThat(closed.newWarrantyEndsOn()).isEqualTo(authorized.warrantyEndsOn());
        assertThat(caseFindings.shipments(closed.id()))
                .contains(new FreightLeg(Direction.OUTBOUND, Purpose.REPAIRED_UNIT, Payer.ITMALL));
        assertThat(auditTypes(caseRef))
                .containsSubsequence(
                        "ENTITLEMENT_CHECKED",
                        "DIAGNOSIS_RECORDED",
                        "RMA_AUTHORIZED",
                        "UNIT_RECEIVED",
                        "INSPECTION_RECORDED",
                        "OUTBOUND_SHIPMENT_ARRANGED",
                        "CASE_CLOSED");
    }

    @Test
    void anEarlyDefectGetsAnAdvanceReplacementAndItmallOwnsTheFaultyUnit() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), YOUNG);
        driver.instance(caseRef).hasPassedElementsInOrder(Elements.DISPATCH_ADVANCE, Elements.TRANSFER_OWNERSHIP);
        CaseRecord c = store.require(caseRef);
        ReplacementUnit replacement = assetStore.findReplacement(c.id()).orElseThrow();
        assertThat(replacement.kind()).isEqualTo(ReplacementKind.ADVANCE);
        assertThat(replacement.warrantyEndsOn()).isEqualTo(c.warrantyEndsOn());
        assertThat(jdbc.sql("select owner from assets where id = ?")
                        .param(c.assetId().value())
                        .query(String.class)
                        .single())
                .isEqualTo("ITMALL");
        assertThat(caseFindings.shipments(c.id()))
                .contains(new FreightLeg(Direction.OUTBOUND, Purpose.ADVANCE_REPLACEMENT, Payer.ITMALL));

        warehouseReceipts.publishReceipt(c.rmaNumber(), "WH-" + caseRef, null);
        driver.completeUserTask(caseRef, Elements.INSPECTION, Map.of("benchFinding", "DEFECT_CONFIRMED"));
        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.REPLACED);
        assertThat(caseFindings.shipments(closed.id()))
                .filteredOn(l -> l.direction() == Direction.OUTBOUND)
                .containsExactly(new FreightLeg(Direction.OUTBOUND, Purpose.ADVANCE_REPLACEMENT, Payer.ITMALL));
    }

    @Test
    void anInvalidClaimFoundOnTheBenchShipsBackAtTheClientsCost() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), OLDER);
        warehouseReceipts.publishReceipt(store.require(caseRef).rmaNumber(), "WH-" + caseRef, null);
        driver.completeUserTask(
                caseRef, Elements.INSPECTION, Map.of("benchFinding", "EXCLUDED", "exclusionReason", "MOD_SELF_REPAIR"));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.EXCLUDED);
        assertThat(caseFindings.shipments(closed.id()))
                .contains(new FreightLeg(Direction.OUTBOUND, Purpose.UNREPAIRED_UNIT, Payer.CLIENT));
    }

    @Test
    void tenDaysAfterAuthorizationTheCustomerGetsAnOverdueNoticeAndTheReturnStillWaits() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), OLDER);
        driver.instance(caseRef).hasNotPassedElement(Elements.OVERDUE_NOTICE);

        driver.advanceClock(Duration.ofDays(10).plusMinutes(1));
        driver.awaitPassed(caseRef, Elements.OVERDUE_NOTICE);
        driver.awaitWaitingAt(caseRef, Elements.AWAIT_RETURN);
        assertThat(auditTypes(caseRef)).contains("RETURN_OVERDUE");

        warehouseReceipts.publishReceipt(store.require(caseRef).rmaNumber(), "WH-" + caseRef, null);
        driver.awaitWaitingAt(caseRef, Elements.INSPECTION);
        assertThat(driver.variables(caseRef)).containsEntry("returnStanding", "OVERDUE");
    }

    /** A customer abroad reads every mail in their language, each deadline in their zone with its offset. */
    @Test
    void aCustomerInBerlinReadsTheirMailsInGermanWithDeadlinesInTheirZone() {
        String customer = fixtures.customer(true);
        jdbc.sql("update customers set language = 'de', time_zone = 'Europe/Berlin' where customer_number = ?")
                .param(customer)
                .update();
        String caseRef = caseAwaitingReturn(customer, YOUNG);
        CaseRecord c = store.require(caseRef);
        DateTimeFormatter berlin =
                DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'xxx").withZone(ZoneId.of("Europe/Berlin"));
        String returnBy = berlin.format(c.returnDueAt());
        assertThat(returnBy).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d UTC\\+0[12]:00");

        assertThat(jdbc.sql("select subject from notifications where case_id = ? and step = 'rma-authorized'")
                        .param(c.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("RMA " + c.rmaNumber() + " genehmigt: Rücksendung bis " + returnBy);
        assertThat(mail(caseRef, "rma-authorized"))
                .startsWith("Guten Tag ")
                .contains("- senden Sie es bis " + returnBy + " an ITMall (innerhalb von 10 Tagen)")
                .contains("Geräte, die nicht bis " + berlin.format(c.complianceLimitAt()) + " (20 Tage)")
                .contains("Zeiten in Europe/Berlin.")
                .doesNotContain("Dear", "return by");
        assertThat(mail(caseRef, "advance-shipped"))
                .contains("vorab ein Austauschgerät")
                .contains(returnBy);

        driver.advanceClock(Duration.ofDays(10).plusMinutes(1));
        driver.awaitPassed(caseRef, Elements.OVERDUE_NOTICE);
        await().until(() -> jdbc.sql("select count(*) from notifications where case_id = ? and step = 'return-overdue'")
                        .param(c.id().value())
                        .query(Integer.class)
                        .single()
                == 1);
        assertThat(mail(caseRef, "return-overdue"))
                .contains("fällig bis " + returnBy)
                .contains("Nach " + berlin.format(c.complianceLimitAt()) + " wird der volle Gerätepreis berechnet.");
    }

    @Test
    void twentyDaysAfterAuthorizationTheUnreturnedAdvanceUnitIsChargedAtFullUnitPrice() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), YOUNG);
        driver.advanceClock(Duration.ofDays(20).plusMinutes(1));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.CHARGED_FULL_UNIT_PRICE);
        assertThat(caseFindings.charges(closed.id())).singleElement().satisfies(charge -> {
            assertThat(charge.reason()).isEqualTo(ChargeReason.UNRETURNED_ADVANCE_UNIT);
            assertThat(charge.amount()).isEqualByComparingTo("2500.00");
            assertThat(charge.status()).isEqualTo(ChargeStatus.CAPTURED);
        });
    }

    @Test
    void aDeclinedChargeSuspendsTheAccountWhichThenOpensNoNewRma() {
        String customer = fixtures.customer(false);
        String caseRef = caseAwaitingReturn(customer, YOUNG);
        driver.advanceClock(Duration.ofDays(20).plusMinutes(1));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.ACCOUNT_SUSPENDED);
        driver.instance(caseRef).hasPassedElement(Elements.SUSPEND_ACCOUNT);
        assertThat(fixtures.accountStatus(customer)).isEqualTo("SUSPENDED");
        assertThat(caseFindings.charges(closed.id())).singleElement().satisfies(charge -> assertThat(charge.status())
                .isEqualTo(ChargeStatus.DECLINED));

        // the doors refuse a new return at once (one rule for the lookup, the wizard and the API)
        String spare = fixtures.asset(customer, AssetCategory.ACCESSORY, 10, false);
        assertThatThrownBy(() -> submit(customer, spare))
                .isInstanceOf(ReturnRejected.class)
                .hasMessageContaining("suspended");
    }

    @Test
    void aStandardRmaNotReturnedWithinTwentyDaysExpires() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), OLDER);
        driver.advanceClock(Duration.ofDays(20).plusMinutes(1));

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.RMA_EXPIRED);
        assertThat(caseFindings.charges(closed.id())).isEmpty();
        driver.instance(caseRef).hasPassedElement(Elements.EXPIRE_RMA).hasNotPassedElement(Elements.CHARGE_UNIT_PRICE);

        // the unit turns up after all: the receipt is kept with the closed case and shown to staff, once
        warehouseReceipts.publishReceipt(closed.rmaNumber(), "WH-LATE-" + caseRef, null);
        warehouseReceipts.publishReceipt(closed.rmaNumber(), "WH-LATE-" + caseRef, null);
        CaseRecord after = store.require(caseRef);
        assertThat(after.receivedAt()).isNotNull();
        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(after.outcome()).isEqualTo(CaseOutcome.RMA_EXPIRED);
        assertThat(auditTypes(caseRef)).containsOnlyOnce("UNIT_RECEIVED_AFTER_CLOSE");
        ReturnReports.Report late = reports.report("received-after-close");
        assertThat(late.rows())
                .anySatisfy(row -> assertThat(row).contains(caseRef, "RMA_EXPIRED", "WH-LATE-" + caseRef));
    }

    // ---- units that arrive after the compliance limit
    // ----------------------------------------------------------------

    /** A case past day 20, closed as {@code outcome}, whose unit then reaches the warehouse. */
    StaffTask lateUnit(String caseRef, CaseOutcome outcome, String decidingTask, String... answerWords) {
        driver.advanceClock(Duration.ofDays(20).plusMinutes(1));
        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(outcome);
        WarehouseReceipts.ReceiptAnswer answer =
                warehouseReceipts.publishReceipt(closed.rmaNumber(), "WH-L-" + caseRef, null);
        assertThat(answer.status()).isEqualTo("HELD_FOR_DECISION");
        assertThat(answer.nextStep()).contains("Hold the unit").contains(answerWords);
        // a second receipt of the same unit starts nothing more
        warehouseReceipts.publishReceipt(closed.rmaNumber(), "WH-L-" + caseRef, null);
        StaffTask task = driver.userTaskOf(ProcessContract.LATE_UNIT_PROCESS_ID, decidingTask, caseRef);
        assertThat(task.formId()).isEqualTo("late-unit");
        assertThat(jdbc.sql("select step from notifications where case_id = ? order by id")
                        .param(closed.id().value())
                        .query(String.class)
                        .list())
                .contains("late-unit-received");
        return task;
    }

    /** Completes the deciding task with its form; its output mapping names the deciding group ({@code by}). */
    Map<String, Object> decide(StaffTask task, String decision, String reason, String by) {
        Map<String, Object> form = new HashMap<>();
        form.put("lateUnitDecision", decision);
        form.put("lateUnitReason", reason);
        driver.completeUserTask(task, form);
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() ->
                        by.equals(driver.variablesOf(task.processInstanceKey()).get("lateUnitDecidedBy")));
        form.put("lateUnitDecidedBy", by);
        return form;
    }

    @Test
    void aUnitArrivingAfterItsChargeGoesToGovernanceWhoRefundTheChargeAsACreditNote() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), YOUNG);
        StaffTask task = lateUnit(
                caseRef,
                CaseOutcome.CHARGED_FULL_UNIT_PRICE,
                Elements.LATE_UNIT_GOVERNANCE,
                "refund the full-unit charge (credit note) or keep the charge");
        assertThat(task.candidateGroups()).containsExactly("service-governance");
        Map<String, Object> vars = driver.variablesOf(task.processInstanceKey());
        assertThat(vars)
                .containsEntry("closedAs", "CHARGED_FULL_UNIT_PRICE")
                .containsEntry("rmaNumber", store.require(caseRef).rmaNumber());
        assertThat(vars.get("lateUnitOptions").toString())
                .contains("REFUND_CHARGE", "KEEP_CHARGE")
                .doesNotContain("RESUME_INSPECTION");
        assertThat(vars.get("chargeSummary").toString()).contains("2500.00");

        decide(task, "REFUND_CHARGE", "Unit came back in full working order", "service-governance");
        driver.awaitCompleted(task.processInstanceKey());
        CaseRecord c = store.require(caseRef);
        assertThat(caseFindings.charges(c.id()))
                .extracting(CaseFindings.ChargeRow::reason, CaseFindings.ChargeRow::status)
                .containsExactly(
                        Tuple.tuple(ChargeReason.UNRETURNED_ADVANCE_UNIT, ChargeStatus.CAPTURED),
                        Tuple.tuple(ChargeReason.CREDIT_NOTE, ChargeStatus.ISSUED));
        assertThat(c.outcome()).isEqualTo(CaseOutcome.CHARGED_FULL_UNIT_PRICE);
        assertThat(audit.events(c.id()))
                .filteredOn(e -> e.type().equals("LATE_UNIT_DECIDED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.detail()).isEqualTo("REFUND_CHARGE: Unit came back in full working order");
                    assertThat(e.actor()).isEqualTo("tasklist:service-governance");
                    assertThat(e.policyRevision()).isEqualTo("ITM-POL-2026.04");
                });
        assertThat(jdbc.sql("select body from notifications where case_id = ? and step = 'late-unit-decided'")
                        .param(c.id().value())
                        .query(String.class)
                        .single())
                .contains("a credit note of 2500.00")
                .contains("Reason: Unit came back in full working order");
        assertThat(reports.report("received-after-close").rows())
                .anySatisfy(row -> assertThat(row).contains(caseRef, "REFUND_CHARGE"));
    }

    @Test
    void aSuspendedAccountIsReinstatedWhenItsLateUnitArrivesAndOpensReturnsAgain() {
        String customer = fixtures.customer(false);
        String caseRef = caseAwaitingReturn(customer, YOUNG);
        StaffTask task = lateUnit(
                caseRef, CaseOutcome.ACCOUNT_SUSPENDED, Elements.LATE_UNIT_GOVERNANCE, "reinstate the account");
        assertThat(fixtures.accountStatus(customer)).isEqualTo("SUSPENDED");

        decide(task, "REINSTATE_ACCOUNT", "Unit returned, charge no longer due", "service-governance");
        driver.awaitCompleted(task.processInstanceKey());
        assertThat(fixtures.accountStatus(customer)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select reason from account_reinstatements r join customers c on c.id = r.customer_id"
                                + " where c.customer_number = ?")
                        .param(customer)
                        .query(String.class)
                        .list())
                .containsExactly("Unit returned, charge no longer due");
        String spare = fixtures.asset(customer, AssetCategory.ACCESSORY, 10, false);
        assertThat(submit(customer, spare)).startsWith("RC-");
    }

    @Test
    void anExpiredRmaWhoseUnitArrivesLateResumesItsInspectionAndIsRepairedAtItmallsCost() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), OLDER);
        StaffTask task = lateUnit(
                caseRef,
                CaseOutcome.RMA_EXPIRED,
                Elements.LATE_UNIT_RMA,
                "resume the inspection or ship the unit back at the client's cost");
        assertThat(task.candidateGroups()).containsExactly("rma-approvers");

        Map<String, Object> form = decide(task, "RESUME_INSPECTION", "Customer's courier lost a week", "rma-approvers");
        driver.awaitWaitingAtOf(task.processInstanceKey(), Elements.INSPECTION);
        assertThat(store.require(caseRef).closed()).isFalse();
        assertThat(store.require(caseRef).status()).isEqualTo(CaseStatus.RECEIVED);

        assertThat(driver.variablesOf(task.processInstanceKey())).containsAllEntriesOf(form);

        StaffTask inspection = driver.userTaskOf(ProcessContract.LATE_UNIT_PROCESS_ID, Elements.INSPECTION, caseRef);
        assertThat(inspection.candidateGroups()).containsExactly("service-bench");
        driver.completeUserTask(
                inspection,
                Map.of("benchFinding", "DEFECT_CONFIRMED", "resolution", "REPAIR", "inspectionNotes", "Fan replaced"));
        driver.awaitCompleted(task.processInstanceKey());
        CaseRecord repaired = store.require(caseRef);
        assertThat(repaired.outcome()).isEqualTo(CaseOutcome.REPAIRED);
        assertThat(caseFindings.shipments(repaired.id()))
                .filteredOn(leg -> leg.direction() == Direction.OUTBOUND)
                .singleElement()
                .satisfies(leg -> {
                    assertThat(leg.purpose()).isEqualTo(Purpose.REPAIRED_UNIT);
                    assertThat(leg.payer()).isEqualTo(FreightLeg.Payer.ITMALL);
                });
        assertThat(auditTypes(caseRef))
                .containsSubsequence("CASE_CLOSED", "UNIT_RECEIVED_AFTER_CLOSE", "LATE_UNIT_DECIDED", "CASE_CLOSED");
    }

    @Test
    void aLateUnitDecisionTheClosingDoesNotAllowOpensAnIncidentThatSaysWhichApply() {
        String caseRef = caseAwaitingReturn(fixtures.customer(true), OLDER);
        StaffTask task = lateUnit(caseRef, CaseOutcome.RMA_EXPIRED, Elements.LATE_UNIT_RMA, "ship the unit back");
        Map<String, Object> wrong = Map.of("lateUnitDecision", "REFUND_CHARGE", "lateUnitReason", "wrong choice");
        // the form offers only the decisions that apply, and the queue refuses any other by name
        assertThatThrownBy(() -> driver.completeUserTask(task, wrong))
                .isInstanceOf(TaskRefused.class)
                .hasMessageContaining("Decision has 'REFUND_CHARGE', which is not one of its options");
        // a client that skips the form meets the worker's rule: an incident that says which apply
        driver.completeBypassingTheForm(task, wrong);
        IncidentRecordValue incident = driver.awaitIncidentOf(task.processInstanceKey());
        assertThat(incident.getElementId()).isEqualTo(Elements.RECORD_LATE_UNIT);
        assertThat(incident.getErrorMessage())
                .contains("REFUND_CHARGE does not apply to a case closed as RMA_EXPIRED")
                .contains("RESUME_INSPECTION, SHIP_BACK");
        assertThat(store.require(caseRef).closed()).isTrue();
    }

    @Test
    void theCustomerCanCancelBeforeTheUnitIsReceived() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
        caseRequests.requestCancellation(caseRef, "Found a loose cable");

        CaseRecord closed = driver.awaitClosed(caseRef);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.CANCELLED);
        driver.instance(caseRef).hasPassedElement(Elements.CANCEL_RETURN);
        assertThatThrownBy(() -> caseRequests.requestCancellation(caseRef, "again"))
                .isInstanceOf(ReturnRejected.class)
                .hasMessageContaining("can no longer be cancelled");
    }

    @Test
    void aBreachedDiagnosisSlaEscalatesToLevel3WhileTheTaskStaysOpen() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
        driver.advanceClock(store.require(caseRef).terms().diagnosisSla().plusMinutes(1));

        driver.awaitPassed(caseRef, Elements.ESCALATE_DIAGNOSIS);
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
        assertThat(auditTypes(caseRef)).contains("DIAGNOSIS_SLA_BREACHED");
    }

    @Test
    void aPolicyDisputeOnAnOpenCaseReachesTheServiceGovernanceTeamWithoutStoppingTheCase() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
        caseRequests.raisePolicyDispute(caseRef, "The drop was during ITMall's own installation");

        StaffTask task = driver.userTaskOf(ProcessContract.DISPUTE_PROCESS_ID, Elements.DISPUTE_REVIEW, caseRef);
        assertThat(task.candidateGroups()).containsExactly("service-governance");
        assertThat(task.formId()).isEqualTo("policy-dispute");
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
    }

    @Test
    void aPolicyDisputeOnAClosedCaseCarriesTheCaseHistoryAndItsRulingIsRecorded() {
        String caseRef = caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, YOUNG);
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "EXCLUDED", "exclusionReason", "ACCIDENT_DROP"));
        driver.awaitClosed(caseRef);
        caseRequests.raisePolicyDispute(caseRef, "It was dropped by your courier");

        StaffTask task = driver.userTaskOf(ProcessContract.DISPUTE_PROCESS_ID, Elements.DISPUTE_REVIEW, caseRef);
        Map<String, Object> vars = driver.variablesOf(task.processInstanceKey());
        assertThat(vars)
                .containsEntry("caseOutcome", "EXCLUDED")
                .containsEntry("disputeStatement", "It was dropped by your courier");
        assertThat(vars.get("caseHistory").toString())
                .contains("DIAGNOSIS_RECORDED")
                .contains("ACCIDENT_DROP");
        // every fact the governance form shows reaches the dispute instance
        CaseRecord closed = store.require(caseRef);
        assertThat(vars)
                .containsEntry("entitlement", "WARRANTY")
                .containsEntry("warrantyEndsOn", closed.warrantyEndsOn().toString())
                .containsEntry("policyRevision", "ITM-POL-2026.04")
                .containsEntry("caseLink", "http://localhost:8080/staff/cases/" + caseRef);
        assertThat(vars.get("entitlementExplanation").toString()).startsWith("Under ITMall warranty through");

        driver.completeUserTask(
                task,
                Map.of(
                        "disputeDecision",
                        "UPHELD",
                        "governanceRuling",
                        "Courier damage is ours: we repair it under warranty"));
        driver.awaitCompleted(task.processInstanceKey());
        assertThat(audit.events(store.require(caseRef).id()))
                .extracting(AuditEvent::type)
                .contains("POLICY_DISPUTE_RAISED", "POLICY_DISPUTE_RULED");
    }

    @Test
    void aRequestForAnAssetAlreadyInAnOpenReturnIsRefusedAndWritesNothing() {
        String customer = fixtures.customer(true);
        String serial = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, YOUNG, false);
        submit(customer, serial);
        long before = jdbc.sql("select count(*) from return_requests")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> submit(customer, serial))
                .isInstanceOf(ReturnRejected.class)
                .hasMessageContaining("in an open return");
        assertThat(jdbc.sql("select count(*) from return_requests")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void oneRequestWithSeveralItemsRunsOneCaseEach() {
        String customer = fixtures.customer(true);
        String young = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, YOUNG, false);
        String planned = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, YOUNG, false);
        List<String> refs = scenarios.submitThenChange(
                customer,
                List.of(
                        new ReturnRequests.Item(young, "Screen flickers"),
                        new ReturnRequests.Item(planned, "Battery swollen")),
                () -> fixtures.setManufacturerPlan(planned));

        assertThat(refs).hasSize(2);
        driver.awaitWaitingAt(refs.get(0), Elements.REMOTE_DIAGNOSIS);
        assertThat(driver.awaitClosed(refs.get(1)).outcome()).isEqualTo(CaseOutcome.MANUFACTURER_REFERRAL);
        assertThat(store.findByRequest(store.require(refs.get(0)).requestReference()))
                .hasSize(2);
    }
}
