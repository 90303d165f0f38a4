package sale.itmall.assurance.returns;

import sale.itmall.assurance.shared.Audience;

/** A customer account as the portal shows it; its mails are written in its audience's language and time zone. */
public record Customer(
        CustomerId id, String customerNumber, String name, String email, boolean suspended, Audience audience) {}
