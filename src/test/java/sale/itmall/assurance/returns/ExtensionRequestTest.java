package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.tasks.StaffTask;

/** bpmn/itmall-coverage-extension.bpmn on the embedded engine: a customer's request reaches governance and back. */
@ApplicationTest
class ExtensionRequestTest {

    @Autowired
    CaseRequests caseRequests;

    @Autowired
    CustomerAccounts customerAccounts;

    @Autowired
    WarrantyLookup warrantyLookup;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExtensionRequestReachesTheGovernanceTeamWithTheAssetsFactsAndItsAnswerReachesTheCustomer() {
        String number = fixtures.customer(true);
        String serial = fixtures.asset(number, AssetCategory.END_USER_TERMINAL, 345, false);
        Customer customer = customerAccounts.customerByNumber(number).orElseThrow();

        String ref = caseRequests.requestExtension(customer, serial, "Two more years, **please**", "customer:test");
        assertThatThrownBy(() -> caseRequests.requestExtension(customer, serial, null, "customer:test"))
                .isInstanceOf(ReturnRejected.class)
                .hasMessageContaining("already asked for");

        StaffTask task = driver.userTaskWith(
                ProcessContract.EXTENSION_PROCESS_ID, ProcessContract.Elements.REVIEW_EXTENSION, "extensionRef", ref);
        assertThat(task.candidateGroups()).containsExactly("service-governance");
        assertThat(task.formId()).isEqualTo("coverage-extension");
        WarrantyLookup.AssetView asset = warrantyLookup.warranty(customer, serial);
        assertThat(driver.variablesOf(task.processInstanceKey()))
                .containsEntry("serialNumber", serial)
                .containsEntry("customerNumber", number)
                .containsEntry("entitlement", "WARRANTY")
                .containsEntry("warrantyEndsOn", asset.warrantyEndsOn().toString())
                .containsEntry("customerNote", "Two more years, **please**");
        assertThat(warrantyLookup.extensions(customer).get(serial).decision()).isNull();

        driver.completeUserTask(
                task,
                Map.of(
                        "extensionDecision",
                        "OFFERED",
                        "extensionAnswer",
                        "Two more years for 180 USD; reply to sign."));
        driver.awaitCompleted(task.processInstanceKey());

        WarrantyLookup.Extension answered = warrantyLookup.extensions(customer).get(serial);
        assertThat(answered.decision()).isEqualTo("OFFERED");
        assertThat(answered.answer()).isEqualTo("Two more years for 180 USD; reply to sign.");
        assertThat(jdbc.sql("select body from notifications where step = ?")
                        .param("extension-" + ref)
                        .query(String.class)
                        .single())
                .contains("they offer an extended warranty agreement")
                .contains("Two more years for 180 USD; reply to sign.")
                .contains("services@itmall.sale");
        // answered, the asset can be asked about again
        assertThat(caseRequests.requestExtension(customer, serial, null, "customer:test"))
                .isNotEqualTo(ref);
    }

    @Test
    void anAssetUnderAManufacturersPlanIsReferredToTheManufacturer() {
        String number = fixtures.customer(true);
        String serial = fixtures.asset(number, AssetCategory.END_USER_TERMINAL, 100, true);
        Customer customer = customerAccounts.customerByNumber(number).orElseThrow();
        assertThatThrownBy(() -> caseRequests.requestExtension(customer, serial, null, "customer:test"))
                .isInstanceOf(ReturnRejected.class)
                .hasMessageContaining("manufacturer");
    }
}
