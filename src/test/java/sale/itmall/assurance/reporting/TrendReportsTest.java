package sale.itmall.assurance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.returns.ProcessDriver;
import sale.itmall.assurance.returns.ReturnReports;
import sale.itmall.assurance.returns.Scenarios;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/** The weekly trends count the cases as they happen, and the staff page draws the same numbers its tables hold. */
@ApplicationTest
class TrendReportsTest {

    @Autowired
    ReturnReports reports;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    /** This week's row of a weekly report (the last one), by column. */
    Map<String, String> thisWeek(String report) {
        ReturnReports.Report r = reports.report(report);
        assertThat(r.rows()).hasSize(12);
        List<String> row = r.rows().get(11);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < r.headers().size(); i++) {
            cells.put(r.headers().get(i), row.get(i));
        }
        return cells;
    }

    static int n(Map<String, String> row, String column) {
        return Integer.parseInt(row.get(column));
    }

    @Test
    void casesOpenedClosedAndDiagnosedThisWeekCountInItsRowAndTheChartDrawsTheTablesNumbers() throws Exception {
        Map<String, String> returnsBefore = thisWeek("weekly-returns");
        Map<String, String> slaBefore = thisWeek("weekly-diagnosis-sla");

        String customer = fixtures.customer(true);
        String resolved = scenarios.caseAtDiagnosis(customer, AssetCategory.ACCESSORY, 100);
        scenarios.caseAtDiagnosis(customer, AssetCategory.ACCESSORY, 100);
        driver.completeUserTask(
                resolved,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "RESOLVED_REMOTELY", "diagnosisNotes", "Firmware reset"));
        driver.awaitClosed(resolved);

        Map<String, String> returns = thisWeek("weekly-returns");
        assertThat(n(returns, "Opened") - n(returnsBefore, "Opened")).isEqualTo(2);
        assertThat(n(returns, "Closed: resolved") - n(returnsBefore, "Closed: resolved"))
                .isEqualTo(1);
        Map<String, String> sla = thisWeek("weekly-diagnosis-sla");
        assertThat(n(sla, "Diagnosed") - n(slaBefore, "Diagnosed")).isEqualTo(1);
        assertThat(n(sla, "Within SLA") - n(slaBefore, "Within SLA")).isEqualTo(1);

        String page = mvc.perform(
                        get("/staff/reports").with(user(fixtures.staffUser()).roles("WAREHOUSE", "STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String week = returns.get("Week");
        assertThat(page)
                .contains("<figure class=\"chart\"><svg class=\"chart\"")
                .contains("<title>Week of " + week + ": Opened " + returns.get("Opened") + "</title>")
                .contains(
                        "<title>Week of " + week + ": Closed: resolved " + returns.get("Closed: resolved") + "</title>")
                .contains("<title>Week of " + week + ": Within SLA (%) " + sla.get("Within SLA (%)") + "</title>");
        // every chart keeps its table and CSV
        for (String name : TrendCharts.SPECS.keySet()) {
            assertThat(page).contains("id=\"" + name + "\"").contains("/staff/reports/" + name + ".csv");
        }
    }
}
