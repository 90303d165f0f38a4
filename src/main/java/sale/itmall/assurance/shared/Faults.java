package sale.itmall.assurance.shared;

import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a technical fault (the database or the engine could not be reached, or answered "not now") from everything
 * else, by cause rather than by one exception class: whatever wraps it, a fault whose cause chain holds a connection
 * failure, a timeout, a transient SQL state or an engine status of unavailable, deadline exceeded or back pressure is
 * technical, and is retried until it heals. Everything else is for a person to look at.
 */
public final class Faults {

    private static final Set<Status.Code> TRANSIENT_ENGINE_STATUS = Set.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED);

    private Faults() {}

    public static boolean isTechnical(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || (t instanceof IOException && t.getClass().getName().startsWith("java.net"))
                    || isTransientSqlState(t)
                    || (t instanceof StatusRuntimeException s
                            && TRANSIENT_ENGINE_STATUS.contains(s.getStatus().getCode()))
                    || isTransientEngineStatus(t)) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's connection exception class (08xxx) and "cannot connect now" / admin shutdown (57P0x). */
    private static boolean isTransientSqlState(Throwable t) {
        if (t instanceof SQLException e && e.getSQLState() != null) {
            String state = e.getSQLState();
            return state.startsWith("08") || state.startsWith("57P0");
        }
        return false;
    }

    /** The Camunda client's own status exception (gRPC) carries the status code without being a gRPC exception. */
    private static boolean isTransientEngineStatus(Throwable t) {
        if (t instanceof ClientStatusException e) {
            return TRANSIENT_ENGINE_STATUS.contains(e.getStatusCode());
        }
        return false;
    }

    /** One line an operator can read: the outermost message and the root cause, without a stack trace. */
    public static String describe(Throwable fault) {
        Throwable root = fault;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = fault.getMessage() == null ? fault.getClass().getSimpleName() : fault.getMessage();
        String text = root == fault
                ? outer
                : outer + " (cause: "
                        + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + ")";
        String line = text.replaceAll("\\s+", " "); // a message with SQL in it spans lines
        return line.length() > 1000 ? line.substring(0, 1000) + "…" : line;
    }
}
