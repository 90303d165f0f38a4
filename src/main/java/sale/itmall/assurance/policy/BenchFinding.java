package sale.itmall.assurance.policy;

/** What bench inspection of the returned unit found. */
public enum BenchFinding {
    DEFECT_CONFIRMED,
    NO_FAULT_FOUND,
    EXCLUDED
}
