package sale.itmall.assurance.policy;

/** The asset categories of the warranty duration matrix (ITM-POL-2026.04 §2.1); names in messages.properties. */
public enum AssetCategory {
    ENTERPRISE_INFRASTRUCTURE,
    END_USER_TERMINAL,
    ACCESSORY
}
