package sale.itmall.assurance.portal.customer;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.notifications.Notifications;
import sale.itmall.assurance.portal.Redirects;
import sale.itmall.assurance.portal.identity.PortalAccounts;
import sale.itmall.assurance.returns.CaseFacts;
import sale.itmall.assurance.returns.CaseNotFound;
import sale.itmall.assurance.returns.CaseRequests;
import sale.itmall.assurance.returns.Customer;
import sale.itmall.assurance.returns.CustomerAccounts;
import sale.itmall.assurance.returns.InputRules;
import sale.itmall.assurance.returns.ProofFile;
import sale.itmall.assurance.returns.ReturnRejected;
import sale.itmall.assurance.returns.ReturnRequests;
import sale.itmall.assurance.returns.ReturnsQuery;
import sale.itmall.assurance.returns.WarrantyLookup;
import sale.itmall.assurance.shared.Labels;

/** The pages of the Self-Service Returns Center. Errors re-render the page with what the customer typed. */
@Controller
public class PortalPages {

    private final ReturnsQuery portal;
    private final CustomerAccounts customerAccounts;
    private final WarrantyLookup warrantyLookup;
    private final PortalAccounts accounts;
    private final CaseRequests caseRequests;
    private final ReturnRequests returnRequests;
    private final Notifications notifications;
    private final ObjectProvider<ClientRegistrationRepository> identityProviders;
    private final Labels labels;

    PortalPages(
            ReturnsQuery portal,
            CustomerAccounts customerAccounts,
            WarrantyLookup warrantyLookup,
            PortalAccounts accounts,
            CaseRequests caseRequests,
            ReturnRequests returnRequests,
            Notifications notifications,
            ObjectProvider<ClientRegistrationRepository> identityProviders,
            Labels labels) {
        this.labels = labels;
        this.portal = portal;
        this.customerAccounts = customerAccounts;
        this.warrantyLookup = warrantyLookup;
        this.accounts = accounts;
        this.caseRequests = caseRequests;
        this.returnRequests = returnRequests;
        this.notifications = notifications;
        this.identityProviders = identityProviders;
    }

    @ModelAttribute("customer")
    Customer customer(Principal me) {
        return me == null ? null : accounts.customerOf(me);
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("identityProviders", staffIdentityProviders());
        return "login";
    }

