package sale.itmall.assurance.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sale.itmall.assurance.returns.ReturnReports.Report;

/** The operations report of the engine outbox: what the engine has not accepted for over a minute, and why. */
@Service
public class EngineBacklog {

    public static final String REPORT = "waiting-for-engine";

    private static final List<String> HEADERS =
            List.of("What", "Request, case or RMA", "Since (UTC)", "Attempts", "Next attempt (UTC)", "Last error");

    private final JdbcClient jdbc;
    private final Clock clock;

    EngineBacklog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Commands not accepted for over a minute; each is delivered by itself once the engine answers. */
    public Report report() {
        List<List<String>> rows = jdbc.sql(
                        """
        select case when command = 'START_REQUEST' then 'Start request' else coalesce(message_name, command) end,
               coalesce(reference, ''),
               to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
               attempts::text,
               to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
               coalesce(last_error, '')
          from engine_commands
         where delivered_at is null and created_at < cast(? as timestamptz) - interval '1 minute'
         order by id""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        return new Report(
                REPORT,
                "Waiting for the engine (not accepted for over a minute; delivered by itself once the engine answers)",
                HEADERS,
                rows);
    }
}
