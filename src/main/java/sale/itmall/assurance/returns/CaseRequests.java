package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.policy.RepairQuote;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.shared.Labels;

/**
 * What customers and staff ask of a case or an asset once it exists: a cover extension, the answer to a paid repair
 * quote, a cancellation, a policy dispute, inbound tracking, and governance's reinstatement of a suspended account.
 * Each is recorded and, where the process waits for it, sent through the engine outbox in one transaction.
 */
@Service
public class CaseRequests {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseStore store;
    private final AssetStore assetStore;
    private final DiagnosisSteps diagnosisSteps;
    private final LateUnitSteps lateUnitSteps;
    private final EngineCommands engine;
    private final WarrantyLookup warrantyLookup;
    private final Clock clock;
    private final AuditTrail audit;
    private final FormFacts formFacts;

    CaseRequests(
            JdbcClient jdbc,
            TransactionTemplate tx,
            CaseStore store,
            AssetStore assetStore,
            DiagnosisSteps diagnosisSteps,
            LateUnitSteps lateUnitSteps,
            EngineCommands engine,
            WarrantyLookup warrantyLookup,
            Clock clock,
            AuditTrail audit,
            FormFacts formFacts) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.assetStore = assetStore;
        this.diagnosisSteps = diagnosisSteps;
        this.lateUnitSteps = lateUnitSteps;
        this.engine = engine;
        this.warrantyLookup = warrantyLookup;
        this.clock = clock;
        this.audit = audit;
        this.formFacts = formFacts;
    }

    /** The Service Governance Team reinstates a suspended account, with the reason the customer reads. */
    public void reinstateAccount(String customerNumber, String reason, String by) {
        InputRules.plainText("reason", reason, "reason");
        lateUnitSteps.reinstateAccount(customerNumber, reason, by);
    }

    /**
     * A customer asks the Service Governance Team to extend the cover of one of their assets: recorded and the
     * team's process started in one transaction (through the engine outbox); one open request per asset. Answers the
     * request's reference.
     */
    public String requestExtension(Customer customer, String serialNumber, String note, String by) {
        WarrantyLookup.AssetView asset = warrantyLookup.warranty(customer, serialNumber);
        if (asset.manufacturerPlan()) {
            throw new ReturnRejected("serialNumber", "extension.manufacturer-plan", asset.serialNumber());
        }
        if (note != null && note.length() > InputRules.MAX_TEXT) {
            throw new ReturnRejected("note", "note.too-long", InputRules.MAX_TEXT);
        }
        InputRules.plainText("note", note, "note");
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
                throw new ReturnRejected("serialNumber", "extension.already-asked", asset.serialNumber());
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
                            asset.category(),
                            asset.shippedOn(),
                            asset.entitlement(),
                            asset.warrantyEndsOn(),
                            asset.maintenanceEndsOn(),
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
            throw new ReturnRejected("answer", "quote.answer");
        }
        RepairQuote.Answer given = tx.execute(status -> {
            RepairQuote.Answer recorded = diagnosisSteps.answerRepairQuote(caseRef, accept, by);
            engine.publish(
                    ProcessContract.MSG_REPAIR_QUOTE_ANSWERED,
                    caseRef,
                    "repair-quote:" + caseRef,
                    new Variables.RepairQuoteAnswer(recorded));
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
            throw new ReturnRejected("caseRef", "cancel.too-late", caseRef);
        }
        if (assetStore.findReplacement(c.id()).isPresent()) {
            throw new ReturnRejected("caseRef", "cancel.advance-shipped", caseRef);
        }
        if (reason != null && reason.length() > InputRules.MAX_TEXT) {
            throw new ReturnRejected("reason", "reason.too-long", InputRules.MAX_TEXT);
        }
        InputRules.plainText("reason", reason, "The reason");
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
            throw new ReturnRejected("statement", "dispute.statement-missing");
        }
        if (statement.length() > InputRules.MAX_TEXT) {
            throw new ReturnRejected("statement", "dispute.statement-too-long", InputRules.MAX_TEXT);
        }
        InputRules.plainText("statement", statement, "statement");
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
        Variables.DisputeRaised raised = new Variables.DisputeRaised(
                FormFacts.identity(c), c.outcome(), statement.trim(), history.toString(), formFacts.caseLink(c));
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
            throw new ReturnRejected("trackingNumber", "tracking.before-rma");
        }
        if (c.receivedAt() != null || c.closed()) {
            throw new ReturnRejected("trackingNumber", "tracking.received");
        }
        if (carrier == null || carrier.isBlank() || trackingNumber == null || trackingNumber.isBlank()) {
            throw new ReturnRejected("trackingNumber", "tracking.both");
        }
        InputRules.plainText("trackingNumber", carrier, "carrier");
        InputRules.plainText("trackingNumber", trackingNumber, "tracking-number");
        if (carrier.trim().length() > InputRules.MAX_IDENTIFIER
                || trackingNumber.trim().length() > InputRules.MAX_IDENTIFIER) {
            throw new ReturnRejected("trackingNumber", "tracking.too-long", InputRules.MAX_IDENTIFIER);
        }
        store.setInboundTracking(c.id(), carrier.trim(), trackingNumber.trim());
    }
}
