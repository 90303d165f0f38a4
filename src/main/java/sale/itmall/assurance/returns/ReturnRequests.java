package sale.itmall.assurance.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import sale.itmall.assurance.policy.PolicyDecision;

/**
 * A customer opens a return request (the wizard and {@code POST /api/returns}): recorded with one case per item and
 * the start of its request process in one transaction; that process calls one return case per item, so each item has
 * its own terms, outcome, deadlines and charges. Every refusal is a {@link ReturnRejected} naming the field and the
 * reason, whichever door it came through.
 */
@Service
public class ReturnRequests {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EngineCommands engine;
    private final CustomerAccounts customerAccounts;
    private final WarrantyLookup warrantyLookup;
    private final PolicyDecision decision;
    private final Clock clock;

    ReturnRequests(
            JdbcClient jdbc,
            TransactionTemplate tx,
            EngineCommands engine,
            CustomerAccounts customerAccounts,
            WarrantyLookup warrantyLookup,
            PolicyDecision decision,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.engine = engine;
        this.customerAccounts = customerAccounts;
        this.warrantyLookup = warrantyLookup;
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

    /**
     * Records the request, its cases and the start of its process in one transaction; the request process then
     * acknowledges the request and calls one return case per item. The engine being unreachable delays the start, never
     * loses it ({@link EngineCommands}). A rejected request writes nothing; the rejection says which item and why.
     */
    public Submitted submit(String customerNumber, String orderNumber, List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw new ReturnRejected("items", "items.none");
        }
        if (items.size() > InputRules.MAX_ITEMS) {
            throw new ReturnRejected("items", "items.too-many", InputRules.MAX_ITEMS);
        }
        InputRules.plainText("orderNumber", orderNumber, "order-number");
        Set<String> serials = new LinkedHashSet<>();
        for (Item item : items) {
            if (item == null
                    || item.serialNumber() == null
                    || item.serialNumber().isBlank()) {
                throw new ReturnRejected("items", "items.serial-missing");
            }
            InputRules.serialNumber(item.serialNumber(), "items");
            InputRules.plainText("items", item.serialNumber(), "serial-number");
            InputRules.plainText(
                    "items[" + item.serialNumber() + "].faultDescription",
                    item.faultDescription(),
                    new ReturnRejected.Term("fault-description", item.serialNumber()));
            if (item.faultDescription() == null || item.faultDescription().isBlank()) {
                throw new ReturnRejected(
                        "items[" + item.serialNumber() + "].faultDescription", "fault.missing", item.serialNumber());
            }
            if (item.faultDescription().length() > InputRules.MAX_TEXT) {
                throw new ReturnRejected(
                        "items[" + item.serialNumber() + "].faultDescription",
                        "fault.too-long",
                        item.serialNumber(),
                        InputRules.MAX_TEXT);
            }
            if (!serials.add(item.serialNumber().trim())) {
                throw new ReturnRejected("items", "items.twice", item.serialNumber());
            }
            if (item.proofs().size() > ProofFile.MAX_PER_ITEM) {
                throw new ReturnRejected(
                        "items[" + item.serialNumber() + "].proofs",
                        "proofs.too-many",
                        ProofFile.MAX_PER_ITEM,
                        item.serialNumber());
            }
        }
        return tx.execute(status -> {
            Submitted submitted = insertRequest(customerNumber, orderNumber, items);
            engine.startRequest(submitted.requestReference());
            return submitted;
        });
    }

    private Submitted insertRequest(String customerNumber, String orderNumber, List<Item> items) {
        Customer customer = customerAccounts
                .customerByNumber(customerNumber)
                .orElseThrow(() -> new ReturnRejected("customerNumber", "customer.unknown", customerNumber));
        long customerId = customer.id().value();
        Long orderId = null;
        if (orderNumber != null && !orderNumber.isBlank()) {
            orderId = jdbc.sql("select id from orders where order_number = ? and customer_id = ?")
                    .params(orderNumber.trim(), customerId)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new ReturnRejected("orderNumber", "order.unknown", orderNumber));
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
            WarrantyLookup.Owned asset = warrantyLookup
                    .owned(customer, serial, orderId)
                    .orElseThrow(() -> new ReturnRejected(
                            "items[" + serial + "]",
                            orderNumber == null || orderNumber.isBlank() ? "asset.unknown" : "asset.unknown.on-order",
                            serial,
                            orderNumber));
            // the one rule the lookup and the wizard show: what they mark not returnable is refused here too
            if (!asset.view().returnable()) {
                throw new ReturnRejected(
                        "items[" + serial + "]",
                        "asset.not-returnable",
                        serial,
                        asset.view().notReturnableReason());
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
                throw new ReturnRejected("items[" + serial + "]", "asset.in-open-return", serial);
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
}
