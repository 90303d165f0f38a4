package sale.itmall.assurance.returns;

import java.util.List;

/** A return request with its cases, as the other modules see it. */
public record RequestFacts(
        RequestId id,
        String reference,
        CustomerId customerId,
        String customerName,
        String customerEmail,
        List<CaseFacts> cases) {}
