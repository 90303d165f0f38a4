package sale.itmall.assurance.portal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import sale.itmall.assurance.returns.ReturnsQuery;

/**
 * A file a customer uploaded, handed back: saved under its (sanitized) name, of the type its content was recognised
 * as, never rendered by the browser in the portal's origin.
 */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> proof(ReturnsQuery.ProofContent proof) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(proof.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(proof.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(proof.content());
    }
}
