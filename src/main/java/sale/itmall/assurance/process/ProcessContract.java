package sale.itmall.assurance.process;

import sale.itmall.assurance.policy.PolicyDecision;

/**
 * The names the models in bpmn/ and the Java code share: process ids, the decision, message names, error codes, job
 * types and the element ids Java refers to. The variables each start, message and worker carries are the records in
 * {@link Variables}; {@code ProcessContractTest} checks the models and forms against both.
 */
public final class ProcessContract {

    private ProcessContract() {}

    // processes and the decision
    public static final String REQUEST_PROCESS_ID = "itmall-return-request";
    public static final String CASE_PROCESS_ID = "itmall-return-case";
    public static final String DISPUTE_PROCESS_ID = "itmall-policy-dispute";
    public static final String LATE_UNIT_PROCESS_ID = "itmall-late-unit";
    public static final String EXTENSION_PROCESS_ID = "itmall-coverage-extension";
    public static final String POLICY_DECISION_ID = PolicyDecision.DECISION_ID;

    // messages
    public static final String MSG_ASSET_RECEIVED = "asset-received";
    public static final String MSG_CANCELLATION = "return-cancellation-requested";
    public static final String MSG_POLICY_DISPUTE = "policy-dispute-raised";
    public static final String MSG_LATE_UNIT = "late-unit-received";
    public static final String MSG_REPAIR_QUOTE_ANSWERED = "repair-quote-answered";
    public static final String MSG_EXTENSION_REQUESTED = "coverage-extension-requested";
    /** Correlated by {@code questionKey}: the case and the round, so an answer never reaches a later question. */
    public static final String MSG_CUSTOMER_ANSWERED = "customer-answered";

    /** The remote-diagnosis form's choice that asks the customer instead of concluding (not a diagnosis outcome). */
    public static final String ASK_CUSTOMER = "ASK_CUSTOMER";

    // BPMN errors
    public static final String ERROR_CHARGE_DECLINED = "CHARGE_DECLINED";

    // job types: what Operate shows for each step
    public static final class Jobs {
        private Jobs() {}

        public static final String REQUEST_ACKNOWLEDGE = "request-acknowledge";
        public static final String REQUEST_SUMMARY = "request-summary";
        public static final String POLICY_TERMS = "policy-terms";
        public static final String ENTITLEMENT_CHECK = "entitlement-check";
        public static final String DIAGNOSIS_ESCALATE = "diagnosis-escalate";
        public static final String DIAGNOSIS_RECORD = "diagnosis-record";
        public static final String RMA_DECIDE = "rma-decide";
        public static final String ADVANCE_DISPATCH = "advance-replacement-dispatch";
        public static final String OWNERSHIP_TRANSFER = "ownership-transfer";
        public static final String OVERDUE_NOTICE = "return-overdue-notice";
        public static final String UNIT_PRICE_CHARGE = "unit-price-charge";
        public static final String ACCOUNT_SUSPEND = "account-suspend";
        public static final String RMA_EXPIRE = "rma-expire";
        public static final String RECEIPT_RECORD = "receipt-record";
        public static final String RESOLUTION_RECORD = "resolution-record";
        public static final String OUTBOUND_SHIPMENT = "outbound-shipment";
        public static final String RETURN_CANCEL = "return-cancel";
        public static final String CASE_CLOSE = "case-close";
        public static final String DISPUTE_RECORD = "dispute-record";
        public static final String LATE_UNIT_DECIDE = "late-unit-decide";
        public static final String REPAIR_QUOTE_SETTLE = "repair-quote-settle";
        public static final String EXTENSION_ANSWER = "extension-answer";
        public static final String QUESTION_REMIND = "customer-question-remind";
        public static final String QUESTION_SETTLE = "customer-question-settle";
    }

    // element ids the application and its tests refer to
    public static final class Elements {
        private Elements() {}

        public static final String CASE_CALL = "CallActivity_ReturnCase";
        public static final String POLICY_TERMS = "Task_PolicyTerms";
        public static final String REMOTE_DIAGNOSIS = "Task_RemoteDiagnosis";
        public static final String RECORD_DIAGNOSIS = "Task_RecordDiagnosis";
        public static final String RMA_APPROVAL = "Task_RmaApproval";
        public static final String DECIDE_RMA = "Task_DecideRma";
        public static final String AWAIT_RETURN = "Task_AwaitReturn";
        public static final String INSPECTION = "Task_Inspection";
        public static final String RECORD_RESOLUTION = "Task_RecordResolution";
        public static final String DISPUTE_REVIEW = "Task_ReviewDispute";
        public static final String RECORD_DISPUTE = "Task_RecordDisputeRuling";
        public static final String LATE_UNIT_GOVERNANCE = "Task_LateUnitGovernance";
        public static final String LATE_UNIT_RMA = "Task_LateUnitRma";
        public static final String RECORD_LATE_UNIT = "Task_RecordLateUnitDecision";
        public static final String AWAIT_QUOTE_ANSWER = "Task_AwaitQuoteAnswer";
        public static final String SETTLE_QUOTE = "Task_SettleRepairQuote";
        public static final String REVIEW_EXTENSION = "Task_ReviewExtension";
        public static final String OVERDUE_NOTICE = "Task_OverdueNotice";
        public static final String DISPATCH_ADVANCE = "Task_DispatchAdvance";
        public static final String TRANSFER_OWNERSHIP = "Task_TransferOwnership";
        public static final String SUSPEND_ACCOUNT = "Task_SuspendAccount";
        public static final String RECORD_RECEIPT = "Task_RecordReceipt";
        public static final String EXPIRE_RMA = "Task_ExpireRma";
        public static final String ESCALATE_DIAGNOSIS = "Task_EscalateDiagnosis";
        public static final String CLOSE_CASE = "Task_CloseCase";
        public static final String CHARGE_UNIT_PRICE = "Task_ChargeUnitPrice";
        public static final String CANCEL_RETURN = "Task_CancelReturn";
        public static final String AWAIT_CUSTOMER_ANSWER = "Task_AwaitCustomerAnswer";
        public static final String REMIND_CUSTOMER = "Task_RemindCustomer";
        public static final String SETTLE_QUESTION = "Task_SettleQuestion";
    }

    /** Where a case goes after a step that may end it early: the gateways route on these. */
    public enum Route {
        CONTINUE,
        CLOSE,
        /** A paid repair was quoted: the case waits for the customer's answer. */
        QUOTE,
        /** TAC asked the customer: the case waits for the answer, then diagnosis resumes. */
        QUESTION
    }
}
