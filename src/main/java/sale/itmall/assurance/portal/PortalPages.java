package sale.itmall.assurance.portal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.cases.CaseNotFound;
import sale.itmall.assurance.cases.CaseRecord;
import sale.itmall.assurance.cases.ReturnRejected;
import sale.itmall.assurance.cases.ReturnSubmissions;

/** The pages of the Self-Service Returns Center. Errors re-render the page with what the customer typed. */
@Controller
public class PortalPages {

  private final PortalService portal;
  private final ReturnSubmissions submissions;
  private final sale.itmall.assurance.notify.Notifications notifications;

  public PortalPages(PortalService portal, ReturnSubmissions submissions,
      sale.itmall.assurance.notify.Notifications notifications) {
    this.portal = portal;
    this.submissions = submissions;
    this.notifications = notifications;
  }

  @ModelAttribute("customer")
  public PortalService.Customer customer(Principal me) {
    return me == null ? null : portal.customerOf(me.getName());
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(CaseNotFound.class)
  @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
  public String notFound(CaseNotFound e, Model model) {
    model.addAttribute("error", e.getMessage());
    return "not-found";
  }

  @GetMapping("/login")
  public String login() {
    return "login";
  }

  @GetMapping("/")
  public String home(@ModelAttribute("customer") PortalService.Customer customer, Model model) {
    model.addAttribute("returns", portal.returns(customer));
    return "home";
  }

  @GetMapping("/warranty")
  public String warranty(@ModelAttribute("customer") PortalService.Customer customer,
      @RequestParam(required = false) String serial, Model model) {
    model.addAttribute("serial", serial);
    if (serial != null) {
      try {
        model.addAttribute("asset", portal.warranty(customer, serial));
      } catch (ReturnRejected | CaseNotFound e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "warranty";
  }

  @GetMapping("/returns/new")
  public String wizard(@ModelAttribute("customer") PortalService.Customer customer,
      @RequestParam(required = false) String order, @RequestParam(required = false) String typed, Model model) {
    String chosen = typed != null && !typed.isBlank() ? typed : order;
    model.addAttribute("typed", typed);
    if (chosen != null && !chosen.isBlank()) {
      try {
        model.addAttribute("order", portal.order(customer, chosen));
      } catch (ReturnRejected e) {
        model.addAttribute("orderError", e.getMessage());
      }
    }
    return wizardPage(customer, model);
  }

  private String wizardPage(PortalService.Customer customer, Model model) {
    model.addAttribute("orders", portal.orders(customer));
    model.addAttribute("freightTerms", portal.freightTerms());
    return "wizard";
  }

  @PostMapping("/returns/new")
  public String submit(@ModelAttribute("customer") PortalService.Customer customer,
      @ModelAttribute("form") ReturnForm form, Model model, RedirectAttributes redirect) {
    try {
      ReturnSubmissions.Submitted submitted =
          submissions.submit(customer.customerNumber(), form.getOrderNumber(), form.toItems());
      redirect.addFlashAttribute("submitted", submitted.requestReference());
      return "redirect:/";
    } catch (ReturnRejected e) {
      model.addAttribute("error", e.getMessage());
      Map<String, ReturnForm.ItemForm> previous = new LinkedHashMap<>();
      form.getItems().forEach(i -> previous.put(i.getSerialNumber(), i));
      model.addAttribute("previous", previous);
      model.addAttribute("hadFiles", form.getItems().stream().anyMatch(i -> i.getProofs().stream()
          .anyMatch(f -> f != null && !f.isEmpty())));
      try {
        model.addAttribute("order", portal.order(customer, form.getOrderNumber() == null ? "" : form.getOrderNumber()));
      } catch (ReturnRejected orderGone) {
        model.addAttribute("orderError", orderGone.getMessage());
      }
      return wizardPage(customer, model);
    }
  }

  @GetMapping("/returns/{caseRef}")
  public String tracking(@ModelAttribute("customer") PortalService.Customer customer, @PathVariable String caseRef,
      Model model) {
    model.addAttribute("t", portal.tracking(customer, caseRef));
    return "tracking";
  }

  @GetMapping("/returns/{caseRef}/slip")
  public String slip(@ModelAttribute("customer") PortalService.Customer customer, @PathVariable String caseRef,
      Model model) {
    CaseRecord c = portal.ownCase(customer, caseRef);
    if (c.rmaNumber() == null) {
      throw new CaseNotFound(caseRef + " RMA slip");
    }
    model.addAttribute("c", c);
    return "slip";
  }

  @PostMapping("/returns/{caseRef}/tracking")
  public String inboundTracking(@ModelAttribute("customer") PortalService.Customer customer,
      @PathVariable String caseRef, @RequestParam String carrier, @RequestParam String trackingNumber,
      RedirectAttributes redirect) {
    return backToCase(caseRef, redirect, "Tracking saved: " + carrier + " " + trackingNumber,
        () -> portal.setInboundTracking(customer, caseRef, carrier, trackingNumber));
  }

  @PostMapping("/returns/{caseRef}/dispute")
  public String dispute(@ModelAttribute("customer") PortalService.Customer customer, @PathVariable String caseRef,
      @RequestParam(required = false) String statement, RedirectAttributes redirect) {
    portal.ownCase(customer, caseRef);
    return backToCase(caseRef, redirect,
        "Your dispute went to the Service Governance Team; their ruling will reach you by email.",
        () -> submissions.raisePolicyDispute(caseRef, statement));
  }

  @GetMapping("/messages")
  public String messages(@ModelAttribute("customer") PortalService.Customer customer, Model model) {
    model.addAttribute("messages", notifications.forCustomer(customer.id()));
    return "messages";
  }

  @PostMapping("/returns/{caseRef}/cancel")
  public String cancel(@ModelAttribute("customer") PortalService.Customer customer, @PathVariable String caseRef,
      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    portal.ownCase(customer, caseRef);
    return backToCase(caseRef, redirect, "Cancellation requested: the return closes in a moment.",
        () -> submissions.requestCancellation(caseRef, reason));
  }

  /** Runs a customer's action on a case and returns to its page with the outcome or the reason it was refused. */
  private static String backToCase(String caseRef, RedirectAttributes redirect, String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("message", done);
    } catch (ReturnRejected e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/returns/" + caseRef;
  }
}
