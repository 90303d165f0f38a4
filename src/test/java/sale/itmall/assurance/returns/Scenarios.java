package sale.itmall.assurance.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.support.Fixtures;

/** Cases brought to a given point of the process, as Tasklist users would bring them there. */
public class Scenarios {

    private final ReturnRequests returnRequests;
    private final Fixtures fixtures;
    private final ProcessDriver driver;
    private final TransactionTemplate tx;

    public Scenarios(ReturnRequests returnRequests, Fixtures fixtures, ProcessDriver driver, TransactionTemplate tx) {
        this.returnRequests = returnRequests;
        this.fixtures = fixtures;
        this.driver = driver;
        this.tx = tx;
    }

    /**
     * A request accepted while its items were returnable, whose facts then change before the process checks them (the
     * account is suspended, a manufacturer plan is recorded): the change commits with the submission, so the process
     * starts on the changed facts and its own checks decide. The doors refuse such items up front.
     */
    public List<String> submitThenChange(String customer, List<ReturnRequests.Item> items, Runnable change) {
        return tx.execute(status -> {
            List<String> refs = returnRequests.submit(customer, null, items).caseReferences();
            change.run();
            return refs;
        });
    }

    public String submit(String customer, String serial, String fault) {
        return returnRequests
                .submit(customer, null, List.of(new ReturnRequests.Item(serial, fault)))
                .caseReferences()
                .get(0);
    }

    /** A new case of a new asset of the customer's, waiting at remote diagnosis. */
    public String caseAtDiagnosis(String customer, AssetCategory category, int shippedDaysAgo) {
        String caseRef =
                submit(customer, fixtures.asset(customer, category, shippedDaysAgo, false), "Fans fail at boot");
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
        return caseRef;
    }

    /**
     * A case at remote diagnosis (an asset outside its warranty) whose defect TAC confirmed with a paid repair quote, as
     * the remote diagnosis form sends it; waiting for the customer's answer.
     */
    public String quote(String caseRef, String amount, String currency) {
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of(
                        "diagnosisOutcome",
                        "HARDWARE_DEFECT",
                        "repairQuoteAmount",
                        new BigDecimal(amount),
                        "repairQuoteCurrency",
                        currency));
        driver.awaitWaitingAt(caseRef, Elements.AWAIT_QUOTE_ANSWER);
        return caseRef;
    }

    /**
     * A case at remote diagnosis whose TAC engineer asked the customer a question for logs, as the remote diagnosis form
     * sends it; waiting for the customer's answer.
     */
    public String ask(String caseRef, String question) {
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of(
                        "diagnosisOutcome",
                        "ASK_CUSTOMER",
                        "customerQuestion",
                        question,
                        "questionTopics",
                        List.of("LOGS")));
        driver.awaitWaitingAt(caseRef, Elements.AWAIT_CUSTOMER_ANSWER);
        return caseRef;
    }

    /** A case whose defect was confirmed and whose RMA was authorized, waiting for the returned unit. */
    public String caseAwaitingReturn(String customer, int shippedDaysAgo) {
        return authorize(caseAtDiagnosis(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, shippedDaysAgo));
    }

    /** Carries a case waiting at remote diagnosis through a confirmed defect and an approved RMA. */
    public String authorize(String caseRef) {
        driver.completeUserTask(
                caseRef,
                Elements.REMOTE_DIAGNOSIS,
                Map.of("diagnosisOutcome", "HARDWARE_DEFECT", "diagnosisNotes", "PSU fault confirmed"));
        driver.completeUserTask(caseRef, Elements.RMA_APPROVAL, Map.of("rmaDecision", "APPROVE"));
        driver.awaitWaitingAt(caseRef, Elements.AWAIT_RETURN);
        return caseRef;
    }
}
