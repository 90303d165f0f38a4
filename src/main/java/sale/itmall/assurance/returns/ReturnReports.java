package sale.itmall.assurance.returns;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The service assurance team's reports over the returns module's tables: each a named table of text cells, in the
 * order the staff pages and the CSV exports show it.
 */
@Service
public class ReturnReports {

    /** One report: its headers and rows as text. */
    public record Report(String name, String title, List<String> headers, List<List<String>> rows) {}

    private static final Map<String, String[]> REPORTS = new LinkedHashMap<>();

    static {
        REPORTS.put("open-returns", new String[] {
            "Open returns with days to deadline",
            """
        select c.reference as "Case", cu.customer_number as "Customer", a.serial_number as "Serial",
               a.category as "Category", c.status as "Status", coalesce(c.rma_number, '') as "RMA",
               coalesce(to_char(c.return_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'), '') as "Return by (UTC)",
               coalesce(ceil(extract(epoch from (c.return_due_at - :now)) / 86400)::int::text, '') as "Days to return-by",
               coalesce(ceil(extract(epoch from (c.compliance_limit_at - :now)) / 86400)::int::text, '') as "Days to compliance limit"
          from return_cases c join return_requests r on r.id = c.request_id join customers cu on cu.id = r.customer_id
          join assets a on a.id = c.asset_id
         where c.closed_at is null order by c.return_due_at nulls last, c.id"""
        });
        REPORTS.put("late-returns", new String[] {
            "Late returns (past the 10-day return window, not received)",
            """
        select c.reference as "Case", cu.customer_number as "Customer", c.rma_number as "RMA",
               to_char(c.return_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "Was due (UTC)",
               floor(extract(epoch from (:now - c.return_due_at)) / 86400)::int as "Days late",
               case when c.advance_replacement then 'yes' else 'no' end as "Advance unit held",
               coalesce(c.outcome, 'open') as "Outcome"
          from return_cases c join return_requests r on r.id = c.request_id join customers cu on cu.id = r.customer_id
         where c.rma_number is not null and c.received_at is null and c.return_due_at < :now
         order by c.return_due_at"""
        });
        REPORTS.put("received-after-close", new String[] {
            "Units received after their case closed (late returns) and staff's decision on each",
            """
        select c.reference as "Case", cu.customer_number as "Customer", c.rma_number as "RMA",
               coalesce(c.outcome, 'reopened') as "Outcome",
               to_char(c.received_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "Received (UTC)",
               coalesce(c.receipt_id, '') as "Receipt",
               coalesce(c.late_unit_decision, 'pending') as "Decision",
               coalesce(c.late_unit_decided_by, '') as "Decided by",
               coalesce(to_char(c.late_unit_decided_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'), '') as "Decided (UTC)"
          from return_cases c join return_requests r on r.id = c.request_id join customers cu on cu.id = r.customer_id
         where c.received_late
         order by c.received_at"""
        });
        REPORTS.put("charges", new String[] {
            "Charges and credits",
            """
        select c.reference as "Case", cu.customer_number as "Customer", ch.reason as "Reason",
               ch.amount::text as "Amount", ch.currency as "Currency", ch.status as "Status",
               to_char(ch.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "When (UTC)"
          from charges ch join return_cases c on c.id = ch.case_id join customers cu on cu.id = ch.customer_id
         order by ch.id"""
        });
        REPORTS.put("suspensions", new String[] {
            "Suspended accounts",
            """
        select customer_number as "Customer", name as "Name",
               to_char(suspended_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "Suspended (UTC)",
               coalesce(suspension_reason, '') as "Reason"
          from customers where account_status = 'SUSPENDED' order by suspended_at"""
        });
        REPORTS.put("outcomes-by-category", new String[] {
            "Outcomes by asset category",
            """
        select a.category as "Category", c.outcome as "Outcome", count(*) as "Cases"
          from return_cases c join assets a on a.id = c.asset_id where c.outcome is not null
         group by a.category, c.outcome order by a.category, count(*) desc"""
        });
        REPORTS.put("outcomes-by-exclusion", new String[] {
            "Exclusions by reason (diagnosis and bench)",
            """
        select reason as "Exclusion reason", stage as "Found at", count(*) as "Cases" from (
          select exclusion_reason as reason, 'remote diagnosis' as stage from diagnoses where exclusion_reason is not null
          union all
          select exclusion_reason, 'bench inspection' from inspections where exclusion_reason is not null) x
         group by reason, stage order by count(*) desc, reason"""
        });
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ReturnReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<String> names() {
        return List.copyOf(REPORTS.keySet());
    }

    public Report report(String name) {
        String[] report = REPORTS.get(name);
        if (report == null) {
            throw CaseNotFound.of("No report " + name + "; reports: " + REPORTS.keySet());
        }
        List<String> headers = new ArrayList<>();
        List<List<String>> rows = jdbc.sql(report[1])
                .param("now", Timestamp.from(clock.instant()))
                .query((ResultSet rs, int n) -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    if (headers.isEmpty()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            headers.add(meta.getColumnLabel(i));
                        }
                    }
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(rs.getString(i) == null ? "" : rs.getString(i));
                    }
                    return row;
                })
                .list();
        if (headers.isEmpty()) {
            headers.addAll(columns(report[1]));
        }
        return new Report(name, report[0], headers, rows);
    }

    private List<String> columns(String sql) {
        return jdbc.sql("select * from (" + sql + ") q limit 0")
                .param("now", Timestamp.from(clock.instant()))
                .query((ResultSet rs) -> {
                    List<String> names = new ArrayList<>();
                    try {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            names.add(rs.getMetaData().getColumnLabel(i));
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return names;
                });
    }
}
