package sale.itmall.assurance.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sale.itmall.assurance.returns.InstalledBaseImport;

/**
 * The installed-base import for an ERP or a script (an installed-base-import API key, or a service administrator with
 * HTTP Basic): the same importer as the staff page. 200 with the counts when every row was accepted (written, or checked on a dry run); 422 with every rejected
 * row's line and reason, and nothing written, otherwise.
 */
@RestController
@RequestMapping("/api/admin/installed-base")
@SecurityRequirement(name = ApiDocs.API_KEY)
@SecurityRequirement(name = ApiDocs.BASIC)
class InstalledBaseApi {

    private final InstalledBaseImport importer;

    InstalledBaseApi(InstalledBaseImport importer) {
        this.importer = importer;
    }

    @Operation(
            summary = "Import customers, orders and shipped assets from CSV (columns: "
                    + "customer_number, customer_name, customer_email, order_number, ordered_on, serial_number, model,"
                    + " category, shipped_on, unit_price, currency, manufacturer_plan, manufacturer_name)")
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> importCsv(
            Principal me,
            @RequestBody String csv,
            @Parameter(description = "check and count, write nothing") @RequestParam(defaultValue = "false")
                    boolean dryRun,
            @RequestParam(defaultValue = "api.csv") String fileName) {
        return answer(importer.importFile(me.getName(), fileName, new StringReader(csv), dryRun));
    }

    @Operation(summary = "The same import, as a file upload (multipart field 'file')")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(
            Principal me, @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return answer(importer.importFile(
                    me.getName(),
                    file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(),
                    reader,
                    dryRun));
        }
    }

    @Operation(summary = "One import as the audit keeps it (who, when, which file, counts, rejected rows)")
    @GetMapping("/{importId}")
    InstalledBaseImport.ImportRecord status(@PathVariable long importId) {
        return importer.status(importId);
    }

    static ResponseEntity<?> answer(InstalledBaseImport.Result result) {
        if (result.rejected().isEmpty()) {
            return ResponseEntity.ok(result);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY,
                result.rejected().size() + " of " + result.rows()
                        + " rows cannot be imported; nothing was written. Correct them and send the file again.");
        problem.setTitle("Import not accepted");
        problem.setType(URI.create("https://itmall.sale/problems/import-rejected"));
        problem.setProperty("importId", result.importId());
        problem.setProperty("rejected", result.rejected());
        return ResponseEntity.unprocessableEntity()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
