package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sale.itmall.assurance.policy.CaseOutcome;
import sale.itmall.assurance.policy.PolicyDecision;
import sale.itmall.assurance.policy.PolicyViolation;
import sale.itmall.assurance.policy.ServicePolicy;
import sale.itmall.assurance.process.Decisions;

/**
 * How a case and its request end: cancellation, a dispute's ruling, closing, and the request acknowledged and summarized once all its cases are closed.
 * Each step applies a {@link ServicePolicy} rule, writes what it decided and the audit record in one transaction,
 * publishes it as a {@link ReturnEvent} in that transaction, and is safe to repeat (a redelivered job finds its
 * own rows and answers the same).
 */
@Service
@Transactional
public class ClosingSteps {

    private final CaseStore store;
    private final RequestStore requestStore;
    private final AuditTrail audit;
    private final PolicyDecision decision;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CaseMetrics metrics;

    ClosingSteps(
            CaseStore store,
            RequestStore requestStore,
            AuditTrail audit,
            PolicyDecision decision,
            Clock clock,
            ApplicationEventPublisher events,
            CaseMetrics metrics) {
        this.store = store;
        this.requestStore = requestStore;
        this.audit = audit;
        this.decision = decision;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    public void cancel(String caseRef, String reason) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        audit.record(
                c,
                "RETURN_CANCELLED",
                "customer:" + c.customerNumber(),
                reason == null || reason.isBlank() ? "Cancelled by the customer" : reason,
                now);
        events.publishEvent(new ReturnEvent.ReturnCancelled(c.facts(), now));
    }

    /**
     * Records the governance ruling on a dispute once per dispute: the audit and mail key is the dispute's process
     * instance, so a redelivered job records and mails nothing twice.
     */
    public void recordDisputeRuling(
            String caseRef, Decisions.DisputeDecision decision, String ruling, long disputeInstanceKey) {
        CaseRecord c = store.require(caseRef);
        if (decision == null) {
            throw new PolicyViolation(
                    "The policy dispute form was completed without a ruling (disputeDecision is missing)");
        }
        Instant now = clock.instant();
        String step = "DISPUTE_RULING:" + disputeInstanceKey;
        audit.record(
                c,
                "POLICY_DISPUTE_RULED",
                step,
                "tasklist:service-governance",
                decision + ": " + (ruling == null ? "" : ruling),
                now);
        events.publishEvent(new ReturnEvent.DisputeRuled(
                c.facts(), now, step, decision == Decisions.DisputeDecision.UPHELD, ruling));
    }

    public void close(String caseRef, CaseOutcome parsed) {
        CaseRecord c = store.require(caseRef);
        Instant now = clock.instant();
        if (store.close(c.id(), parsed, now)) {
            // a case reopened for its late unit closes a second time: one event per outcome
            audit.record(c, "CASE_CLOSED", "CASE_CLOSED:" + parsed, "system:case-close", parsed.name(), now);
            metrics.closed(parsed);
            events.publishEvent(
                    new ReturnEvent.CaseClosed(store.require(caseRef).facts(), now, parsed));
        }
    }

    /**
     * Acknowledges a request once, from the process instance that runs it: one "request received" message that lists
     * all its items. False when another instance already runs the request (it was started twice: a crash between the
     * start and its record); that instance is then not the request's and does nothing.
     */
    public boolean acknowledgeRequest(String requestRef, long processInstanceKey) {
        RequestRecord r = requestStore.requireRequest(requestRef);
        if (!requestStore.bindRequestInstance(r.id(), processInstanceKey)) {
            return false;
        }
        events.publishEvent(new ReturnEvent.RequestReceived(r.facts(), clock.instant()));
        return true;
    }

    /** Tells the customer how each item of a request ended, once all its cases are closed. */
    public void summarizeRequest(String requestRef) {
        RequestRecord r = requestStore.requireRequest(requestRef);
        events.publishEvent(new ReturnEvent.RequestSettled(r.facts(), clock.instant()));
    }
}
