package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.policy.Entitlement;
import sale.itmall.assurance.policy.LateUnitDecision;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.shared.Labels;

/**
 * What customers and the warehouse do to returns (the returns module's commands): open a request, which starts one
 * request process per submission that calls one return case per item (so each item has its own terms, outcome,
 * deadlines and charges); send the messages a case waits for (receipt, cancellation, dispute); enter inbound tracking.
 * Every refusal is a {@link ReturnRejected} naming the field and the reason, whichever door it came through.
 */
@Service
public class ReturnSubmissions {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseStore store;
    private final CaseService cases;
    private final EngineOutbox engine;
    private final ReturnsQuery query;
    private final PolicyDecision decision;
    private final Clock clock;
    private final AuditTrail audit;
    private final Labels labels;
    private final String staffBaseUrl;

    ReturnSubmissions(
            JdbcClient jdbc,
            TransactionTemplate tx,
            CaseStore store,
            CaseService cases,
            EngineOutbox engine,
            ReturnsQuery query,
            PolicyDecision decision,
            Clock clock,
            AuditTrail audit,
            Labels labels,
            @Value("${itmall.staff.base-url:http://localhost:8080}") String staffBaseUrl) {
        this.audit = audit;
        this.labels = labels;
        this.cases = cases;
        this.staffBaseUrl = staffBaseUrl;
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.engine = engine;
        this.query = query;
        this.decision = decision;
        this.clock = clock;
    }

    /** One item of a request: the asset, the customer's description of the fault, and their proofs. */
    public record Item(String serialNumber, String faultDescription, List<ProofFile> proofs) {
        public Item(String serialNumber, String faultDescription) {
            this(serialNumber, faultDescription, List.of());
        }

        public Item {
            proofs = proofs == null ? List.of() : List.copyOf(proofs);
        }
    }

    public record Submitted(String requestReference, List<String> caseReferences) {}

    /** The longest fault description, dispute statement or reason kept: text, not a payload, in process variables. */
    public static final int MAX_TEXT = 4000;

    /** The longest carrier name, tracking number or receipt id kept: identifiers, not text. */
    public static final int MAX_IDENTIFIER = 100;

    /**
     * Refuses control characters other than line breaks and tabs: a NUL cannot even be stored, and the rest have no
     * place in what staff read.
     */
    static void plainText(String field, String value, String what) {
        if (value != null
                && value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new ReturnRejected(field, what + " contains control characters; send plain text");
        }
    }

    /** The most items one request may hold; a larger return is several requests. */
    public static final int MAX_ITEMS = 50;

