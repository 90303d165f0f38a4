package sale.itmall.assurance.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.process.FormText;
import sale.itmall.assurance.process.Variables;

/** A recorded request and the one process instance that runs it: what it starts with, and the binding. */
@Service
public class RequestProcesses {

    private final JdbcClient jdbc;
    private final RequestStore requests;

    RequestProcesses(JdbcClient jdbc, RequestStore requests) {
        this.jdbc = jdbc;
        this.requests = requests;
    }

    /**
     * The variables a request's process starts with, or empty when an instance already claimed the request: its items
     * carry the facts the forms show (references and short text, not the proofs themselves).
     */
    public Optional<Variables.RequestStarted> toStart(String requestRef) {
        RequestRecord r = requests.requireRequest(requestRef);
        if (r.processInstanceKey() != null) {
            return Optional.empty();
        }
        List<Variables.Item> items = new ArrayList<>();
        for (CaseRecord c : r.cases()) {
            List<String> proofs = jdbc.sql("select file_name from proofs where case_id = ? order by id")
                    .param(c.id().value())
                    .query(String.class)
                    .list();
            items.add(new Variables.Item(
                    c.reference(),
                    c.serialNumber(),
                    c.model(),
                    c.category(),
                    c.shippedOn(),
                    c.faultDescription(),
                    proofs.isEmpty()
                            ? "none attached"
                            : proofs.size() + " attached ("
                                    + String.join(
                                            ", ",
                                            proofs.stream()
                                                    .map(FormText::literal)
                                                    .toList())
                                    + "), viewable by staff in the portal"));
        }
        return Optional.of(new Variables.RequestStarted(r.reference(), r.customerNumber(), r.customerName(), items));
    }

    /**
     * Binds a request to the process instance that runs it; false when another instance runs it already (started again
     * after a crash between starting and recording), which is then to be cancelled.
     */
    public boolean bind(String requestRef, long processInstanceKey) {
        return requests.bindRequestInstance(requests.requireRequest(requestRef).id(), processInstanceKey);
    }
}