    /** The organisation's identity providers staff sign in with: a link each, named as configured. */
    private List<Map.Entry<String, String>> staffIdentityProviders() {
        List<Map.Entry<String, String>> links = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration registration = (ClientRegistration) r;
                links.add(Map.entry(
                        "/oauth2/authorization/" + registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return links;
    }

    @GetMapping("/")
    String home(
            @ModelAttribute("customer") Customer customer, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", portal.returns(customer, page, ReturnsQuery.PAGE_SIZE));
        model.addAttribute(
                "suspension",
                customer.suspended() ? customerAccounts.suspension(customer).orElse(null) : null);
        return "home";
    }

    @GetMapping("/warranty")
    String warranty(
            @ModelAttribute("customer") Customer customer, @RequestParam(required = false) String serial, Model model) {
        model.addAttribute("serial", serial);
        if (serial != null) {
            try {
                model.addAttribute("asset", warrantyLookup.warranty(customer, serial));
            } catch (ReturnRejected | CaseNotFound e) {
                model.addAttribute("error", Redirects.said(e));
            }
        }
        return "warranty";
    }

    @GetMapping("/returns/new")
    String wizard(
            @ModelAttribute("customer") Customer customer,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String typed,
            @RequestParam(required = false) String select,
            Model model) {
        String chosen = typed != null && !typed.isBlank() ? typed : order;
        model.addAttribute("typed", typed);
        model.addAttribute("select", select);
        if (chosen != null && !chosen.isBlank()) {
            try {
                model.addAttribute("order", warrantyLookup.order(customer, chosen));
            } catch (ReturnRejected e) {
                model.addAttribute("orderError", Redirects.said(e));
            }
        }
        return wizardPage(customer, model);
    }

    private String wizardPage(Customer customer, Model model) {
        model.addAttribute("orders", warrantyLookup.orders(customer));
        model.addAttribute("freightTerms", warrantyLookup.freightTerms());
        model.addAttribute("maxProofBytes", ProofFile.MAX_BYTES);
        return "wizard";
    }

    @PostMapping("/returns/new")
    String submit(
            @ModelAttribute("customer") Customer customer,
            @ModelAttribute("form") ReturnForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            ReturnRequests.Submitted submitted =
                    returnRequests.submit(customer.customerNumber(), form.getOrderNumber(), form.toItems());
            redirect.addFlashAttribute("submitted", submitted.requestReference());
            return "redirect:/";
        } catch (ReturnRejected e) {
            model.addAttribute("error", Redirects.said(e));
            Map<String, ReturnForm.ItemForm> previous = new LinkedHashMap<>();
            form.getItems().forEach(i -> previous.put(i.getSerialNumber(), i));
            model.addAttribute("previous", previous);
            model.addAttribute("hadFiles", form.getItems().stream().anyMatch(i -> i.getProofs().stream()
                    .anyMatch(f -> f != null && !f.isEmpty())));
            try {
                model.addAttribute(
                        "order",
                        warrantyLookup.order(customer, form.getOrderNumber() == null ? "" : form.getOrderNumber()));
            } catch (ReturnRejected orderGone) {
                model.addAttribute("orderError", Redirects.said(orderGone));
            }
            return wizardPage(customer, model);
        }
    }

    @GetMapping("/returns/{caseRef}")
    String tracking(@ModelAttribute("customer") Customer customer, @PathVariable String caseRef, Model model) {
        model.addAttribute("t", portal.tracking(customer, caseRef, Labels.current()));
        model.addAttribute("maxText", InputRules.MAX_TEXT);
        return "tracking";
    }

    @GetMapping("/returns/{caseRef}/slip")
    String slip(@ModelAttribute("customer") Customer customer, @PathVariable String caseRef, Model model) {
        CaseFacts c = portal.ownCase(customer, caseRef);
        if (c.rmaNumber() == null) {
            throw CaseNotFound.of("slip", caseRef);
        }
        model.addAttribute("c", c);
        return "slip";
    }

    @PostMapping("/returns/{caseRef}/tracking")
    String inboundTracking(
            @ModelAttribute("customer") Customer customer,
            @PathVariable String caseRef,
            @RequestParam String carrier,
            @RequestParam String trackingNumber,
            RedirectAttributes redirect) {
        return backToCase(
                caseRef,
                redirect,
                notice("notice.tracking-saved", carrier, trackingNumber),
                () -> caseRequests.setInboundTracking(customer.id(), caseRef, carrier, trackingNumber));
    }

    @PostMapping("/returns/{caseRef}/dispute")
    String dispute(
            @ModelAttribute("customer") Customer customer,
            @PathVariable String caseRef,
            @RequestParam(required = false) String statement,
            RedirectAttributes redirect) {
        portal.ownCase(customer, caseRef);
        return backToCase(
                caseRef, redirect, notice("notice.dispute"), () -> caseRequests.raisePolicyDispute(caseRef, statement));
    }

    @GetMapping("/messages")
    String messages(@ModelAttribute("customer") Customer customer, Model model) {
        model.addAttribute("messages", notifications.forCustomer(customer.id()));
        return "messages";
    }

    @PostMapping("/returns/{caseRef}/cancel")
    String cancel(
            @ModelAttribute("customer") Customer customer,
            @PathVariable String caseRef,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        portal.ownCase(customer, caseRef);
        return backToCase(
                caseRef, redirect, notice("notice.cancel"), () -> caseRequests.requestCancellation(caseRef, reason));
    }

    @PostMapping("/returns/{caseRef}/repair-quote")
    String answerRepairQuote(
            Principal me,
            @ModelAttribute("customer") Customer customer,
            @PathVariable String caseRef,
            @RequestParam(required = false) String answer,
            RedirectAttributes redirect) {
        portal.ownCase(customer, caseRef);
        return Redirects.after(redirect, "/returns/" + caseRef, () -> {
            CaseRequests.QuoteAnswer done = caseRequests.answerRepairQuote(caseRef, answer, "customer:" + me.getName());
            return notice("notice.quote." + done.answer().name());
        });
    }

    /** What an action did, in the reader's words. */
    private String notice(String key, Object... args) {
        return labels.text(Labels.current(), key, args);
    }

    /** Runs a customer's action on a case and returns to its page with the outcome or the reason it was refused. */
    private static String backToCase(String caseRef, RedirectAttributes redirect, String done, Runnable action) {
        return Redirects.after(redirect, "/returns/" + caseRef, () -> {
            action.run();
            return done;
        });
    }
}
