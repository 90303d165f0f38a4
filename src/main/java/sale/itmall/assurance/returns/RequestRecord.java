package sale.itmall.assurance.returns;

import java.util.List;

/** A return request (one submission of one or more items) with its cases, as the request process reads it. */
record RequestRecord(
        RequestId id,
        String reference,
        CustomerId customerId,
        String customerNumber,
        String customerName,
        String customerEmail,
        Long processInstanceKey,
        List<CaseRecord> cases) {

    RequestFacts facts() {
        return new RequestFacts(
                id,
                reference,
                customerId,
                customerName,
                customerEmail,
                cases.stream().map(CaseRecord::facts).toList());
    }
}
