package sale.itmall.assurance.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import sale.itmall.assurance.portal.Downloads;
import sale.itmall.assurance.portal.customer.ReturnForm;
import sale.itmall.assurance.portal.customer.Uploads;
import sale.itmall.assurance.portal.identity.PortalAccounts;
import sale.itmall.assurance.returns.CaseRequests;
import sale.itmall.assurance.returns.CustomerQuestions;
import sale.itmall.assurance.returns.ReturnLabels;
import sale.itmall.assurance.returns.ReturnRejected;
import sale.itmall.assurance.returns.ReturnRequests;
import sale.itmall.assurance.returns.ReturnsQuery;
import sale.itmall.assurance.returns.WarehouseReceipts;
import sale.itmall.assurance.returns.WarrantyLookup;
import sale.itmall.assurance.shared.Audience;

/** The REST API behind the Self-Service Returns Center; everything is scoped to the signed-in customer. */
@RestController
@RequestMapping("/api")
@Tag(name = "Self-Service Returns Center")
public class ReturnsApi {

    private final ReturnsQuery portal;
    private final WarrantyLookup warrantyLookup;
    private final PortalAccounts accounts;
    private final CaseRequests caseRequests;
    private final ReturnRequests returnRequests;
    private final WarehouseReceipts warehouseReceipts;
    private final ReturnLabels returnLabels;
    private final CustomerQuestions customerQuestions;

    ReturnsApi(
            ReturnsQuery portal,
            WarrantyLookup warrantyLookup,
            PortalAccounts accounts,
            CaseRequests caseRequests,
            ReturnRequests returnRequests,
            WarehouseReceipts warehouseReceipts,
            ReturnLabels returnLabels,
            CustomerQuestions customerQuestions) {
        this.customerQuestions = customerQuestions;
        this.portal = portal;
        this.warrantyLookup = warrantyLookup;
        this.accounts = accounts;
        this.caseRequests = caseRequests;
        this.returnRequests = returnRequests;
        this.warehouseReceipts = warehouseReceipts;
        this.returnLabels = returnLabels;
    }

    @Operation(summary = "Your orders and their assets, each with its warranty status and whether it can be returned")
    @GetMapping("/orders")
    public List<WarrantyLookup.OrderView> orders(Principal me) {
        return warrantyLookup.orders(accounts.customerOf(me));
    }

    @Operation(summary = "Warranty lookup of one of your assets by serial number")
    @GetMapping("/warranty/{serialNumber}")
    public WarrantyLookup.AssetView warranty(Principal me, @PathVariable String serialNumber) {
        return warrantyLookup.warranty(accounts.customerOf(me), serialNumber);
    }

