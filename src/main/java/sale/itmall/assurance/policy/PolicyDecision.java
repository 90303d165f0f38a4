package sale.itmall.assurance.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The deployed policy decision ({@value #DECISION_ID}, bpmn/itmall-policy-terms.dmn) as the
 * application reads it. A return case evaluates it once through its business rule task ({@link #evaluate}); the
 * portal's lookup and wizard read {@link #current}, which holds the terms of the newest decision version per asset
 * category and asks the engine again only when a refresh or a case's evaluation shows a newer version: a page view
 * does not call the engine, and a new deployment takes effect without a restart.
 */
@Service
public class PolicyDecision {

    /** The id of the deployed decision, as in bpmn/itmall-policy-terms.dmn. */
    public static final String DECISION_ID = "itmall-policy-terms";

    private static final Logger LOG = LoggerFactory.getLogger(PolicyDecision.class);

    private final DecisionEngine engine;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Terms per category of the newest decision version seen; cleared when a newer version shows up. */
    private final Map<AssetCategory, DecidedTerms> current = new ConcurrentHashMap<>();

    private volatile long newestDecisionKey = -1;

    public PolicyDecision(DecisionEngine engine) {
        this.engine = engine;
    }

    /** Evaluates the newest deployed decision for an asset category (the {@code latest} binding). */
    public DecidedTerms evaluate(AssetCategory category) {
        DecisionEngine.Evaluation response;
        try {
            response = engine.evaluate(DECISION_ID, Map.of("assetCategory", category.name()));
        } catch (DecisionEngine.Refused e) {
            throw new PolicyViolation("The policy decision " + DECISION_ID + " could not be evaluated for " + category
                    + ": " + e.getMessage()
                    + ". Deploy bpmn/itmall-policy-terms.dmn with a rule for every asset category");
        }
        if (response.failed()) {
            throw new PolicyViolation("The policy decision " + response.failedDecisionId() + " failed for " + category
                    + ": " + response.failureMessage());
        }
        DecidedTerms decided = new DecidedTerms(
                parse(response.output(), category),
                response.decisionId(),
                response.decisionKey(),
                response.decisionVersion());
        observe(category, decided);
        return decided;
    }

    /** The terms of the newest decision version for a category, evaluated once per version. */
    public DecidedTerms current(AssetCategory category) {
        DecidedTerms cached = current.get(category);
        return cached != null ? cached : evaluate(category);
    }

    /**
     * Asks the engine for the newest decision version (one evaluation); when it changed, forgets the cached terms so
     * the next page view evaluates the new version. Also runs on a schedule, so a decision deployed from Modeler takes
     * effect within {@code itmall.policy.refresh-interval}.
     */
    @Scheduled(
            fixedDelayString = "${itmall.policy.refresh-interval:30s}",
            initialDelayString = "${itmall.policy.refresh-interval:30s}")
    public void refresh() {
        try {
            evaluate(AssetCategory.values()[0]);
        } catch (PolicyViolation e) {
            // a decision that gives no terms is for its owner to mend; an unreachable engine is an outage, which the
            // scheduled jobs' outage log tells once (config/ScheduledJobs)
            LOG.warn("Could not refresh the policy terms (the cached ones stay in use): {}", e.getMessage());
        }
    }

    private void observe(AssetCategory category, DecidedTerms decided) {
        if (decided.decisionKey() != newestDecisionKey) {
            synchronized (this) {
                if (decided.decisionKey() != newestDecisionKey) {
                    if (newestDecisionKey != -1) {
                        LOG.info(
                                "Policy decision now {} ({}): cached terms replaced",
                                decided.decisionLabel(),
                                decided.terms().policyRevision());
                    }
                    current.clear();
                    newestDecisionKey = decided.decisionKey();
                }
            }
        }
        if (decided.decisionKey() == newestDecisionKey) {
            current.put(category, decided);
        }
    }

    PolicyTerms parse(String output, AssetCategory category) {
        try {
            return json.readValue(output, PolicyTerms.class).complete();
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof PolicyViolation)) {
                cause = cause.getCause();
            }
            throw new PolicyViolation(
                    cause instanceof PolicyViolation
                            ? cause.getMessage() + " (asset category " + category + ")"
                            : "The policy decision gave no terms for asset category " + category + " ('" + output
                                    + "'); add a rule for it in bpmn/itmall-policy-terms.dmn and deploy it");
        }
    }
}
