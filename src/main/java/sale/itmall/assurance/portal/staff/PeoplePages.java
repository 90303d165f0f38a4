package sale.itmall.assurance.portal.staff;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import sale.itmall.assurance.portal.identity.SignInLinks;
import sale.itmall.assurance.portal.identity.SignInRefused;
import sale.itmall.assurance.process.StaffRole;

/**
 * Staff pages of who may sign in: a service administrator invites and deactivates a customer's users and the staff,
 * with the roles their work needs (role {@code SERVICE_ADMINISTRATOR}, {@code /staff/customers/**}, {@code /staff/team}).
 */
@Controller
class PeoplePages {

    private final SignInLinks links;

    PeoplePages(SignInLinks links) {
        this.links = links;
    }

    @GetMapping("/staff/customers/users")
    String findCustomer(@RequestParam String customer) {
        return usersPage(customer.trim());
    }

    private static String usersPage(String customerNumber) {
        return "redirect:/staff/customers/" + UriUtils.encodePathSegment(customerNumber, StandardCharsets.UTF_8)
                + "/users";
    }

    @GetMapping("/staff/customers/{customerNumber}/users")
    String users(@PathVariable String customerNumber, Model model) {
        model.addAttribute("customerNumber", customerNumber);
        model.addAttribute("users", links.usersOf(customerNumber));
        return "staff-customer-users";
    }

    @PostMapping("/staff/customers/{customerNumber}/invitations")
    String invite(
            Principal me,
            @PathVariable String customerNumber,
            @RequestParam String email,
            RedirectAttributes redirect) {
        try {
            links.invite(me.getName(), customerNumber, email);
            redirect.addFlashAttribute("message", "Invitation sent to " + email.trim() + ".");
        } catch (SignInRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return usersPage(customerNumber);
    }

    @PostMapping("/staff/customers/{customerNumber}/users/{username}/deactivate")
    String deactivate(@PathVariable String customerNumber, @PathVariable String username, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                links.deactivate(username, false)
                        ? username + " can no longer sign in."
                        : "No such customer user " + username);
        return usersPage(customerNumber);
    }

    @GetMapping("/staff/team")
    String team(Model model) {
        model.addAttribute("staff", links.staff());
        model.addAttribute("roles", StaffRole.values());
        return "staff-team";
    }

    @PostMapping("/staff/team/invitations")
    String inviteStaff(
            Principal me,
            @RequestParam String email,
            @RequestParam(name = "role", required = false) Set<StaffRole> roles,
            RedirectAttributes redirect) {
        try {
            Set<StaffRole> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
            links.inviteStaff(me.getName(), email, chosen);
            redirect.addFlashAttribute(
                    "message", "Invitation sent to " + email.trim() + " as " + SignInLinks.labels(chosen) + ".");
        } catch (SignInRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/team";
    }

    @PostMapping("/staff/team/{username}/roles")
    String setRoles(
            Principal me,
            @PathVariable String username,
            @RequestParam(name = "role", required = false) Set<StaffRole> roles,
            RedirectAttributes redirect) {
        Set<StaffRole> chosen =
                roles == null || roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
        if (me.getName().equals(username) && !chosen.contains(StaffRole.SERVICE_ADMINISTRATOR)) {
            redirect.addFlashAttribute(
                    "error", "You cannot take your own service administrator role: ask another administrator.");
        } else if (links.setRoles(username, chosen)) {
            redirect.addFlashAttribute(
                    "message",
                    username + " now has the roles: " + (chosen.isEmpty() ? "none" : SignInLinks.labels(chosen))
                            + ". It applies from their next sign-in.");
        } else {
            redirect.addFlashAttribute("error", "No such staff member " + username);
        }
        return "redirect:/staff/team";
    }

    @PostMapping("/staff/team/{username}/deactivate")
    String deactivateStaff(Principal me, @PathVariable String username, RedirectAttributes redirect) {
        if (me.getName().equals(username)) {
            redirect.addFlashAttribute("error", "You cannot deactivate your own sign-in.");
        } else {
            redirect.addFlashAttribute(
                    "message",
                    links.deactivate(username, true)
                            ? username + " can no longer sign in."
                            : "No such staff member " + username);
        }
        return "redirect:/staff/team";
    }
}
