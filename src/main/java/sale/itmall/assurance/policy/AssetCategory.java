package sale.itmall.assurance.policy;

/** The asset categories of the warranty duration matrix (ITM-POL-2026.04 §2.1). */
public enum AssetCategory {
  ENTERPRISE_INFRASTRUCTURE("Enterprise Infrastructure"),
  END_USER_TERMINAL("End-User Terminals / Workstations"),
  ACCESSORY("Accessories / Modules / Spares");

  private final String label;

  AssetCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
