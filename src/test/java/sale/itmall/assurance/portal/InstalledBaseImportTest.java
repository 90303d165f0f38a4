package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.portal.identity.ApiKeys;
import sale.itmall.assurance.returns.ReturnRequests;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Chromium;
import sale.itmall.assurance.support.Fixtures;

/**
 * A vendor brings its installed base in (issue #10): one CSV through the API or the staff page, idempotent by the
 * vendor's own numbers, all or nothing with every rejected row named, audited; an asset in an open return is not changed.
 */
@ApplicationTest
class InstalledBaseImportTest {

    static final String HEADER =
            "customer_number,customer_name,customer_email,order_number,ordered_on,serial_number,model,category,"
                    + "shipped_on,unit_price,currency,manufacturer_plan,manufacturer_name\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReturnRequests returnRequests;

    @LocalServerPort
    int port;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    String row(String customer, String order, String serial, String price) {
        return "C-" + run + customer + ",Acme " + customer + ",it@" + customer.toLowerCase() + ".example,SO-" + run
                + order + ",2026-01-10,SN-" + run + serial + ",ITM Switch 24," + AssetCategory.ENTERPRISE_INFRASTRUCTURE
                + ",2026-01-12," + price + ",EUR,false,\n";
    }

    ResultActions importCsv(String admin, String csv, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/admin/installed-base")
                .with(httpBasic(admin, "secret"))
                .param("dryRun", String.valueOf(dryRun))
                .param("fileName", "erp-export.csv")
                .contentType("text/csv")
                .content(csv));
    }

    long assets() {
        return jdbc.sql("select count(*) from assets where serial_number like ?")
                .param("SN-" + run + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void anImportIsIdempotentByTheVendorsNumbersAndSaysWhatItDid() throws Exception {
        String admin = fixtures.adminUser();
        String file =
                HEADER + row("A", "1", "1", "1200.00") + row("A", "1", "2", "1200.00") + row("B", "2", "3", "99.50");

        importCsv(admin, file, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(false))
                .andExpect(jsonPath("$.assets.created").value(3));
        assertThat(assets()).as("a dry run writes nothing").isZero();

        importCsv(admin, file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.written").value(true))
                .andExpect(jsonPath("$.customers.created").value(2))
                .andExpect(jsonPath("$.orders.created").value(2))
                .andExpect(jsonPath("$.assets.created").value(3));
        assertThat(assets()).isEqualTo(3);

        // the same file again changes nothing, and says so
        importCsv(admin, file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assets.created").value(0))
                .andExpect(jsonPath("$.assets.unchanged").value(3))
                .andExpect(jsonPath("$.customers.unchanged").value(2));

        // a corrected price updates that asset only
        String corrected =
                HEADER + row("A", "1", "1", "1200.00") + row("A", "1", "2", "1150.00") + row("B", "2", "3", "99.50");
        importCsv(admin, corrected, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assets.updated").value(1))
                .andExpect(jsonPath("$.assets.unchanged").value(2));
        assertThat(jdbc.sql("select unit_price from assets where serial_number = ?")
                        .param("SN-" + run + "2")
                        .query(String.class)
                        .single())
                .isEqualTo("1150.00");

        // every import is audited: who, which file, what it did
        assertThat(jdbc.sql("select actor || ' ' || file_name || ' ' || status from installed_base_imports"
                                + " where actor = ? order by id")
                        .param(admin)
                        .query(String.class)
                        .list())
                .containsExactly(
                        admin + " erp-export.csv CHECKED",
                        admin + " erp-export.csv WRITTEN",
                        admin + " erp-export.csv WRITTEN",
                        admin + " erp-export.csv WRITTEN");
    }

    /** Issue #26, item 4: a blank ordered_on left the stored order dates at the rows' shipping date. */
    @Test
    void aBlankOrderDateKeepsWhatIsStoredAndTheCountsSayUnchanged() throws Exception {
        String admin = fixtures.adminUser();
        importCsv(admin, HEADER + row("A", "1", "1", "1200.00") + row("A", "1", "2", "1200.00"), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders.created").value(1));
        String blank =
                (HEADER + row("A", "1", "1", "1200.00") + row("A", "1", "2", "1200.00")).replace(",2026-01-10,", ",,");
        importCsv(admin, blank, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders.unchanged").value(1))
                .andExpect(jsonPath("$.orders.updated").value(0));
        importCsv(admin, blank, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders.unchanged").value(1))
                .andExpect(jsonPath("$.assets.unchanged").value(2));
        assertThat(jdbc.sql("select ordered_on::text from orders where order_number = ?")
                        .param("SO-" + run + "1")
                        .query(String.class)
                        .single())
                .isEqualTo("2026-01-10");
        // a new order with a blank date is dated by its first shipment, as the README says
        importCsv(admin, HEADER + row("B", "2", "3", "99.50").replace(",2026-01-10,", ",,"), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders.created").value(1));
        assertThat(jdbc.sql("select ordered_on::text from orders where order_number = ?")
                        .param("SO-" + run + "2")
                        .query(String.class)
                        .single())
                .isEqualTo("2026-01-12");
    }

    /**
     * Issue #26, item 4: every optional cell left blank keeps what is stored for a known customer, order and asset, in
     * the dry run and in the import, and one line of a file may leave blank what another line of it gives.
     */
    @Test
    void blankOptionalCellsKeepWhatIsStoredAndTheCountsSayUnchanged() throws Exception {
        String admin = fixtures.adminUser();
        String header = "customer_number,customer_name,customer_email,payment_method_on_file,customer_language,"
                + "customer_time_zone,order_number,ordered_on,serial_number,model,category,shipped_on,unit_price,"
                + "currency,manufacturer_plan,manufacturer_name\n";
        String filled = "C-" + run + "F,Acme F,it@f.example,no,de,Europe/Berlin,SO-" + run + "F,2026-01-10,SN-" + run
                + "F1,ITM Switch 24,ENTERPRISE_INFRASTRUCTURE,2026-01-12,100.00,EUR,false,Lenovo\n";
        String blank = "C-" + run + "F,Acme F,it@f.example,,,,SO-" + run + "F,,SN-" + run
                + "F2,ITM Switch 24,ENTERPRISE_INFRASTRUCTURE,2026-01-12,100.00,EUR,false,\n";
        importCsv(admin, header + filled + blank.replace("F2,", "F2,").replace(",false,\n", ",false,Lenovo\n"), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customers.created").value(1))
                .andExpect(jsonPath("$.assets.created").value(2));

        String allBlank = header + blank.replace("F2,", "F1,") + blank;
        for (boolean dryRun : new boolean[] {true, false}) {
            importCsv(admin, allBlank, dryRun)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.customers.unchanged").value(1))
                    .andExpect(jsonPath("$.customers.updated").value(0))
                    .andExpect(jsonPath("$.orders.unchanged").value(1))
                    .andExpect(jsonPath("$.assets.unchanged").value(2))
                    .andExpect(jsonPath("$.assets.updated").value(0));
        }
        assertThat(jdbc.sql("select payment_method_on_file::text || ' ' || language || ' ' || time_zone from customers"
                                + " where customer_number = ?")
                        .param("C-" + run + "F")
                        .query(String.class)
                        .single())
                .isEqualTo("false de Europe/Berlin");
        assertThat(jdbc.sql("select manufacturer_name from assets where serial_number like ? order by serial_number")
                        .param("SN-" + run + "F%")
                        .query(String.class)
                        .list())
                .containsExactly("Lenovo", "Lenovo");
        assertThat(jdbc.sql("select ordered_on::text from orders where order_number = ?")
                        .param("SO-" + run + "F")
                        .query(String.class)
                        .single())
                .isEqualTo("2026-01-10");
    }

    @Test
    void aFileWithBadRowsNamesEachByLineAndWritesNothing() throws Exception {
        String admin = fixtures.adminUser();
        String file = HEADER
                + row("A", "1", "1", "1200.00")
                + row("A", "1", "2", "-5")
                + row("A", "1", "3", "10").replace("ENTERPRISE_INFRASTRUCTURE", "TOASTER")
                + row("A", "1", "4", "10").replace("2026-01-12", "2099-01-01")
                + row("A", "1", "1", "1200.00")
                + row("A", "1", "5", "10").replace(",EUR,", ",EURO,")
                + "C-" + run + "A,Someone Else,x@y.example,SO-" + run + "9,,SN-" + run
                + "6,M,ACCESSORY,2026-01-01,1,EUR,no,\n";

        importCsv(admin, file, false)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("nothing was written")))
                .andExpect(jsonPath("$.rejected.length()").value(6))
                .andExpect(jsonPath("$.rejected[0].line").value(3))
                .andExpect(jsonPath("$.rejected[0].reason").value(containsString("unit_price")))
                .andExpect(jsonPath("$.rejected[1].reason").value(containsString("category 'TOASTER'")))
                .andExpect(jsonPath("$.rejected[2].reason").value(containsString("in the future")))
                .andExpect(jsonPath("$.rejected[3].reason").value(containsString("listed on line 2 already")))
                .andExpect(jsonPath("$.rejected[4].reason").value(containsString("ISO 4217")))
                .andExpect(jsonPath("$.rejected[5].reason")
                        .value(containsString("another name, e-mail or payment method")));
        assertThat(assets()).as("the valid row is not written either").isZero();

        mvc.perform(post("/api/admin/installed-base")
                        .with(httpBasic(admin, "secret"))
                        .contentType("text/csv")
                        .content("serial,model\nSN-1,M\n"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(
                        jsonPath("$.rejected[0].reason").value(containsString("lacks the column(s) customer_number")));
    }

    @Test
    void anAssetInAnOpenReturnIsNotChangedAndOnlyServiceAdministratorsImport() throws Exception {
        String admin = fixtures.adminUser();
        importCsv(admin, HEADER + row("A", "1", "1", "1200.00"), false).andExpect(status().isOk());
        String customer = "C-" + run + "A";
        returnRequests.submit(customer, null, List.of(new ReturnRequests.Item("SN-" + run + "1", "Dead port")));

        importCsv(admin, HEADER + row("A", "1", "1", "999.00"), false)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.rejected[0].reason").value(containsString("is in open return RC-")));
        // unchanged rows of an asset in an open return are fine
        importCsv(admin, HEADER + row("A", "1", "1", "1200.00"), false).andExpect(status().isOk());

        importCsv(fixtures.staffUser(), HEADER + row("B", "2", "2", "1.00"), false)
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorImportsOnThePageAndSeesTheOutcome() throws Exception {
        String admin = fixtures.adminUser();
        Path good = Files.writeString(
                Files.createTempFile("installed-base", ".csv"),
                HEADER + row("A", "1", "1", "1200.00") + row("B", "2", "2", "80.00"));
        Path bad = Files.writeString(
                Files.createTempFile("installed-base-bad", ".csv"), HEADER + row("C", "3", "3", "oops"));
        WebDriver browser = Chromium.start(1280, 1000);
        Duration wait = Duration.ofSeconds(20);
        try {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys(admin);
            browser.findElement(By.id("password")).sendKeys("secret");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            Chromium.element(browser, wait, By.linkText("Installed base")).click();

            Chromium.element(browser, wait, By.id("file")).sendKeys(good.toString());
            browser.findElement(By.id("start-import")).click();
            Chromium.await(browser, wait, d -> d.findElement(By.id("import-status"))
                    .getText()
                    .startsWith("Imported"));
            assertThat(browser.findElement(By.tagName("table")).getText()).contains("Assets 2 0 0");

            Chromium.element(browser, wait, By.linkText("Back to the installed base"))
                    .click();
            Chromium.element(browser, wait, By.id("file")).sendKeys(bad.toString());
            browser.findElement(By.id("start-import")).click();
            Chromium.await(browser, wait, d -> d.findElement(By.id("import-status"))
                    .getText()
                    .contains("cannot be imported"));
            assertThat(browser.findElement(By.id("rejected")).getText()).contains("line 2: unit_price is not a number");
            Chromium.element(browser, wait, By.linkText("Back to the installed base"))
                    .click();
            Chromium.await(browser, wait, d -> d.getTitle().startsWith("Installed base"));
            assertThat(Chromium.element(browser, wait, By.tagName("tbody")).getText())
                    .contains(admin)
                    .contains(bad.getFileName().toString())
                    .contains("REJECTED");
        } finally {
            browser.quit();
        }
        assertThat(assets()).isEqualTo(2);
    }

    /** Whether a charge can be made: the ERP may say so per customer; a file that does not say keeps what is stored. */
    @Test
    void thePaymentMethodColumnIsOptionalAndAFileWithoutItKeepsWhatIsStored() throws Exception {
        String admin = fixtures.adminUser();
        String withColumn = HEADER.replace("\n", ",payment_method_on_file\n");
        String row = row("P", "1", "1", "10.00").replace("\n", "");
        importCsv(admin, withColumn + row + ",false\n", false)
                .andExpect(jsonPath("$.customers.created").value(1));
        importCsv(admin, HEADER + row + "\n", false)
                .andExpect(jsonPath("$.customers.unchanged").value(1));
        assertThat(paymentMethodOnFile("C-" + run + "P")).isFalse();
        importCsv(admin, withColumn + row + ",yes\n", false)
                .andExpect(jsonPath("$.customers.updated").value(1));
        assertThat(paymentMethodOnFile("C-" + run + "P")).isTrue();
        importCsv(admin, withColumn + row + ",maybe\n", true)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(
                        jsonPath("$.rejected[0].reason").value("payment_method_on_file 'maybe' is not true or false"));
    }

    boolean paymentMethodOnFile(String customer) {
        return jdbc.sql("select payment_method_on_file from customers where customer_number = ?")
                .param(customer)
                .query(Boolean.class)
                .single();
    }

    HttpResponse<String> call(String method, String path, String apiKey, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    ApiKeys.Issued issueKey(String admin, String name, ApiKeys.Integration integration) throws Exception {
        return (ApiKeys.Issued) mvc.perform(post("/staff/api-keys")
                        .with(httpBasic(admin, "secret"))
                        .with(csrf())
                        .param("name", name)
                        .param("integration", integration.name()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("issued");
    }

    /**
     * The ERP imports with its own machine credential: an API key of the import integration, issued and revoked by a
     * service administrator, that opens the import API only, records itself as the import's actor and leaves no
     * session behind.
     */
    @Test
    void anErpImportsWithItsOwnApiKeyThatOpensNothingElse() throws Exception {
        String admin = fixtures.adminUser();
        String name = "ERP nightly " + run;
        ApiKeys.Issued erp = issueKey(admin, name, ApiKeys.Integration.INSTALLED_BASE_IMPORT);
        assertThat(erp.secret()).startsWith("itm_").hasSizeGreaterThan(40);
        // the list names the key and its first characters, never the key again
        String page = mvc.perform(get("/staff/api-keys").with(httpBasic(admin, "secret")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(name).contains(erp.key().prefix()).doesNotContain(erp.secret());

        HttpResponse<String> imported = call(
                "POST",
                "/api/admin/installed-base?fileName=erp.csv",
                erp.secret(),
                "text/csv",
                HEADER + row("K", "1", "1", "10.00"));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"created\":1");
        assertThat(imported.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(jdbc.sql(
                                "select actor from installed_base_imports where file_name = 'erp.csv' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("api-key:" + name);

        // the import key is no warehouse key, and opens no page
        assertThat(call(
                                "POST",
                                "/api/warehouse/receipts",
                                erp.secret(),
                                "application/json",
                                "{\"rmaNumber\":\"RMA-X\",\"receiptId\":\"W1\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("GET", "/staff/reports", erp.secret(), "text/plain", "").statusCode())
                .isEqualTo(403);
        HttpResponse<String> wrong = call("POST", "/api/admin/installed-base", "itm_not-a-key", "text/csv", HEADER);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("unknown or was revoked");

        // a warehouse system's key records receipts (an unknown RMA is looked up, so the call was let in)
        ApiKeys.Issued warehouse = issueKey(admin, "WMS " + run, ApiKeys.Integration.WAREHOUSE_RECEIPTS);
        assertThat(call(
                                "POST",
                                "/api/warehouse/receipts",
                                warehouse.secret(),
                                "application/json",
                                "{\"rmaNumber\":\"RMA-NONE\",\"receiptId\":\"W1\"}")
                        .statusCode())
                .isEqualTo(404);

        // revoked: refused from the next call on
        mvc.perform(post("/staff/api-keys/" + erp.key().id() + "/revoke")
                        .with(httpBasic(admin, "secret"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(call(
                                "POST",
                                "/api/admin/installed-base",
                                erp.secret(),
                                "text/csv",
                                HEADER + row("K", "1", "1", "10.00"))
                        .statusCode())
                .isEqualTo(401);
        // and the API's description tells integrators how to authenticate
        assertThat(mvc.perform(get("/v3/api-docs").with(httpBasic(admin, "secret")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"X-API-Key\"");
    }
}
