package sale.itmall.assurance.cases;

import java.util.List;

/** A return request (one submission of one or more items) with its cases, as the request process reads it. */
public record RequestRecord(long id, String reference, long customerId, String customerNumber, String customerName,
    String customerEmail, Long processInstanceKey, List<CaseRecord> cases) {}
