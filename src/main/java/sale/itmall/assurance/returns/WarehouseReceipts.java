package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.policy.LateUnitDecision;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.Variables;
import sale.itmall.assurance.shared.Labels;

/**
 * The warehouse posts a receipt (API, scan): the message the case waits for, correlated by RMA number and idempotent
 * on the receipt id; a unit whose case already closed is kept and handed to a person ({@code bpmn/itmall-late-unit.bpmn}).
 */
@Service
public class WarehouseReceipts {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseStore store;
    private final AssetStore assetStore;
    private final CaseFindings caseFindings;
    private final ResolutionSteps resolutionSteps;
    private final EngineCommands engine;
    private final Clock clock;
    private final Labels labels;
    private final FormFacts formFacts;

    WarehouseReceipts(
            JdbcClient jdbc,
            TransactionTemplate tx,
            CaseStore store,
            AssetStore assetStore,
            CaseFindings caseFindings,
            ResolutionSteps resolutionSteps,
            EngineCommands engine,
            Clock clock,
            Labels labels,
            FormFacts formFacts) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.assetStore = assetStore;
        this.caseFindings = caseFindings;
        this.resolutionSteps = resolutionSteps;
        this.engine = engine;
        this.clock = clock;
        this.labels = labels;
        this.formFacts = formFacts;
    }

    /** How far a warehouse's clock may run ahead of ours before its receipt counts as dated in the future. */
    static final Duration RECEIPT_CLOCK_SKEW = Duration.ofMinutes(5);

    /** The warehouse receipt the process waits for, correlated by RMA number; idempotent on the receipt id. */
    /** What the warehouse is told of a receipt: where the case stands and what to do with the unit. */
    /**
     * What the warehouse is told of a receipt: {@code status} RECEIVED, ALREADY_RECEIVED or HELD_FOR_DECISION (the case
     * closed before the unit came), {@code late} when the unit came after its return-by date, and what to do next.
     */
    public record ReceiptAnswer(String rmaNumber, String caseRef, String status, boolean late, String nextStep) {}

    public ReceiptAnswer publishReceipt(String rmaNumber, String receiptId, Instant receivedAt) {
        InputRules.plainText("receiptId", receiptId, "receipt-id");
        if (receiptId != null && receiptId.length() > InputRules.MAX_IDENTIFIER) {
            throw new ReturnRejected("receiptId", "receipt-id.too-long", InputRules.MAX_IDENTIFIER);
        }
        if (receivedAt != null && receivedAt.isAfter(clock.instant().plus(RECEIPT_CLOCK_SKEW))) {
            throw new ReturnRejected("receivedAt", "receipt.future", receivedAt.toString());
        }
        CaseRecord c = store.findByRmaNumber(rmaNumber).orElseThrow(() -> new CaseNotFound(rmaNumber));
        if (c.closed()) {
            // no process waits for it any more: the case keeps it, and staff decide in the late-unit process
            tx.executeWithoutResult(status -> {
                if (resolutionSteps.recordReceiptAfterClose(c.reference(), receivedAt, receiptId)) {
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
                    true,
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
                    c.lateAt(c.receivedAt()),
                    "Nothing more: this unit's receipt was recorded before.");
        }
        Instant at = receivedAt != null ? receivedAt : clock.instant();
        tx.executeWithoutResult(status -> engine.publish(
                ProcessContract.MSG_ASSET_RECEIVED,
                c.rmaNumber(),
                receiptId,
                new Variables.ReceiptMessage(receiptId, at)));
        return new ReceiptAnswer(
                rmaNumber,
                c.reference(),
                "RECEIVED",
                c.lateAt(at),
                "Send the unit to the service bench: its inspection is offered to service-bench (the task queue, or Tasklist).");
    }

    /** The late-unit process's start: what its forms show, and the decisions the case's closing leaves open. */
    private Variables.LateUnitReceived lateUnitFacts(CaseRecord c, String receiptId) {
        Optional<ReplacementUnit> replacement =
                assetStore.findReplacement(c.id()).filter(ReplacementUnit::advance);
        String charges = caseFindings.charges(c.id()).stream()
                .map(ch -> labels.of(ch.reason(), Locale.ENGLISH) + " "
                        + ch.amount().toPlainString() + " " + ch.currency() + " (" + ch.status() + ")")
                .collect(Collectors.joining("; "));
        long proofs = jdbc.sql("select count(*) from proofs where case_id = ?")
                .param(c.id().value())
                .query(Long.class)
                .single();
        return new Variables.LateUnitReceived(
                FormFacts.identity(c),
                c.faultDescription(),
                proofs == 0 ? "none" : proofs + " file(s), on the staff case page",
                c.terms(),
                c.rmaNumber(),
                receiptId,
                Labels.utc(c.receivedAt()),
                c.outcome(),
                labels.of(c.outcome(), Locale.ENGLISH),
                Labels.utc(c.closedAt()),
                Labels.utc(c.complianceLimitAt()),
                replacement.isPresent(),
                replacement.map(ReplacementUnit::serialNumber).orElse(null),
                charges.isEmpty() ? "none" : charges,
                c.accountSuspended() ? "suspended" : "active",
                LateUnitDecision.after(c.outcome()).stream()
                        .map(d -> new Variables.Option(labels.of(d, Locale.ENGLISH), d.name()))
                        .toList(),
                formFacts.caseLink(c));
    }
}
