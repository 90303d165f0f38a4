package sale.itmall.assurance.returns;

/** A customer account as the portal shows it. */
public record Customer(CustomerId id, String customerNumber, String name, String email, boolean suspended) {}
