package sale.itmall.assurance.portal.staff;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.ReturnRejected;
import sale.itmall.assurance.returns.WarehouseReceipts;
import sale.itmall.assurance.returns.WarehouseReceipts.ReceiptAnswer;

/**
 * The warehouse's receiving page: a handheld scanner (a keyboard that types the label's code and Enter) records one
 * receipt after another through the same rule as the receipt API, and each scan is answered on the page at once:
 * received, received late, already received, late after the case closed (hold for a decision), unknown RMA. The
 * receipt id of a scan is {@code SCAN-<RMA number>}, so a unit scanned twice is received once.
 */
@Controller
class WarehouseScanPages {

    /** How many scans the page lists (the station's session keeps them). */
    static final int KEPT = 50;

    static final int MAX_CODE = 100;
    private static final String SCANS = WarehouseScanPages.class.getName() + ".scans";

    /** One scan as the page shows it; {@code tone} is ok, notice, warn or error. */
    record Scan(Instant at, String code, String caseRef, String outcome, String tone, String nextStep)
            implements Serializable {}

    private final WarehouseReceipts receipts;
    private final Clock clock;

    WarehouseScanPages(WarehouseReceipts receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    @GetMapping("/staff/warehouse/scan")
    String page(HttpSession session, Model model) {
        List<Scan> scans = scans(session);
        model.addAttribute("scans", scans);
        model.addAttribute("latest", scans.isEmpty() ? null : scans.get(0));
        model.addAttribute("maxCode", MAX_CODE);
        return "staff-warehouse-scan";
    }

    @PostMapping("/staff/warehouse/scan")
    String scan(@RequestParam(defaultValue = "") String code, HttpSession session) {
        String rma = code.strip().toUpperCase(Locale.ROOT);
        List<Scan> scans = new ArrayList<>(scans(session));
        scans.add(0, answer(rma));
        session.setAttribute(SCANS, List.copyOf(scans.subList(0, Math.min(KEPT, scans.size()))));
        return "redirect:/staff/warehouse/scan";
    }

    private Scan answer(String rma) {
        Instant now = clock.instant();
        if (rma.isEmpty()) {
            return new Scan(now, "", null, "Nothing scanned", "error", "Scan the barcode or QR code on the label.");
        }
        if (rma.length() > MAX_CODE) {
            return new Scan(
                    now,
                    rma.substring(0, 20) + "…",
                    null,
                    "Not an RMA number",
                    "error",
                    "Scan the label's code again.");
        }
        try {
            ReceiptAnswer a = receipts.publishReceipt(rma, "SCAN-" + rma, null);
            return switch (a.status()) {
                case "RECEIVED" ->
                    a.late()
                            ? new Scan(
                                    now,
                                    rma,
                                    a.caseRef(),
                                    "Received late",
                                    "warn",
                                    a.nextStep() + " It came after its return-by date: the case records it as late.")
                            : new Scan(now, rma, a.caseRef(), "Received", "ok", a.nextStep());
                case "ALREADY_RECEIVED" -> new Scan(now, rma, a.caseRef(), "Already received", "notice", a.nextStep());
                default -> new Scan(now, rma, a.caseRef(), "Late: hold for a decision", "warn", a.nextStep());
            };
        } catch (CaseNotFound e) {
            return new Scan(
                    now,
                    rma,
                    null,
                    "Unknown RMA",
                    "error",
                    "No authorized return has this number: check the label, or set the unit aside for the returns desk.");
        } catch (ReturnRejected e) {
            return new Scan(now, rma, null, "Refused", "error", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Scan> scans(HttpSession session) {
        Object kept = session.getAttribute(SCANS);
        return kept instanceof List<?> list ? (List<Scan>) list : List.of();
    }
}
