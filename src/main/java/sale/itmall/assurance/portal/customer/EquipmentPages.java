package sale.itmall.assurance.portal.customer;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.policy.EntitlementStatus;
import sale.itmall.assurance.portal.Redirects;
import sale.itmall.assurance.portal.identity.PortalAccounts;
import sale.itmall.assurance.returns.CaseRequests;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.WarrantyLookup;
import sale.itmall.assurance.returns.WarrantyLookup.AssetView;
import sale.itmall.assurance.shared.Labels;

/**
 * The customer's installed base on one page: every asset they own with its cover, sortable by any column and filtered
 * by text or cover; a return starts from its row.
 */
@Controller
class EquipmentPages {

    /** The page's columns in their order, each with how it sorts (missing dates last). */
    static final SequencedMap<String, Comparator<AssetView>> COLUMNS = columns();

    private static SequencedMap<String, Comparator<AssetView>> columns() {
        SequencedMap<String, Comparator<AssetView>> columns = new LinkedHashMap<>();
        columns.put("serial", Comparator.comparing(AssetView::serialNumber));
        columns.put("model", Comparator.comparing(AssetView::model, String.CASE_INSENSITIVE_ORDER));
        columns.put("category", Comparator.comparing(AssetView::category));
        columns.put("shipped", dates(AssetView::shippedOn));
        columns.put("warranty", dates(AssetView::warrantyEndsOn));
        columns.put("maintenance", dates(AssetView::maintenanceEndsOn));
        columns.put("plan", Comparator.comparing(AssetView::manufacturerPlan));
        columns.put("cover", Comparator.comparing(AssetView::entitlement));
        columns.put("open", Comparator.comparing(a -> a.openCaseRef() == null ? "" : a.openCaseRef()));
        return Collections.unmodifiableSequencedMap(columns);
    }

    private final WarrantyLookup warrantyLookup;
    private final PortalAccounts accounts;
    private final CaseRequests caseRequests;

    private final Labels labels;

    EquipmentPages(WarrantyLookup warrantyLookup, PortalAccounts accounts, CaseRequests caseRequests, Labels labels) {
        this.labels = labels;
        this.warrantyLookup = warrantyLookup;
        this.accounts = accounts;
        this.caseRequests = caseRequests;
    }

    private static Comparator<AssetView> dates(Function<AssetView, LocalDate> date) {
        return Comparator.comparing(date, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    @ModelAttribute("customer")
    Customer customer(Principal me) {
        return me == null ? null : accounts.customerOf(me);
    }

    @GetMapping("/equipment")
    String equipment(
            @ModelAttribute("customer") Customer customer,
            @RequestParam(defaultValue = "warranty") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) EntitlementStatus cover,
            Model model) {
        List<AssetView> all = warrantyLookup.assets(customer);
        String column = COLUMNS.containsKey(sort) ? sort : "warranty";
        boolean descending = "desc".equals(dir);
        Comparator<AssetView> order = COLUMNS.get(column).thenComparing(COLUMNS.get("serial"));
        String text = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<AssetView> shown = all.stream()
                .filter(a -> cover == null || a.entitlement() == cover)
                .filter(a -> text.isEmpty()
                        || (a.serialNumber() + " " + a.model() + " " + (a.orderNumber() == null ? "" : a.orderNumber()))
                                .toLowerCase(Locale.ROOT)
                                .contains(text))
                .sorted(descending ? order.reversed() : order)
                .toList();
        model.addAttribute("assets", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("sort", column);
        model.addAttribute("dir", descending ? "desc" : "asc");
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("cover", cover);
        model.addAttribute("covers", EntitlementStatus.values());
        model.addAttribute("columns", COLUMNS.keySet());
        model.addAttribute("extensions", warrantyLookup.extensions(customer));
        model.addAttribute("wide", true);
        return "equipment";
    }

    /** The customer asks the Service Governance Team to extend one asset's cover. */
    @PostMapping("/equipment/{serial}/extension")
    String askForExtension(
            Principal me,
            @ModelAttribute("customer") Customer customer,
            @PathVariable String serial,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return Redirects.after(
                redirect,
                "/equipment",
                () -> labels.text(
                        Labels.current(),
                        "notice.extension",
                        caseRequests.requestExtension(customer, serial, note, "customer:" + me.getName())));
    }
}
