package sale.itmall.assurance.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an event is signed: header {@value #HEADER} = {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed with
 * the subscription's secret over {@code <t>.<body>}. A receiver recomputes it, compares in constant time and may refuse
 * a {@code t} too far from its own clock (a replay).
 */
public final class Signature {

    public static final String HEADER = "X-ITMall-Signature";

    private Signature() {}

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    public static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