    @Operation(
            summary = "Your returns, newest first, a page at a time",
            description = "page 0 is the newest; size 1 to " + ReturnsQuery.MAX_PAGE_SIZE + " (default "
                    + ReturnsQuery.PAGE_SIZE + "). The Link header names the next and previous pages (rel=\"next\","
                    + " rel=\"prev\") when there are any.")
    @GetMapping("/returns")
    public ResponseEntity<List<ReturnsQuery.ReturnSummary>> returns(
            Principal me,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ReturnsQuery.PAGE_SIZE) int size) {
        ReturnsQuery.Page<ReturnsQuery.ReturnSummary> returns = portal.returns(accounts.customerOf(me), page, size);
        List<String> links = new ArrayList<>();
        if (returns.hasNext()) {
            links.add(pageLink(returns.page() + 1, returns.size(), "next"));
        }
        if (returns.hasPrevious()) {
            links.add(pageLink(returns.page() - 1, returns.size(), "prev"));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (!links.isEmpty()) {
            answer.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return answer.body(returns.items());
    }

    private static String pageLink(int page, int size, String rel) {
        return "<"
                + ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("page", page)
                        .replaceQueryParam("size", size)
                        .toUriString()
                + ">; rel=\"" + rel + "\"";
    }

    public record SubmitRequest(String orderNumber, List<ReturnRequests.Item> items) {}

    @Operation(summary = "Submit a return request (JSON, without proofs); one case per item starts at once")
    @PostMapping(path = "/returns", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ReturnRequests.Submitted submit(Principal me, @RequestBody SubmitRequest request) {
        return returnRequests.submit(accounts.customerOf(me).customerNumber(), request.orderNumber(), request.items());
    }

    @Operation(
            summary = "Submit a return request with proofs (multipart: orderNumber, items[i].serialNumber, "
                    + "items[i].faultDescription, items[i].proofs)")
    @PostMapping(path = "/returns", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ReturnRequests.Submitted submitWithProofs(Principal me, @ModelAttribute ReturnForm form) {
        return returnRequests.submit(accounts.customerOf(me).customerNumber(), form.getOrderNumber(), form.toItems());
    }

    @Operation(summary = "Track one return: the four policy steps, deadlines, shipments, charges and proofs")
    @GetMapping("/returns/{caseRef}")
    public TrackingResponse track(Principal me, @PathVariable String caseRef) {
        return TrackingResponse.of(portal.tracking(accounts.customerOf(me), caseRef, Audience.DEFAULT));
    }

    public record CancelRequest(String reason) {}

    @Operation(
            summary = "The return label of an authorized RMA: a PDF (4 x 6 in) with the RMA number as Code 128 and QR,"
                    + " ship-to and ship-from, the case, item and deadlines in the account's language and time zone")
    @GetMapping(path = "/returns/{caseRef}/label.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> label(Principal me, @PathVariable String caseRef) {
        return Downloads.label(returnLabels.forCustomer(accounts.customerOf(me), caseRef));
    }

    @Operation(summary = "Cancel a return before the unit is received")
    @PostMapping("/returns/{caseRef}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void cancel(Principal me, @PathVariable String caseRef, @RequestBody(required = false) CancelRequest body) {
        portal.ownCase(accounts.customerOf(me), caseRef);
        caseRequests.requestCancellation(caseRef, body == null ? null : body.reason());
    }

    public record RepairQuoteAnswer(String answer) {}

    @Operation(
            summary = "Accept or decline a paid repair quote before it expires ({\"answer\": \"ACCEPT\"} or"
                    + " \"DECLINE\"); the same answer again changes nothing")
    @PostMapping("/returns/{caseRef}/repair-quote")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CaseRequests.QuoteAnswer answerRepairQuote(
            Principal me, @PathVariable String caseRef, @RequestBody(required = false) RepairQuoteAnswer body) {
        portal.ownCase(accounts.customerOf(me), caseRef);
        return caseRequests.answerRepairQuote(caseRef, body == null ? null : body.answer(), "customer:" + me.getName());
    }

    public record Answer(String answer) {}

    @Operation(
            summary = "Answer the question our technical support asked during remote diagnosis ({\"answer\": \"...\"})"
                    + " before it closes; one answer per question (the support asks again if it needs more)")
    @PostMapping(path = "/returns/{caseRef}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CustomerQuestions.Answered answer(
            Principal me, @PathVariable String caseRef, @RequestBody(required = false) Answer body) {
        return customerQuestions.answer(
                accounts.customerOf(me),
                caseRef,
                body == null ? null : body.answer(),
                List.of(),
                "customer:" + me.getName());
    }

    @Operation(
            summary = "Answer the question with files (multipart: answer, files; up to 5 JPEG or PNG photos, PDF"
                    + " documents or plain-text logs of up to 10 MB each)")
    @PostMapping(path = "/returns/{caseRef}/answers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CustomerQuestions.Answered answerWithFiles(
            Principal me,
            @PathVariable String caseRef,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) List<MultipartFile> files) {
        return customerQuestions.answer(
                accounts.customerOf(me), caseRef, answer, Uploads.proofs("files", files), "customer:" + me.getName());
    }

    public record Dispute(String statement) {}

    @Operation(
            summary = "Dispute how the policy was applied to a return (open or closed); the Service Governance "
                    + "Team rules on it")
    @PostMapping("/returns/{caseRef}/disputes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void dispute(Principal me, @PathVariable String caseRef, @RequestBody Dispute body) {
        portal.ownCase(accounts.customerOf(me), caseRef);
        caseRequests.raisePolicyDispute(caseRef, body == null ? null : body.statement());
    }

    public record InboundTracking(String carrier, String trackingNumber) {}

    @Operation(summary = "Enter the carrier and tracking number of the unit you send back")
    @PutMapping("/returns/{caseRef}/inbound-tracking")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void inboundTracking(Principal me, @PathVariable String caseRef, @RequestBody InboundTracking body) {
        caseRequests.setInboundTracking(accounts.customerOf(me).id(), caseRef, body.carrier(), body.trackingNumber());
    }

    @Operation(summary = "Download a proof you attached")
    @GetMapping("/returns/{caseRef}/proofs/{proofId}")
    public ResponseEntity<byte[]> proof(Principal me, @PathVariable String caseRef, @PathVariable long proofId) {
        return Downloads.proof(portal.proof(accounts.customerOf(me), caseRef, proofId));
    }

    public record Receipt(String rmaNumber, String receiptId, Instant receivedAt) {}

    @Operation(
            summary =
                    "Warehouse: the faulty unit of an RMA arrived (idempotent on receiptId); the answer says what to do"
                            + " with the unit (status RECEIVED, ALREADY_RECEIVED, or HELD_FOR_DECISION when its case closed"
                            + " before it arrived)",
            description = "Role warehouse: a warehouse-receipts API key, or a warehouse staff sign-in.",
            security = {@SecurityRequirement(name = ApiDocs.API_KEY), @SecurityRequirement(name = ApiDocs.BASIC)})
    @PostMapping("/warehouse/receipts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public WarehouseReceipts.ReceiptAnswer receipt(@RequestBody Receipt receipt) {
        if (receipt.rmaNumber() == null
                || receipt.receiptId() == null
                || receipt.receiptId().isBlank()) {
            throw new ReturnRejected("receiptId", "receipt.incomplete");
        }
        return warehouseReceipts.publishReceipt(receipt.rmaNumber(), receipt.receiptId(), receipt.receivedAt());
    }
}
