package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sale.itmall.assurance.notifications.Notifications;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.portal.api.ReturnsApi;
import sale.itmall.assurance.portal.customer.PortalPages;
import sale.itmall.assurance.portal.identity.ApiKeys;
import sale.itmall.assurance.portal.identity.PortalAccounts;
import sale.itmall.assurance.portal.identity.SecurityConfig;
import sale.itmall.assurance.portal.identity.StaffSignIn;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CaseId;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.CaseRequests;
import sale.itmall.assurance.returns.CaseStatus;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.CustomerId;
import sale.itmall.assurance.returns.CustomerQuestions;
import sale.itmall.assurance.returns.ReturnLabels;
import sale.itmall.assurance.returns.ReturnRejected;
import sale.itmall.assurance.returns.ReturnRequests;
import sale.itmall.assurance.returns.ReturnsQuery;
import sale.itmall.assurance.returns.WarehouseReceipts;
import sale.itmall.assurance.returns.WarrantyLookup;
import sale.itmall.assurance.shared.Audience;
import sale.itmall.assurance.shared.Labels;

/**
 * The portal's pages and API over HTTP (web slice: security, controllers, problem details, templates), with the
 * returns and notifications modules stood in by mocks: what each door answers for each outcome of the module behind
 * it. The flows against the real modules are in ReturnsApiTest and PortalBrowserTest.
 */
@WebMvcTest(controllers = {ReturnsApi.class, PortalPages.class})
@Import({SecurityConfig.class, StaffSignIn.class, Labels.class})
class PortalWebTest {

    static final Customer ALICE =
            new Customer(new CustomerId(7), "C-7", "Alice Ltd", "alice@example.test", false, Audience.DEFAULT);
    final RequestPostProcessor asAlice = user("alice").roles("CUSTOMER");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReturnsQuery returns;

    @MockitoBean
    WarrantyLookup warranty;

    @MockitoBean
    CustomerAccounts customerAccounts;

    @MockitoBean
    ReturnRequests returnRequests;

    @MockitoBean
    WarehouseReceipts warehouseReceipts;

    @MockitoBean
    CaseRequests caseRequests;

    @MockitoBean
    PortalAccounts accounts;

    @MockitoBean
    Notifications notifications;

    @MockitoBean
    ApiKeys apiKeys;

    @MockitoBean
    ReturnLabels returnLabels;

    @MockitoBean
    CustomerQuestions customerQuestions;

    @BeforeEach
    void alice() {
        when(accounts.customerOf(any())).thenReturn(ALICE);
    }

    @Test
    void withoutSigningInTheApiAnswersAProblemAndThePagesSendToTheSignIn() throws Exception {
        mvc.perform(get("/api/returns"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Sign in")));
        mvc.perform(get("/returns/new").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        verifyNoInteractions(returns, warranty, customerAccounts, returnRequests, warehouseReceipts, caseRequests);
    }

    @Test
    void aStateChangingRequestWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"serialNumber\":\"SN-1\",\"faultDescription\":\"x\"}]}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(returnRequests, warehouseReceipts, caseRequests);
    }

    @Test
    void aRefusedSubmissionIsAProblemNamingTheField() throws Exception {
        when(returnRequests.submit(eq("C-7"), isNull(), anyList()))
                .thenThrow(new ReturnRejected("items[SN-1].faultDescription", "fault.missing", "SN-1"));
        mvc.perform(post("/api/returns")
                        .with(asAlice)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[{\"serialNumber\":\"SN-1\",\"faultDescription\":\" \"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Return request not accepted"))
                .andExpect(jsonPath("$.field").value("items[SN-1].faultDescription"))
                .andExpect(jsonPath("$.detail").value("Describe the fault of SN-1"));
    }

    @Test
    void aCaseThatIsNotTheCustomersIsNotFoundOnTheApiAndOnThePage() throws Exception {
        when(returns.tracking(eq(ALICE), eq("RC-2026-000009"), any())).thenThrow(new CaseNotFound("RC-2026-000009"));
        mvc.perform(get("/api/returns/RC-2026-000009").with(asAlice))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No return case RC-2026-000009"));
        mvc.perform(get("/returns/RC-2026-000009").with(asAlice))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No return case RC-2026-000009")));
    }

    @Test
    void theTrackingAnswerCarriesTheCustomersFactsAndNoEngineOrDatabaseDetail() throws Exception {
        when(returns.tracking(eq(ALICE), eq("RC-2026-000001"), any())).thenReturn(tracking());
        String json = mvc.perform(get("/api/returns/RC-2026-000001").with(asAlice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseRef").value("RC-2026-000001"))
                .andExpect(jsonPath("$.status").value("AWAITING_RETURN"))
                .andExpect(jsonPath("$.rmaNumber").value("RMA-2026-000001"))
                .andExpect(jsonPath("$.daysLeftToReturn").value(9))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .doesNotContain("customerId", "customerEmail", "unitPrice", "processInstanceKey", "\"id\"", "terms");
    }

    @Test
    void theTrackingPageShowsCodesAsWordsAndCustomerTextAsText() throws Exception {
        when(returns.tracking(eq(ALICE), eq("RC-2026-000001"), any())).thenReturn(tracking());
        mvc.perform(get("/returns/RC-2026-000001").with(asAlice))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(content().string(containsString("&lt;b&gt;fan&lt;/b&gt; rattles")))
                .andExpect(content().string(containsString("RMA-2026-000001")));
    }

    @Test
    void onlyStaffPostWarehouseReceiptsAndAReceiptWithoutItsIdIsAProblem() throws Exception {
        String receipt = "{\"rmaNumber\":\"RMA-2026-000001\",\"receiptId\":\"WH-1\"}";
        mvc.perform(post("/api/warehouse/receipts")
                        .with(asAlice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(receipt))
                .andExpect(status().isForbidden());
        verifyNoInteractions(returnRequests, warehouseReceipts, caseRequests);
        RequestPostProcessor staff = user("warehouse").roles("STAFF", "WAREHOUSE");
        mvc.perform(post("/api/warehouse/receipts")
                        .with(staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(receipt))
                .andExpect(status().isAccepted());
        verify(warehouseReceipts).publishReceipt("RMA-2026-000001", "WH-1", null);
        mvc.perform(post("/api/warehouse/receipts")
                        .with(staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rmaNumber\":\"RMA-2026-000001\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("receiptId"));
    }

    static ReturnsQuery.Tracking tracking() {
        Instant authorized = Instant.parse("2026-11-20T10:00:00Z");
        CaseFacts c = new CaseFacts(
                new CaseId(41),
                "RC-2026-000001",
                "RR-2026-000001",
                ALICE.id(),
                "C-7",
                "Alice Ltd",
                "alice@example.test",
                "SN-1",
                "Switch 48",
                AssetCategory.ENTERPRISE_INFRASTRUCTURE,
                LocalDate.parse("2026-06-01"),
                "<b>fan</b> rattles",
                "ITM-POL-2026.04",
                null,
                CaseStatus.AWAITING_RETURN,
                false,
                "RMA-2026-000001",
                authorized,
                authorized.plusSeconds(10 * 86_400),
                authorized.plusSeconds(20 * 86_400),
                null,
                new BigDecimal("2500.00"),
                "USD",
                null,
                null,
                authorized.minusSeconds(86_400),
                null);
        return new ReturnsQuery.Tracking(
                c,
                List.of(new ReturnsQuery.Step("Remote diagnosis", "done", authorized, "Hardware defect")),
                9L,
                "Return the unit by 2026-11-30 10:00 UTC.",
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                null,
                null,
                true,
                Optional.empty(),
                List.of());
    }
}
