package sale.itmall.assurance.cases;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status.Code;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.notify.Notifications;
import sale.itmall.assurance.policy.ServicePolicy;

/**
 * Opens return requests and talks to the process engine about them: one process instance per returned item (so each
 * item has its own outcome, deadlines and charges), plus the messages a case waits for.
 */
@Service
public class ReturnSubmissions {

  public static final String PROCESS_ID = "itmall-return-case";
  public static final String DISPUTE_PROCESS_ID = "itmall-policy-dispute";
  public static final String MSG_ASSET_RECEIVED = "asset-received";
  public static final String MSG_CANCELLATION = "return-cancellation-requested";
  public static final String MSG_POLICY_DISPUTE = "policy-dispute-raised";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final CaseStore store;
  private final CamundaClient camunda;
  private final ServicePolicy policy;
  private final Clock clock;
  private final Notifications notifications;
  private final AuditTrail audit;

  public ReturnSubmissions(JdbcClient jdbc, TransactionTemplate tx, CaseStore store, CamundaClient camunda,
      ServicePolicy policy, Clock clock, Notifications notifications, AuditTrail audit) {
    this.notifications = notifications;
    this.audit = audit;
    this.jdbc = jdbc;
    this.tx = tx;
    this.store = store;
    this.camunda = camunda;
    this.policy = policy;
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

  /**
   * Records the request and its cases, then starts one instance per case. A rejected request writes nothing; the
   * rejection says which item and why.
   */
  public Submitted submit(String customerNumber, String orderNumber, List<Item> items) {
    if (items == null || items.isEmpty()) {
      throw new ReturnRejected("items", "Select at least one item to return");
    }
    Set<String> serials = new LinkedHashSet<>();
    for (Item item : items) {
      if (item.serialNumber() == null || item.serialNumber().isBlank()) {
        throw new ReturnRejected("items", "Every item needs a serial number");
      }
      if (item.faultDescription() == null || item.faultDescription().isBlank()) {
        throw new ReturnRejected("items[" + item.serialNumber() + "].faultDescription",
            "Describe the fault of " + item.serialNumber());
      }
      if (!serials.add(item.serialNumber().trim())) {
        throw new ReturnRejected("items", item.serialNumber() + " is listed twice");
      }
      if (item.proofs().size() > ProofFile.MAX_PER_ITEM) {
        throw new ReturnRejected("items[" + item.serialNumber() + "].proofs",
            "Attach at most " + ProofFile.MAX_PER_ITEM + " proofs to " + item.serialNumber());
      }
    }
    Submitted submitted = tx.execute(status -> insertRequest(customerNumber, orderNumber, items));
    for (String caseRef : submitted.caseReferences()) {
      start(store.require(caseRef));
    }
    return submitted;
  }

  private Submitted insertRequest(String customerNumber, String orderNumber, List<Item> items) {
    Long customerId = jdbc.sql("select id from customers where customer_number = ?").param(customerNumber)
        .query(Long.class).optional()
        .orElseThrow(() -> new ReturnRejected("customerNumber", "Unknown customer " + customerNumber));
    Long orderId = null;
    if (orderNumber != null && !orderNumber.isBlank()) {
      orderId = jdbc.sql("select id from orders where order_number = ? and customer_id = ?")
          .params(orderNumber.trim(), customerId).query(Long.class).optional()
          .orElseThrow(() -> new ReturnRejected("orderNumber", "No order " + orderNumber + " on this account"));
    }
    String year = String.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).getYear());
    long requestId = jdbc.sql("select nextval('return_requests_id_seq')").query(Long.class).single();
    String requestRef = "RR-%s-%06d".formatted(year, requestId);
    Instant now = clock.instant();
    jdbc.sql("insert into return_requests (id, reference, customer_id, order_id, submitted_at) values (?, ?, ?, ?, ?)")
        .params(requestId, requestRef, customerId, orderId, CaseStore.ts(now)).update();
    List<String> caseRefs = new ArrayList<>();
    for (Item item : items) {
      String serial = item.serialNumber().trim();
      Long assetId = jdbc.sql("""
              select id from assets where serial_number = ? and customer_id = ? and owner = 'CUSTOMER'
                 and (?::bigint is null or order_id = ?)""")
          .params(serial, customerId, orderId, orderId).query(Long.class).optional()
          .orElseThrow(() -> new ReturnRejected("items[" + serial + "]",
              "No asset with serial " + serial + (orderNumber == null || orderNumber.isBlank() ? "" : " on order " + orderNumber)
                  + " belongs to this account"));
      long caseId = jdbc.sql("select nextval('return_cases_id_seq')").query(Long.class).single();
      String caseRef = "RC-%s-%06d".formatted(year, caseId);
      try {
        jdbc.sql("""
            insert into return_cases (id, reference, request_id, asset_id, fault_description, policy_revision, status,
                                      created_at)
            values (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)""")
            .params(caseId, caseRef, requestId, assetId, item.faultDescription().trim(), policy.revision(),
                CaseStore.ts(now))
            .update();
      } catch (DuplicateKeyException e) {
        throw new ReturnRejected("items[" + serial + "]", serial + " is already in an open return");
      }
      for (ProofFile proof : item.proofs()) {
        jdbc.sql("insert into proofs (case_id, file_name, content_type, size_bytes, content, uploaded_at) "
                + "values (?, ?, ?, ?, ?, ?)")
            .params(caseId, proof.fileName(), proof.contentType(), proof.content().length, proof.content(),
                CaseStore.ts(now))
            .update();
      }
      caseRefs.add(caseRef);
      notifications.queue(store.require(caseRef), "request-received", now);
    }
    return new Submitted(requestRef, caseRefs);
  }

  /** Starts the process for a recorded case that has none yet, with the variables its forms show. */
  public long start(CaseRecord c) {
    if (c.processInstanceKey() != null) {
      return c.processInstanceKey();
    }
    Map<String, Object> variables = caseVariables(c);
    List<String> proofs = jdbc.sql("select file_name from proofs where case_id = ? order by id").param(c.id())
        .query(String.class).list();
    variables.put("proofSummary", proofs.isEmpty() ? "none attached"
        : proofs.size() + " attached (" + String.join(", ", proofs) + "), viewable by staff in the portal");
    ProcessInstanceEvent event = camunda.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(variables).send().join();
    store.setProcessInstance(c.id(), event.getProcessInstanceKey());
    return event.getProcessInstanceKey();
  }

  /** The variables Tasklist forms and Operate show for a case. */
  private static Map<String, Object> caseVariables(CaseRecord c) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseRef", c.reference());
    variables.put("requestRef", c.requestReference());
    variables.put("customerNumber", c.customerNumber());
    variables.put("customerName", c.customerName());
    variables.put("serialNumber", c.serialNumber());
    variables.put("assetModel", c.model());
    variables.put("assetCategory", c.category().name());
    variables.put("shippedOn", c.shippedOn().toString());
    variables.put("faultDescription", c.faultDescription());
    variables.put("policyRevision", c.policyRevision());
    return variables;
  }

  /** The warehouse receipt the process waits for, correlated by RMA number; idempotent on the receipt id. */
  public void publishReceipt(String rmaNumber, String receiptId, Instant receivedAt) {
    CaseRecord c = store.findByRmaNumber(rmaNumber).orElseThrow(() -> new CaseNotFound(rmaNumber));
    if (c.receivedAt() != null) {
      return; // already received: a repeated receipt changes nothing
    }
    try {
      camunda.newPublishMessageCommand().messageName(MSG_ASSET_RECEIVED).correlationKey(c.rmaNumber())
          .messageId(receiptId)
          .variables(Map.of("receiptId", receiptId,
              "receivedAt", (receivedAt != null ? receivedAt : clock.instant()).toString()))
          .send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Code.ALREADY_EXISTS) {
        throw e;
      }
      // the engine already holds this receipt (same message id): nothing more to do
    }
  }

  public void requestCancellation(String caseRef, String reason) {
    CaseRecord c = store.require(caseRef);
    if (c.closed() || c.receivedAt() != null) {
      throw new ReturnRejected("caseRef", caseRef + " can no longer be cancelled: the unit has been received or the case is closed");
    }
    if (store.findReplacement(c.id()).isPresent()) {
      throw new ReturnRejected("caseRef",
          caseRef + " has an advance replacement on its way: return the faulty unit instead of cancelling");
    }
    camunda.newPublishMessageCommand().messageName(MSG_CANCELLATION).correlationKey(c.reference())
        .variables(Map.of("cancellationReason", reason == null ? "" : reason)).send().join();
  }

  public void raisePolicyDispute(String caseRef, String statement) {
    CaseRecord c = store.require(caseRef);
    if (statement == null || statement.isBlank()) {
      throw new ReturnRejected("statement", "Say what you dispute and why");
    }
    StringBuilder history = new StringBuilder();
    for (AuditTrail.Event e : audit.events(c.id())) {
      history.append(sale.itmall.assurance.text.Labels.when(e.occurredAt())).append(" · ").append(e.type())
          .append(" · ").append(e.actor()).append(" · ").append(e.detail()).append('\n');
    }
    audit.record(c, "POLICY_DISPUTE_RAISED", "DISPUTE_RAISED:" + clock.millis(), "customer:" + c.customerNumber(),
        statement, clock.instant());
    Map<String, Object> variables = caseVariables(c);
    variables.put("disputeStatement", statement.trim());
    variables.put("caseHistory", history.toString());
    variables.put("caseOutcome", c.outcome() == null ? "still open" : c.outcome());
    camunda.newPublishMessageCommand().messageName(MSG_POLICY_DISPUTE).correlationKey(c.reference())
        .variables(variables).send().join();
  }
}
