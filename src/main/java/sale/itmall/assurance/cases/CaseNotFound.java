package sale.itmall.assurance.cases;

/** A case reference or RMA number that names no case. */
public class CaseNotFound extends RuntimeException {
  public CaseNotFound(String reference) {
    super("No return case " + reference);
  }
}
