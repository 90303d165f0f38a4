package sale.itmall.assurance.tasks;

import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sale.itmall.assurance.process.StaffRole;

/**
 * The staff task queue's pages: the tasks offered to one's roles, soonest due first; take or give back a task; open it
 * and fill its linked Camunda Form, rendered by form-js (static/js/task-form.js) and completed through the API.
 */
@Controller
class StaffTaskPages {

    private final TaskQueue queue;
    private final boolean portalQueue;

    StaffTaskPages(TaskQueue queue, Environment env) {
        this.queue = queue;
        this.portalQueue = env.getProperty(UserTasks.PROPERTY, UserTasks.class, UserTasks.TASKLIST) == UserTasks.PORTAL;
    }

    @GetMapping("/staff/tasks")
    String list(
            Authentication auth,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String caseReference,
            @RequestParam(required = false) String completed,
            Model model) {
        if (completed != null && !model.containsAttribute("message")) {
            model.addAttribute("message", "Completed: " + completed);
        }
        Staff staff = Staff.of(auth);
        StaffRole only =
                role == null || role.isBlank() ? null : StaffRole.ofGroup(role).orElse(null);
        model.addAttribute("tasks", queue.offeredTo(staff, only, caseReference));
        model.addAttribute("roles", staff.roles());
        model.addAttribute("role", only == null ? "" : only.group());
        model.addAttribute("caseReference", caseReference == null ? "" : caseReference);
        model.addAttribute("me", staff.username());
        model.addAttribute("portalQueue", portalQueue);
        model.addAttribute("wide", true);
        return "staff-tasks";
    }

    @GetMapping("/staff/tasks/{taskKey}")
    String task(Authentication auth, @PathVariable long taskKey, Model model) {
        TaskQueue.OpenTask open = queue.open(taskKey, Staff.of(auth));
        model.addAttribute("task", open.task());
        model.addAttribute("hasForm", open.form() != null);
        model.addAttribute("me", auth.getName());
        return "staff-task";
    }

    @PostMapping("/staff/tasks/{taskKey}/claim")
    String claim(Authentication auth, @PathVariable long taskKey) {
        queue.claim(taskKey, Staff.of(auth));
        return "redirect:/staff/tasks/" + taskKey;
    }

    @PostMapping("/staff/tasks/{taskKey}/unclaim")
    String unclaim(Authentication auth, @PathVariable long taskKey, RedirectAttributes redirect) {
        StaffTask task = queue.unclaim(taskKey, Staff.of(auth));
        redirect.addFlashAttribute("message", "\"" + task.name() + "\" is back in the queue");
        return "redirect:/staff/tasks";
    }

    /** A refusal on a page: back to the queue, saying why. */
    @ExceptionHandler(TaskRefused.class)
    String refused(TaskRefused e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage());
        return "redirect:/staff/tasks";
    }
}