    /**
     * Records the request, its cases and the start of its process in one transaction; the request process then
     * acknowledges the request and calls one return case per item. The engine being unreachable delays the start, never
     * loses it ({@link EngineOutbox}). A rejected request writes nothing; the rejection says which item and why.
     */
    public Submitted submit(String customerNumber, String orderNumber, List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw new ReturnRejected("items", "Select at least one item to return");
        }
        if (items.size() > MAX_ITEMS) {
            throw new ReturnRejected("items", "Return at most " + MAX_ITEMS + " items in one request");
        }
        plainText("orderNumber", orderNumber, "The order number");
        Set<String> serials = new LinkedHashSet<>();
        for (Item item : items) {
            if (item == null
                    || item.serialNumber() == null
                    || item.serialNumber().isBlank()) {
                throw new ReturnRejected("items", "Every item needs a serial number");
            }
            ReturnsQuery.serialNumber(item.serialNumber(), "items");
            plainText("items", item.serialNumber(), "A serial number");
            plainText(
                    "items[" + item.serialNumber() + "].faultDescription",
                    item.faultDescription(),
                    "The fault description of " + item.serialNumber());
            if (item.faultDescription() == null || item.faultDescription().isBlank()) {
                throw new ReturnRejected(
                        "items[" + item.serialNumber() + "].faultDescription",
                        "Describe the fault of " + item.serialNumber());
            }
            if (item.faultDescription().length() > MAX_TEXT) {
                throw new ReturnRejected(
                        "items[" + item.serialNumber() + "].faultDescription",
                        "Keep the fault description of " + item.serialNumber() + " under " + MAX_TEXT
                                + " characters; attach logs as proofs");
            }
            if (!serials.add(item.serialNumber().trim())) {
                throw new ReturnRejected("items", item.serialNumber() + " is listed twice");
            }
            if (item.proofs().size() > ProofFile.MAX_PER_ITEM) {
                throw new ReturnRejected(
                        "items[" + item.serialNumber() + "].proofs",
                        "Attach at most " + ProofFile.MAX_PER_ITEM + " proofs to " + item.serialNumber());
            }
        }
        return tx.execute(status -> {
            Submitted submitted = insertRequest(customerNumber, orderNumber, items);
            engine.startRequest(submitted.requestReference());
            return submitted;
        });
    }

    private Submitted insertRequest(String customerNumber, String orderNumber, List<Item> items) {
        Customer customer = query.customerByNumber(customerNumber)
                .orElseThrow(() -> new ReturnRejected("customerNumber", "Unknown customer " + customerNumber));
        long customerId = customer.id().value();
        Long orderId = null;
        if (orderNumber != null && !orderNumber.isBlank()) {
            orderId = jdbc.sql("select id from orders where order_number = ? and customer_id = ?")
                    .params(orderNumber.trim(), customerId)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(
                            () -> new ReturnRejected("orderNumber", "No order " + orderNumber + " on this account"));
        }
        String year = String.valueOf(
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear());
        long requestId = jdbc.sql("select nextval('return_requests_id_seq')")
                .query(Long.class)
                .single();
        String requestRef = "RR-%s-%06d".formatted(year, requestId);
        Instant now = clock.instant();
        jdbc.sql(
                        "insert into return_requests (id, reference, customer_id, order_id, submitted_at) values (?, ?, ?, ?, ?)")
                .params(requestId, requestRef, customerId, orderId, CaseStore.ts(now))
                .update();
        List<String> caseRefs = new ArrayList<>();
        for (Item item : items) {
            String serial = item.serialNumber().trim();
            ReturnsQuery.Owned asset = query.owned(customer, serial, orderId)
                    .orElseThrow(() -> new ReturnRejected(
                            "items[" + serial + "]",
                            "No asset with serial " + serial
                                    + (orderNumber == null || orderNumber.isBlank() ? "" : " on order " + orderNumber)
                                    + " belongs to this account"));
            // the one rule the lookup and the wizard show: what they mark not returnable is refused here too
            if (!asset.view().returnable()) {
                throw new ReturnRejected(
                        "items[" + serial + "]", serial + ": " + asset.view().notReturnableReason());
            }
            long assetId = asset.id();
            String revision = decision.current(asset.view().category()).terms().policyRevision();
            long caseId = jdbc.sql("select nextval('return_cases_id_seq')")
                    .query(Long.class)
                    .single();
            String caseRef = "RC-%s-%06d".formatted(year, caseId);
            try {
                jdbc.sql(
                                """
            insert into return_cases (id, reference, request_id, asset_id, fault_description, policy_revision, status,
                                      created_at)
            values (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)""")
                        .params(
                                caseId,
                                caseRef,
                                requestId,
                                assetId,
                                item.faultDescription().trim(),
                                revision,
                                CaseStore.ts(now))
                        .update();
            } catch (DuplicateKeyException e) {
                throw new ReturnRejected("items[" + serial + "]", serial + " is already in an open return");
            }
            for (ProofFile proof : item.proofs()) {
                jdbc.sql("insert into proofs (case_id, file_name, content_type, size_bytes, content, uploaded_at) "
                                + "values (?, ?, ?, ?, ?, ?)")
                        .params(
                                caseId,
                                proof.fileName(),
                                proof.contentType(),
                                proof.content().length,
                                proof.content(),
                                CaseStore.ts(now))
                        .update();
            }
            caseRefs.add(caseRef);
        }
        return new Submitted(requestRef, caseRefs);
    }

    /** How far a warehouse's clock may run ahead of ours before its receipt counts as dated in the future. */
    static final Duration RECEIPT_CLOCK_SKEW = Duration.ofMinutes(5);

    /** The warehouse receipt the process waits for, correlated by RMA number; idempotent on the receipt id. */
    /** What the warehouse is told of a receipt: where the case stands and what to do with the unit. */
    public record ReceiptAnswer(String rmaNumber, String caseRef, String status, String nextStep) {}

    public ReceiptAnswer publishReceipt(String rmaNumber, String receiptId, Instant receivedAt) {
        plainText("receiptId", receiptId, "The receipt id");
        if (receiptId != null && receiptId.length() > MAX_IDENTIFIER) {
            throw new ReturnRejected("receiptId", "Keep the receipt id under " + MAX_IDENTIFIER + " characters");
        }
        if (receivedAt != null && receivedAt.isAfter(clock.instant().plus(RECEIPT_CLOCK_SKEW))) {
            throw new ReturnRejected(
                    "receivedAt", "A receipt cannot be dated in the future (receivedAt " + receivedAt + ")");
        }
        CaseRecord c = store.findByRmaNumber(rmaNumber).orElseThrow(() -> new CaseNotFound(rmaNumber));
        if (c.closed()) {
            // no process waits for it any more: the case keeps it, and staff decide in the late-unit process
            tx.executeWithoutResult(status -> {
                if (cases.recordReceiptAfterClose(c.reference(), receivedAt, receiptId)) {
                    engine.publish(
                            ProcessContract.MSG_LATE_UNIT,
                            c.reference(),
                            "late-unit:" + c.reference(),
                            lateUnitFacts(store.require(c.reference()), receiptId));
                }
            });
            return new ReceiptAnswer(
                    rmaNumber,
                    c.reference(),
                    "HELD_FOR_DECISION",
                    "Hold the unit: case " + c.reference() + " closed as " + labels.of(c.outcome()) + " on "
                            + Labels.utc(c.closedAt()) + ", before the unit arrived. Staff decide whether to "
                            + LateUnitDecision.after(c.outcome()).stream()
                                    .map(d -> labels.of(d, Locale.ENGLISH).toLowerCase(Locale.ENGLISH))
                                    .collect(Collectors.joining(" or "))
                            + "; the decision reaches the customer, and the service bench or shipping when the unit"
                            + " moves on.");
        }
        if (c.receivedAt() != null) {
            return new ReceiptAnswer(
                    rmaNumber,
                    c.reference(),
                    "ALREADY_RECEIVED",
                    "Nothing more: this unit's receipt was recorded before.");
        }
        tx.executeWithoutResult(status -> engine.publish(
                ProcessContract.MSG_ASSET_RECEIVED,
                c.rmaNumber(),
                receiptId,
                new Variables.ReceiptMessage(
                        receiptId, (receivedAt != null ? receivedAt : clock.instant()).toString())));
        return new ReceiptAnswer(
                rmaNumber,
                c.reference(),
                "RECEIVED",
                "Send the unit to the service bench: its inspection is offered to service-bench (the task queue, or Tasklist).");
    }

    /** The late-unit process's start: what its forms show, and the decisions the case's closing leaves open. */
    private Variables.LateUnitReceived lateUnitFacts(CaseRecord c, String receiptId) {
        EntitlementFacts entitlement = entitlementFacts(c);
        Optional<CaseStore.ReplacementRow> replacement =
                store.findReplacement(c.id()).filter(CaseStore.ReplacementRow::advance);
        String charges = store.charges(c.id()).stream()
                .map(ch -> labels.of(ch.reason(), Locale.ENGLISH) + " "
                        + ch.amount().toPlainString() + " " + ch.currency() + " (" + ch.status() + ")")
                .collect(Collectors.joining("; "));
        long proofs = jdbc.sql("select count(*) from proofs where case_id = ?")
                .param(c.id().value())
                .query(Long.class)
                .single();
        return new Variables.LateUnitReceived(
                c.reference(),
                c.requestReference(),
                c.customerNumber(),
                c.customerName(),
                c.serialNumber(),
                c.model(),
                c.category().name(),
                c.shippedOn().toString(),
                c.faultDescription(),
                proofs == 0 ? "none" : proofs + " file(s), on the staff case page",
                c.policyRevision(),
                c.terms(),
                entitlement.status(),
                entitlement.explanation(),
                entitlement.warrantyEndsOn(),
                entitlement.maintenanceEndsOn(),
                c.rmaNumber(),
                receiptId,
                Labels.utc(c.receivedAt()),
                c.outcome().name(),
                labels.of(c.outcome(), Locale.ENGLISH),
                Labels.utc(c.closedAt()),
                Labels.utc(c.complianceLimitAt()),
                replacement.isPresent(),
                replacement.map(CaseStore.ReplacementRow::serialNumber).orElse(null),
                charges.isEmpty() ? "none" : charges,
                c.accountSuspended() ? "suspended" : "active",
                LateUnitDecision.after(c.outcome()).stream()
                        .map(d -> new Variables.Option(labels.of(d, Locale.ENGLISH), d.name()))
                        .toList(),
                caseLink(c));
    }

    /** The entitlement under the case's own terms as the governance forms show it ("not checked yet" before them). */
    private record EntitlementFacts(
            String status, String explanation, String warrantyEndsOn, String maintenanceEndsOn) {}

    private static EntitlementFacts entitlementFacts(CaseRecord c) {
        if (c.policyTermsJson() == null) {
            return new EntitlementFacts("not checked yet", "", "", "none");
        }
        Entitlement e = c.policy().entitlement(c.assetFacts(), c.accountSuspended(), c.createdOn());
        return new EntitlementFacts(
                e.status().name(),
                e.explanation(),
                e.warrantyEndsOn().toString(),
                e.maintenanceEndsOn() == null ? "none" : e.maintenanceEndsOn().toString());
    }

    /** Where staff open the case from a Tasklist form. */
    private String caseLink(CaseRecord c) {
        return staffBaseUrl + "/staff/cases/" + c.reference();
    }

    /** The Service Governance Team reinstates a suspended account, with the reason the customer reads. */
    public void reinstateAccount(String customerNumber, String reason, String by) {
        plainText("reason", reason, "The reason");
        cases.reinstateAccount(customerNumber, reason, by);
    }

    /**
     * A customer asks the Service Governance Team to extend the cover of one of their assets: recorded and the
     * team's process started in one transaction (through the engine outbox); one open request per asset. Answers the
     * request's reference.
     */
    public String requestExtension(Customer customer, String serialNumber, String note, String by) {
        ReturnsQuery.AssetView asset = query.warranty(customer, serialNumber);
        if (asset.manufacturerPlan()) {
            throw new ReturnRejected(
                    "serialNumber",
                    asset.serialNumber() + " is covered by the manufacturer's plan: ask the manufacturer to extend it");
        }
        if (note != null && note.length() > MAX_TEXT) {
            throw new ReturnRejected("note", "Keep the note under " + MAX_TEXT + " characters");
        }
        plainText("note", note, "The note");
        String text = note == null ? "" : note.trim();
        return tx.execute(status -> {
            Instant now = clock.instant();
            long id = jdbc.sql("select nextval('extension_requests_id_seq')")
                    .query(Long.class)
                    .single();
            String reference = "EX-%d-%06d"
                    .formatted(LocalDate.ofInstant(now, ZoneOffset.UTC).getYear(), id);
            try {
                jdbc.sql(
                                """
            insert into extension_requests (id, reference, asset_id, customer_id, note, requested_by, requested_at)
            select ?, ?, a.id, a.customer_id, ?, ?, ? from assets a where a.serial_number = ? and a.customer_id = ?""")
                        .params(
                                id,
                                reference,
                                text,
                                by,
                                CaseStore.ts(now),
                                asset.serialNumber(),
                                customer.id().value())
                        .update();
            } catch (DuplicateKeyException e) {
                throw new ReturnRejected(
                        "serialNumber",
                        "An extension of " + asset.serialNumber()
                                + " is already asked for; the Service Governance Team answers it by mail and here");
            }
            engine.publish(
                    ProcessContract.MSG_EXTENSION_REQUESTED,
                    reference,
                    "extension:" + reference,
                    new Variables.ExtensionRequested(
                            reference,
                            customer.customerNumber(),
                            customer.name(),
                            asset.serialNumber(),
                            asset.model(),
                            asset.category().name(),
                            String.valueOf(asset.shippedOn()),
                            asset.entitlement().name(),
                            String.valueOf(asset.warrantyEndsOn()),
                            asset.maintenanceEndsOn() == null
                                    ? "none"
                                    : asset.maintenanceEndsOn().toString(),
                            asset.terms().policyRevision(),
                            text));
            return reference;
        });
    }

    /** What a customer's answer to a paid repair quote did, and what follows. */
    public record QuoteAnswer(String caseRef, RepairQuote.Answer answer, String nextStep) {}

    /**
     * The customer accepts or declines a paid repair quote before it expires: recorded, audited and sent to the case's
     * process in one transaction (through the engine outbox). The same answer again changes nothing.
     */
    public QuoteAnswer answerRepairQuote(String caseRef, String answer, String by) {
        boolean accept;
        if ("ACCEPT".equalsIgnoreCase(answer == null ? "" : answer.trim())) {
            accept = true;
        } else if ("DECLINE".equalsIgnoreCase(answer == null ? "" : answer.trim())) {
            accept = false;
        } else {
            throw new ReturnRejected("answer", "Answer ACCEPT or DECLINE");
        }
        RepairQuote.Answer given = tx.execute(status -> {
            RepairQuote.Answer recorded = cases.answerRepairQuote(caseRef, accept, by);
            engine.publish(
                    ProcessContract.MSG_REPAIR_QUOTE_ANSWERED,
                    caseRef,
                    "repair-quote:" + caseRef,
                    new Variables.RepairQuoteAnswer(recorded.name()));
            return recorded;
        });
        return new QuoteAnswer(
                caseRef,
                given,
                accept
                        ? "Our support team authorizes the RMA; you then send the unit at your cost. The quoted price is"
                                + " charged once the unit is repaired."
                        : "Nothing is charged; the return closes.");
    }

    public void requestCancellation(String caseRef, String reason) {
        CaseRecord c = store.require(caseRef);
        if (c.closed() || c.receivedAt() != null) {
            throw new ReturnRejected(
                    "caseRef",
                    caseRef + " can no longer be cancelled: the unit has been received or the case is closed");
        }
        if (store.findReplacement(c.id()).isPresent()) {
            throw new ReturnRejected(
                    "caseRef",
                    caseRef + " has an advance replacement on its way: return the faulty unit instead of cancelling");
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            throw new ReturnRejected("reason", "Keep the reason under " + MAX_TEXT + " characters");
        }
        plainText("reason", reason, "The reason");
        tx.executeWithoutResult(status -> engine.publish(
                ProcessContract.MSG_CANCELLATION,
                c.reference(),
                null,
                new Variables.CancellationMessage(reason == null ? "" : reason)));
    }

    /** How many of a case's latest audit events the governance form shows; the staff case page has them all. */
    static final int DISPUTE_HISTORY_EVENTS = 12;

    /**
     * Starts a policy dispute on a case with the facts the governance form shows: the case, its entitlement under the
     * case's own terms, the customer's statement, its latest events (bounded) and a link to the full staff case page.
     */
    public void raisePolicyDispute(String caseRef, String statement) {
        CaseRecord c = store.require(caseRef);
        if (statement == null || statement.isBlank()) {
            throw new ReturnRejected("statement", "Say what you dispute and why");
        }
        if (statement.length() > MAX_TEXT) {
            throw new ReturnRejected(
                    "statement",
                    "Keep the statement under " + MAX_TEXT + " characters; attach documents to the case instead");
        }
        plainText("statement", statement, "The statement");
        List<AuditEvent> events = audit.events(c.id());
        StringBuilder history = new StringBuilder();
        if (events.size() > DISPUTE_HISTORY_EVENTS) {
            history.append("(")
                    .append(events.size() - DISPUTE_HISTORY_EVENTS)
                    .append(" earlier events on the staff case page)\n");
        }
        for (AuditEvent e : events.subList(Math.max(0, events.size() - DISPUTE_HISTORY_EVENTS), events.size())) {
            String detail = e.detail().length() > 300 ? e.detail().substring(0, 300) + "…" : e.detail();
            history.append(Labels.utc(e.occurredAt()))
                    .append(" · ")
                    .append(e.type())
                    .append(" · ")
                    .append(e.actor())
                    .append(" · ")
                    .append(detail)
                    .append('\n');
        }
        EntitlementFacts entitlement = entitlementFacts(c);
        Variables.DisputeRaised raised = new Variables.DisputeRaised(
                c.reference(),
                c.requestReference(),
                c.customerNumber(),
                c.customerName(),
                c.serialNumber(),
                c.model(),
                c.category().name(),
                c.shippedOn().toString(),
                c.policyRevision(),
                entitlement.status(),
                entitlement.explanation(),
                entitlement.warrantyEndsOn(),
                entitlement.maintenanceEndsOn(),
                c.outcome() == null ? "still open" : c.outcome().name(),
                statement.trim(),
                history.toString(),
                caseLink(c));
        // the dispute and what the engine must hear of it commit together
        tx.executeWithoutResult(status -> {
            audit.record(
                    c,
                    "POLICY_DISPUTE_RAISED",
                    "DISPUTE_RAISED:" + clock.millis(),
                    "customer:" + c.customerNumber(),
                    statement,
                    clock.instant());
            engine.publish(ProcessContract.MSG_POLICY_DISPUTE, c.reference(), null, raised);
        });
    }

    /** The carrier and tracking number of the unit the customer sends back (once authorized, until received). */
    @Transactional
    public void setInboundTracking(CustomerId customer, String caseRef, String carrier, String trackingNumber) {
        CaseRecord c = store.requireOwned(caseRef, customer);
        if (c.rmaNumber() == null) {
            throw new ReturnRejected("trackingNumber", "Enter tracking once the RMA is authorized");
        }
        if (c.receivedAt() != null || c.closed()) {
            throw new ReturnRejected("trackingNumber", "The unit has already been received");
        }
        if (carrier == null || carrier.isBlank() || trackingNumber == null || trackingNumber.isBlank()) {
            throw new ReturnRejected("trackingNumber", "Enter both the carrier and the tracking number");
        }
        plainText("trackingNumber", carrier, "The carrier");
        plainText("trackingNumber", trackingNumber, "The tracking number");
        if (carrier.trim().length() > MAX_IDENTIFIER || trackingNumber.trim().length() > MAX_IDENTIFIER) {
            throw new ReturnRejected(
                    "trackingNumber",
                    "Keep the carrier and the tracking number under " + MAX_IDENTIFIER + " characters");
        }
        store.setInboundTracking(c.id(), carrier.trim(), trackingNumber.trim());
    }
}
