package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.returns.ProcessDriver;
import sale.itmall.assurance.returns.ProofFile;
import sale.itmall.assurance.returns.ReturnRequests;
import sale.itmall.assurance.returns.Scenarios;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestClock;

@ApplicationTest
class ReturnsApiTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    TestClock clock;

    @Autowired
    Scenarios scenarios;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReturnRequests returnRequests;

    String alice;
    String aliceSerial;
    RequestPostProcessor asAlice;
    String bob;
    String bobSerial;
    String bobCase;
    RequestPostProcessor asBob;

    @BeforeEach
    void twoCustomers() {
        alice = fixtures.customer(true);
        aliceSerial = fixtures.asset(alice, AssetCategory.END_USER_TERMINAL, 50, false);
        asAlice = user(fixtures.portalUser(alice)).roles("CUSTOMER");
        bob = fixtures.customer(true);
        bobSerial = fixtures.asset(bob, AssetCategory.END_USER_TERMINAL, 50, false);
        asBob = user(fixtures.portalUser(bob)).roles("CUSTOMER");
        bobCase = returnRequests
                .submit(
                        bob,
                        null,
                        List.of(new ReturnRequests.Item(
                                bobSerial, "No power", List.of(new ProofFile("psu.png", "image/png", PNG)))))
                .caseReferences()
                .get(0);
    }

    @Test
    void theApiIsDocumentedWithOpenApiForThoseSignedIn() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(asAlice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/returns'].post").exists())
                .andExpect(jsonPath("$.paths['/api/returns/{caseRef}'].get").exists())
                .andExpect(
                        jsonPath("$.paths['/api/warranty/{serialNumber}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/warehouse/receipts'].post").exists());
    }

    /** A refusal is a problem detail in the language the client asks for (Accept-Language), English without one. */
    @Test
    void aRefusalReadsInTheLanguageTheClientAsksFor() throws Exception {
        String foreign = "{\"items\":[{\"serialNumber\":\"" + bobSerial + "\",\"faultDescription\":\"x\"}]}";
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(foreign))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("items[" + bobSerial + "]"))
                .andExpect(jsonPath("$.detail")
                        .value("Kein Gerät mit der Seriennummer " + bobSerial + " gehört zu diesem Konto"));
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(foreign))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(
                        jsonPath("$.detail").value("No asset with serial " + bobSerial + " belongs to this account"));
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .header("Accept-Language", "de")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Wählen Sie mindestens ein Gerät für die Rücksendung aus"));
        // what is not there is said in the same language
        mvc.perform(get("/api/returns/" + bobCase).with(asAlice).header("Accept-Language", "de"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Kein Rücksendefall " + bobCase));
    }

    /** A customer with a long history gets their returns a page at a time, newest first, with links between pages. */
    @Test
    void theReturnsListComesAPageAtATimeNewestFirst() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String serial = fixtures.asset(alice, AssetCategory.ACCESSORY, 50, false);
            cases.addAll(returnRequests
                    .submit(alice, null, List.of(new ReturnRequests.Item(serial, "Dead port " + i)))
                    .caseReferences());
        }
        mvc.perform(get("/api/returns").param("size", "2").with(asAlice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].caseRef").value(cases.get(2)))
                .andExpect(jsonPath("$[1].caseRef").value(cases.get(1)))
                .andExpect(header().string("Link", containsString("page=1&size=2>; rel=\"next\"")));
        mvc.perform(get("/api/returns").param("page", "1").param("size", "2").with(asAlice))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].caseRef").value(cases.get(0)))
                .andExpect(header().string("Link", allOf(containsString("rel=\"prev\""), not(containsString("next")))));
        // a page size beyond the limit is the limit, not an error
        mvc.perform(get("/api/returns").param("size", "100000").with(asAlice))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(header().doesNotExist("Link"));
    }

    @Test
    void aCustomerSeesOnlyTheirOwnOrdersReturnsAndAssets() throws Exception {
        mvc.perform(get("/api/orders").with(asAlice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].assets[0].serialNumber").value(aliceSerial))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/returns").with(asAlice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/warranty/" + bobSerial).with(asAlice)).andExpect(status().isNotFound());
        mvc.perform(get("/api/warranty/" + aliceSerial).with(asAlice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entitlement").value("WARRANTY"))
                .andExpect(jsonPath("$.advanceReplacementEligible").value(true));
    }

    @Test
    void aCustomerCannotReadOrActOnAnotherCustomersReturnOrProofs() throws Exception {
        long proofId = jdbc.sql(
                        "select p.id from proofs p join return_cases c on c.id = p.case_id where c.reference = ?")
                .param(bobCase)
                .query(Long.class)
                .single();

        mvc.perform(get("/api/returns/" + bobCase).with(asAlice)).andExpect(status().isNotFound());
        mvc.perform(get("/api/returns/" + bobCase + "/proofs/" + proofId).with(asAlice))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/returns/" + bobCase + "/cancel").with(asAlice).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/returns/" + bobCase + "/inbound-tracking")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"carrier\":\"UPS\",\"trackingNumber\":\"1Z\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"serialNumber\":\"" + bobSerial + "\",\"faultDescription\":\"x\"}]}"))
                .andExpect(status().isUnprocessableEntity());

        mvc.perform(get("/api/returns/" + bobCase).with(asBob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serialNumber").value(bobSerial))
                .andExpect(jsonPath("$.proofs[0].fileName").value("psu.png"));
        mvc.perform(get("/api/returns/" + bobCase + "/proofs/" + proofId).with(asBob))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PNG));
        assertThat(driver.facts(bobCase).closed()).isFalse();
    }

    @Test
    void aPaidRepairQuoteIsTrackedAndAnsweredThroughTheApiOnlyByItsCustomerAndOnlyOneWay() throws Exception {
        String caseRef = scenarios.quote(scenarios.caseAtDiagnosis(alice, AssetCategory.ACCESSORY, 400), "42.5", "GBP");

        mvc.perform(get("/api/returns/" + caseRef).with(asAlice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_QUOTE_ANSWER"))
                .andExpect(jsonPath("$.repairQuote.amount").value(42.5))
                .andExpect(jsonPath("$.repairQuote.currency").value("GBP"))
                .andExpect(jsonPath("$.repairQuote.open").value(true));
        mvc.perform(post("/api/returns/" + caseRef + "/repair-quote")
                        .with(asBob)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"ACCEPT\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/returns/" + caseRef + "/repair-quote")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"MAYBE\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("answer"))
                .andExpect(jsonPath("$.detail").value("Answer ACCEPT or DECLINE"));
        mvc.perform(post("/api/returns/" + caseRef + "/repair-quote")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"DECLINE\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.answer").value("DECLINED"))
                .andExpect(jsonPath("$.nextStep").value(containsString("Nothing is charged")));
        mvc.perform(post("/api/returns/" + caseRef + "/repair-quote")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"ACCEPT\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("already declined")));
        driver.awaitClosed(caseRef);
        assertThat(driver.facts(caseRef).outcome()).isEqualTo(CaseOutcome.REPAIR_QUOTE_DECLINED);
    }

    @Test
    void whatTheLookupMarksNotReturnableTheApiRefusesTooAndNothingIsWritten() throws Exception {
        String planned = fixtures.asset(alice, AssetCategory.END_USER_TERMINAL, 50, true);
        long requestsBefore = count("select count(*) from return_requests");
        long mailsBefore = mailsTo(alice);

        // the lookup says why; the API refuses the same item with the same words
        String why = JsonPath.read(
                mvc.perform(get("/api/warranty/" + planned).with(asAlice))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.returnable").value(false))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.notReturnableReason");
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"serialNumber\":\"" + aliceSerial
                                + "\",\"faultDescription\":\"x\"},{\"serialNumber\":\"" + planned
                                + "\",\"faultDescription\":\"x\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("items[" + planned + "]"))
                .andExpect(jsonPath("$.detail").value(containsString(why)));

        // a suspended account opens no return through any door
        fixtures.suspend(alice);
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"serialNumber\":\"" + aliceSerial + "\",\"faultDescription\":\"x\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("items[" + aliceSerial + "]"))
                .andExpect(jsonPath("$.detail").value(containsString("suspended")));

        assertThat(count("select count(*) from return_requests")).isEqualTo(requestsBefore);
        assertThat(mailsTo(alice)).isEqualTo(mailsBefore);
    }

    private long mailsTo(String customer) {
        return jdbc.sql("select count(*) from notifications where recipient = ?")
                .param(customer.toLowerCase() + "@example.test")
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aSubmissionWithProofsStartsTheCaseAndAnswersItsReferences() throws Exception {
        mvc.perform(multipart("/api/returns")
                        .file(new MockMultipartFile("items[0].proofs", "photo.png", "image/png", PNG))
                        .file(new MockMultipartFile(
                                "items[0].proofs",
                                "[see](evil.example) **syslog**.txt",
                                "text/plain",
                                "kernel: fan0 failed".getBytes()))
                        .param("items[0].serialNumber", aliceSerial)
                        .param("items[0].faultDescription", "Fan noise")
                        .with(asAlice)
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requestReference").value(containsString("RR-")))
                .andExpect(jsonPath("$.caseReferences.length()").value(1));
        String caseRef = jdbc.sql("select c.reference from return_cases c join assets a on a.id = c.asset_id "
                        + "where a.serial_number = ?")
                .param(aliceSerial)
                .query(String.class)
                .single();
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
        // the forms show the summary inside Markdown: the customer's file name arrives with every sign escaped, so it
        // reads as typed (form-js renders \[ as [), never as a link or emphasis
        assertThat(driver.variables(caseRef).get("proofSummary").toString())
                .contains("photo\\.png", "\\[see\\]\\(evil\\.example\\) \\*\\*syslog\\*\\*\\.txt");
    }

    @Test
    void aProofThatIsNotAPhotoLogOrPdfIsRefusedAndNothingIsWritten() throws Exception {
        mvc.perform(multipart("/api/returns")
                        .file(new MockMultipartFile(
                                "items[0].proofs", "photo.png", "image/png", new byte[] {'M', 'Z', 0, 0, 3}))
                        .param("items[0].serialNumber", aliceSerial)
                        .param("items[0].faultDescription", "Fan noise")
                        .with(asAlice)
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("photo.png is not an accepted proof")))
                .andExpect(jsonPath("$.field").value("items[" + aliceSerial + "].proofs"));
        mvc.perform(get("/api/returns").with(asAlice))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void tooManyItemsOrAnOverlongReceiptIdAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        String items = String.join(
                ",", Collections.nCopies(51, "{\"serialNumber\":\"" + aliceSerial + "\",\"faultDescription\":\"x\"}"));
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + items + "]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("items"))
                .andExpect(jsonPath("$.detail").value(containsString("at most 50 items")));
        mvc.perform(get("/api/returns").with(asAlice))
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(post("/api/warehouse/receipts")
                        .with(httpBasic(fixtures.staffUser(), "secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rmaNumber\":\"RMA-0000-000001\",\"receiptId\":\"" + "W".repeat(101) + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("receiptId"));
    }

    @Test
    void controlCharactersInCustomerTextAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"serialNumber\":\"" + aliceSerial
                                + "\",\"faultDescription\":\"dead\\u0000 after update\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("items[" + aliceSerial + "].faultDescription"))
                .andExpect(jsonPath("$.detail").value(containsString("control characters")));
        mvc.perform(post("/api/returns/" + bobCase + "/disputes")
                        .with(asBob)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"statement\":\"unfair\\u0007\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("statement"));
        mvc.perform(get("/api/returns").with(asAlice))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void onlyStaffMayPostWarehouseReceiptsAndARepeatedReceiptIsHarmless() throws Exception {
        driver.awaitWaitingAt(bobCase, Elements.REMOTE_DIAGNOSIS);
        scenarios.authorize(bobCase);
        String body = "{\"rmaNumber\":\"" + driver.facts(bobCase).rmaNumber() + "\",\"receiptId\":\"WH-77\"}";

        mvc.perform(post("/api/warehouse/receipts")
                        .with(asBob)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        String staff = fixtures.staffUser();
        String future = clock.instant().plus(Duration.ofDays(2)).toString();
        mvc.perform(post("/api/warehouse/receipts")
                        .with(httpBasic(staff, "secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("}", ",\"receivedAt\":\"" + future + "\"}")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("receivedAt"));
        assertThat(driver.facts(bobCase).receivedAt()).isNull();
        mvc.perform(post("/api/warehouse/receipts")
                        .with(httpBasic(staff, "secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/warehouse/receipts")
                        .with(httpBasic(staff, "secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isAccepted());

        driver.awaitWaitingAt(bobCase, Elements.INSPECTION);
        driver.instance(bobCase).hasPassedElement(Elements.RECORD_RECEIPT, 1);
        mvc.perform(post("/api/warehouse/receipts")
                        .with(httpBasic(staff, "secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rmaNumber\":\"RMA-0000-000000\",\"receiptId\":\"WH-78\"}"))
                .andExpect(status().isNotFound());
    }

    /** TAC's question is answered through the API with text and files, under the proofs' rules, by its customer only. */
    @Test
    void aCustomerAnswersTacsQuestionWithAFileAndTheTrackingShowsTheExchange() throws Exception {
        scenarios.ask(bobCase, "Please send the PSU log");
        String answers = "/api/returns/" + bobCase + "/answers";
        mvc.perform(post(answers)
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"not my case\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(answers)
                        .with(asBob)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"  \"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("answer"))
                .andExpect(jsonPath("$.detail").value("Write an answer or attach a file"));
        mvc.perform(multipart(answers)
                        .file(new MockMultipartFile(
                                "files", "tool.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0}))
                        .param("answer", "Here")
                        .with(asBob)
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("files"))
                .andExpect(jsonPath("$.detail").value(containsString("tool.exe is not an accepted proof")));

        mvc.perform(multipart(answers)
                        .file(new MockMultipartFile("files", "psu.png", "image/png", PNG))
                        .param("answer", "The PSU fan stops after a minute")
                        .with(asBob)
                        .with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.round").value(1));
        driver.awaitWaitingAt(bobCase, Elements.REMOTE_DIAGNOSIS);

        String tracking = mvc.perform(get("/api/returns/" + bobCase).with(asBob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_DIAGNOSIS"))
                .andExpect(jsonPath("$.questions[0].question").value("Please send the PSU log"))
                .andExpect(jsonPath("$.questions[0].topics[0]").value("LOGS"))
                .andExpect(jsonPath("$.questions[0].answer").value("The PSU fan stops after a minute"))
                .andExpect(jsonPath("$.questions[0].open").value(false))
                .andExpect(jsonPath("$.questions[0].files[0].fileName").value("psu.png"))
                // the request's proofs stay the request's
                .andExpect(jsonPath("$.proofs.length()").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number fileId = JsonPath.read(tracking, "$.questions[0].files[0].proofId");
        mvc.perform(get("/api/returns/" + bobCase + "/proofs/" + fileId).with(asBob))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/api/returns/" + bobCase + "/proofs/" + fileId).with(asAlice))
                .andExpect(status().isNotFound());
        // staff read the exchange on the case page and download the file
        var staff = user(fixtures.staffUser()).roles("STAFF");
        mvc.perform(get("/staff/cases/" + bobCase).with(staff))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Questions to the customer"),
                                containsString("Please send the PSU log"),
                                containsString("The PSU fan stops after a minute"),
                                containsString("/staff/cases/" + bobCase + "/proofs/" + fileId))));
        mvc.perform(get("/staff/cases/" + bobCase + "/proofs/" + fileId).with(staff))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/staff/cases/" + bobCase + "/proofs/" + fileId).with(asBob))
                .andExpect(status().isForbidden());
        // answered: nothing waits for an answer any more
        mvc.perform(post(answers)
                        .with(asBob)
                        .with(csrf())
                        .header("Accept-Language", "de")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"noch etwas\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(bobCase + " hat keine Frage, die auf Ihre Antwort wartet"));
    }
}
