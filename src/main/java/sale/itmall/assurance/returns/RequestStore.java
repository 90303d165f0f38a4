package sale.itmall.assurance.returns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A request as its process reads it: the request with its cases, and the one process instance bound to it.
 */
@Repository
class RequestStore {

    private final JdbcClient jdbc;
    private final CaseStore cases;

    RequestStore(JdbcClient jdbc, CaseStore cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** A request with its cases, in the order they were submitted. */
    RequestRecord requireRequest(String requestRef) {
        return jdbc.sql(
                        """
        select r.id, r.reference, cu.id, cu.customer_number, cu.name, cu.email, r.process_instance_key
          from return_requests r join customers cu on cu.id = r.customer_id where r.reference = ?""")
                .param(requestRef)
                .query((rs, n) -> new RequestRecord(
                        new RequestId(rs.getLong(1)),
                        rs.getString(2),
                        new CustomerId(rs.getLong(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, Long.class),
                        cases.findByRequest(requestRef)))
                .optional()
                .orElseThrow(() -> new CaseNotFound(requestRef));
    }

    /**
     * Binds a request to the one process instance that runs it: the first instance to claim it wins, and a second one
     * (started again after a crash between starting and recording) is told it is not the request's.
     */
    boolean bindRequestInstance(RequestId requestId, long processInstanceKey) {
        return jdbc.sql(
                                """
                update return_requests set process_instance_key = ?
                 where id = ? and (process_instance_key is null or process_instance_key = ?)""")
                        .params(processInstanceKey, requestId.value(), processInstanceKey)
                        .update()
                == 1;
    }
}
