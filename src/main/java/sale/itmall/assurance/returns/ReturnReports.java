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

    /** The last twelve weeks (UTC, from Monday) up to {@code :now}, and the instant they start. */
    private static final String WEEKS =
            """
        with weeks as (
          select generate_series(date_trunc('week', cast(:now as timestamptz) at time zone 'UTC') - interval '11 weeks',
                                 date_trunc('week', cast(:now as timestamptz) at time zone 'UTC'),
                                 interval '1 week') as week),
        since as (select min(week) at time zone 'UTC' as t from weeks)""";

    static {
        // the trends of the last twelve weeks (UTC, weeks from Monday), each drawn as a chart over its table
        REPORTS.put("weekly-returns", new String[] {
            "Returns opened and closed per week, by outcome",
            """
%s,
        opened as (select date_trunc('week', created_at at time zone 'UTC') as week, count(*) as n
                     from return_cases where created_at >= (select t from since) group by 1),
        closed as (select date_trunc('week', closed_at at time zone 'UTC') as week,
                          count(*) filter (where outcome in ('RESOLVED_REMOTELY', 'REPAIRED', 'REPLACED', 'CREDITED',
                                                             'PAID_REPAIR')) as resolved,
                          count(*) filter (where outcome in ('NO_FAULT_FOUND', 'EXCLUDED', 'OUT_OF_WARRANTY',
                                                             'MANUFACTURER_REFERRAL', 'RMA_REJECTED',
                                                             'REPAIR_QUOTE_DECLINED', 'REPAIR_QUOTE_EXPIRED',
                                                             'ACCOUNT_SUSPENDED_NO_NEW_RMA')) as no_claim,
                          count(*) filter (where outcome in ('CANCELLED', 'RMA_EXPIRED', 'CUSTOMER_NO_ANSWER')) as dropped,
                          count(*) filter (where outcome in ('CHARGED_FULL_UNIT_PRICE', 'ACCOUNT_SUSPENDED')) as charged
                     from return_cases where closed_at >= (select t from since) group by 1)
        select to_char(w.week, 'YYYY-MM-DD') as "Week", coalesce(o.n, 0) as "Opened",
               coalesce(c.resolved, 0) as "Closed: resolved", coalesce(c.no_claim, 0) as "Closed: no valid claim",
               coalesce(c.dropped, 0) as "Closed: cancelled or expired",
               coalesce(c.charged, 0) as "Closed: charged or suspended"
          from weeks w left join opened o on o.week = w.week left join closed c on c.week = w.week
         order by w.week"""
                    .formatted(WEEKS)
        });
        REPORTS.put("weekly-late-returns", new String[] {
            "Late returns and full-unit charges per week",
            """
%s,
        late as (select date_trunc('week', return_due_at at time zone 'UTC') as week, count(*) as n from return_cases
                  where return_due_at >= (select t from since) and return_due_at < :now
                    and (received_at is null or received_at > return_due_at) group by 1),
        came_late as (select date_trunc('week', received_at at time zone 'UTC') as week, count(*) as n
                        from return_cases where received_at >= (select t from since) and received_at > return_due_at
                       group by 1),
        charged as (select date_trunc('week', created_at at time zone 'UTC') as week,
                           count(*) filter (where status = 'CAPTURED') as captured,
                           count(*) filter (where status = 'DECLINED') as declined
                      from charges where reason = 'UNRETURNED_ADVANCE_UNIT' and created_at >= (select t from since)
                     group by 1)
        select to_char(w.week, 'YYYY-MM-DD') as "Week", coalesce(l.n, 0) as "Due that week, not back in time",
               coalesce(r.n, 0) as "Received late", coalesce(ch.captured, 0) as "Unit price charged",
               coalesce(ch.declined, 0) as "Charge declined"
          from weeks w left join late l on l.week = w.week left join came_late r on r.week = w.week
               left join charged ch on ch.week = w.week
         order by w.week"""
                    .formatted(WEEKS)
        });
        REPORTS.put("weekly-diagnosis-sla", new String[] {
            "Remote diagnoses within their SLA per week (§1.2)",
            """
%s,
        diagnosed as (select date_trunc('week', d.decided_at at time zone 'UTC') as week, count(*) as n,
                             count(*) filter (where c.diagnosis_due_at is null
                                                 or d.decided_at <= c.diagnosis_due_at) as within
                        from diagnoses d join return_cases c on c.id = d.case_id
                       where d.decided_at >= (select t from since) group by 1)
        select to_char(w.week, 'YYYY-MM-DD') as "Week", coalesce(d.n, 0) as "Diagnosed",
               coalesce(d.within, 0) as "Within SLA",
               case when d.n > 0 then round(100.0 * d.within / d.n)::int::text else '' end as "Within SLA (%%)"
          from weeks w left join diagnosed d on d.week = w.week
         order by w.week"""
                    .formatted(WEEKS)
        });
        REPORTS.put("weekly-rma-to-receipt", new String[] {
            "Days from RMA to receipt, by week of receipt",
            """
%s,
        received as (select date_trunc('week', received_at at time zone 'UTC') as week, count(*) as n,
                            percentile_cont(0.5) within group (
                              order by extract(epoch from received_at - rma_authorized_at) / 86400) as median,
                            percentile_cont(0.9) within group (
                              order by extract(epoch from received_at - rma_authorized_at) / 86400) as p90
                       from return_cases
                      where received_at >= (select t from since) and rma_authorized_at is not null group by 1)
        select to_char(w.week, 'YYYY-MM-DD') as "Week", coalesce(r.n, 0) as "Received",
               coalesce(round(cast(r.median as numeric), 1)::text, '') as "Median days",
               coalesce(round(cast(r.p90 as numeric), 1)::text, '') as "90th percentile days"
          from weeks w left join received r on r.week = w.week
         order by w.week"""
                    .formatted(WEEKS)
        });
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
            throw CaseNotFound.of("report", name, REPORTS.keySet().toString());
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
