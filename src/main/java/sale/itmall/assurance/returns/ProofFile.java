package sale.itmall.assurance.returns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A proof a customer uploads (photo, log or PDF), checked by its content, not by the name or type the browser claims.
 *
 * @param contentType the type the content was recognised as
 */
public record ProofFile(String fileName, String contentType, byte[] content) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_PER_ITEM = 5;
    public static final String ACCEPTED = "JPEG or PNG photos, PDF documents, plain-text logs; up to 10 MB each";

    /** Checks an upload; the rejection names the file and what is accepted. */
    public static ProofFile check(String field, String originalName, byte[] content) {
        String name = sanitize(originalName);
        if (content == null || content.length == 0) {
            throw new ReturnRejected(field, "proof.empty", name);
        }
        if (content.length > MAX_BYTES) {
            throw new ReturnRejected(field, "proof.too-large", name);
        }
        String type = sniff(content);
        if (type == null) {
            throw new ReturnRejected(field, "proof.type", name, ACCEPTED);
        }
        return new ProofFile(name, type, content);
    }

    static String sniff(byte[] c) {
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(c, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        byte[] head = Arrays.copyOf(c, Math.min(c.length, 8192));
        for (byte b : head) {
            if (b == 0) {
                return null;
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        return text.contains("\uFFFD") ? null : "text/plain";
    }

    private static boolean starts(byte[] c, int... magic) {
        if (c.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((c[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A file name safe to show and to offer for download: no path, no control or quoting characters. */
    static String sanitize(String name) {
        String base = name == null ? "proof" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"<>]", "")
                .trim();
        if (base.isEmpty()) {
            base = "proof";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }
}
