package sale.itmall.assurance.tasks;

import java.util.List;

/**
 * Why the queue did not do what a staff member asked, with the HTTP status every door answers it with: 404 no such
 * open task, 403 offered to other roles, 409 taken by someone else or already completed, 422 the form's fields
 * refused (each named), 503 the engine could not be reached (nothing was lost: try again).
 */
public final class TaskRefused extends RuntimeException {

    private final int status;
    private final transient List<FieldRefusal> fields;

    TaskRefused(int status, String detail) {
        this(status, detail, List.of());
    }

    TaskRefused(int status, String detail, List<FieldRefusal> fields) {
        super(detail);
        this.status = status;
        this.fields = List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    /** The refused fields: key, label and reason each. */
    public List<FieldRefusal> fields() {
        return fields;
    }

    /** A refused field, as the form check finds it and the API and the page show it: its key, its label and why. */
    public record FieldRefusal(String field, String label, String reason) {}
}
