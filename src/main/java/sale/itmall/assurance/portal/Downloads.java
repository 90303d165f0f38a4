package sale.itmall.assurance.portal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import sale.itmall.assurance.returns.ReturnLabels;
import sale.itmall.assurance.returns.ReturnsQuery;

/** The files the portal hands out: a return label to print, and a file a customer uploaded. */
public final class Downloads {

    private Downloads() {}

    /** A return label, shown in the browser (to print) and saved under its file name. */
    public static ResponseEntity<byte[]> label(ReturnLabels.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(pdf.fileName())
                                .build()
                                .toString())
                .body(pdf.content());
    }

    /**
     * A file a customer uploaded, handed back: saved under its (sanitized) name, of the type its content was
     * recognised as, never rendered by the browser in the portal's origin.
     */
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
