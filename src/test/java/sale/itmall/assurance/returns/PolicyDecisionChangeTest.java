package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/**
 * A process owner changes a term in the decision and deploys it, with no Java change and no restart: new lookups and
 * new cases follow the new revision, a case already running keeps the terms it started with, and each case's audit
 * names the revision and decision version it ran under.
 */
@ApplicationTest
class PolicyDecisionChangeTest {

    static final Path DECISION = Path.of("bpmn/itmall-policy-terms.dmn");

    @Autowired
    CamundaClient camunda;

    @Autowired
    PolicyDecision decision;

    @Autowired
    CustomerAccounts customerAccounts;

    @Autowired
    WarrantyLookup warrantyLookup;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    CaseStore store;

    @Autowired
    AuditTrail audit;

    /** The published decision with accessories under a 24-month warranty, as revision ITM-POL-2027.01. */
    static String revised() throws Exception {
        String dmn = Files.readString(DECISION);
        String accessoryRule = dmn.substring(dmn.indexOf("<rule id=\"Rule_Accessory\">"));
        String changedRule = accessoryRule.replaceFirst(
                "(<outputEntry id=\"LiteralExpression_Rule3_Warranty\">\\s*<text>)12(</text>)", "$124$2");
        return dmn.replace(accessoryRule, changedRule).replace("ITM-POL-2026.04", "ITM-POL-2027.01");
    }

    void deploy(String dmn) {
        camunda.newDeployResourceCommand()
                .addResourceBytes(dmn.getBytes(StandardCharsets.UTF_8), "itmall-policy-terms.dmn")
                .send()
                .join();
        decision.refresh();
    }

    @AfterEach
    void republishThePolicy() throws Exception {
        deploy(Files.readString(DECISION)); // the other tests share the engine: back to ITM-POL-2026.04
        assertThat(decision.current(AssetCategory.ACCESSORY).terms().policyRevision())
                .isEqualTo("ITM-POL-2026.04");
    }

    @Test
    void aNewDecisionRevisionGovernsNewLookupsAndCasesWhileRunningCasesKeepTheirTerms() throws Exception {
        String customer = fixtures.customer(true);
        // an accessory 400 days old: out of a 12-month warranty, inside a 24-month one
        String oldSpare = fixtures.asset(customer, AssetCategory.ACCESSORY, 400, false);
        String running = scenarios.caseAtDiagnosis(customer, AssetCategory.ACCESSORY, 100);
        CaseRecord before = store.require(running);
        assertThat(before.terms().warrantyMonths()).isEqualTo(12);
        Customer account = customerAccounts.customerByNumber(customer).orElseThrow();
        assertThat(warrantyLookup.warranty(account, oldSpare).entitlement())
                .isEqualTo(EntitlementStatus.OUT_OF_COVERAGE);

        deploy(revised());

        // the lookup follows the new revision at once
        WarrantyLookup.AssetView lookup = warrantyLookup.warranty(account, oldSpare);
        assertThat(lookup.entitlement()).isEqualTo(EntitlementStatus.WARRANTY);
        assertThat(lookup.terms().policyRevision()).isEqualTo("ITM-POL-2027.01");
        assertThat(lookup.terms().warrantyMonths()).isEqualTo(24);

        // a new case runs under it, and records it
        String fresh = scenarios.submit(customer, oldSpare, "Module does not power up");
        driver.awaitWaitingAt(fresh, Elements.REMOTE_DIAGNOSIS);
        CaseRecord after = store.require(fresh);
        assertThat(after.policyRevision()).isEqualTo("ITM-POL-2027.01");
        assertThat(after.terms().warrantyMonths()).isEqualTo(24);
        assertThat(after.entitlement().name()).isEqualTo("WARRANTY");
        assertThat(after.policyDecisionVersion()).isGreaterThan(before.policyDecisionVersion());
        assertThat(after.policyDecisionKey()).isNotEqualTo(before.policyDecisionKey());
        assertThat(driver.variables(fresh)).containsEntry("policyRevision", "ITM-POL-2027.01");

        // the running case keeps the terms it started with, through its later steps
        driver.completeUserTask(
                running,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "No power"));
        driver.awaitWaitingAt(running, Elements.RMA_APPROVAL);
        CaseRecord stillOld = store.require(running);
        assertThat(stillOld.policyRevision()).isEqualTo("ITM-POL-2026.04");
        assertThat(stillOld.terms().warrantyMonths()).isEqualTo(12);
        assertThat(stillOld.warrantyEndsOn()).isEqualTo(before.warrantyEndsOn());

        // each case's audit names the revision and decision version it ran under
        assertThat(audit.events(stillOld.id()))
                .allSatisfy(e -> assertThat(e.policyRevision()).isEqualTo("ITM-POL-2026.04"));
        assertThat(audit.events(after.id()))
                .filteredOn(e -> e.type().equals("POLICY_TERMS_APPLIED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.policyRevision()).isEqualTo("ITM-POL-2027.01");
                    assertThat(e.detail())
                            .contains("itmall-policy-terms v" + after.policyDecisionVersion())
                            .contains("warranty 24 months");
                });
    }
}
