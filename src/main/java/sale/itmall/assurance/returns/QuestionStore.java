package sale.itmall.assurance.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sale.itmall.assurance.policy.CustomerQuestion;

/**
 * The questions TAC asked on a case (table {@code case_questions}, one row per round) and the files answering them
 * (rows of {@code proofs} that name their question). Each change is conditional, so a repeated step changes nothing.
 */
@Repository
class QuestionStore {

    static final String ANSWERED = "ANSWERED";
    static final String NO_ANSWER = "NO_ANSWER";

    private static final String COLUMNS = "id, round, asked_at, remind_at, closes_at, question, topics, asked_by,"
            + " reminded_at, answer, answered_by, answered_at, settled, settled_at";

    private final JdbcClient jdbc;

    QuestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One round as stored; {@code settled} is null while it waits, else ANSWERED or NO_ANSWER. */
    record Row(
            long id,
            CustomerQuestion question,
            String text,
            Set<CustomerQuestion.Topic> topics,
            String askedBy,
            Instant remindedAt,
            String answer,
            String answeredBy,
            Instant answeredAt,
            String settled,
            Instant settledAt) {

        boolean waiting() {
            return settled == null;
        }

        boolean answered() {
            return answeredAt != null;
        }
    }

    /** A file a customer answered with. */
    record File(long proofId, long questionId, String fileName, String contentType, int sizeBytes) {}

    Optional<Row> latest(CaseId caseId) {
        return jdbc.sql("select " + COLUMNS + " from case_questions where case_id = ? order by round desc limit 1")
                .param(caseId.value())
                .query((rs, n) -> row(rs))
                .optional();
    }

    List<Row> all(CaseId caseId) {
        return jdbc.sql("select " + COLUMNS + " from case_questions where case_id = ? order by round")
                .param(caseId.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    /** The files of every round of a case, by question id. */
    Map<Long, List<File>> files(CaseId caseId) {
        Map<Long, List<File>> files = new LinkedHashMap<>();
        jdbc.sql("select id, question_id, file_name, content_type, size_bytes from proofs"
                        + " where case_id = ? and question_id is not null order by id")
                .param(caseId.value())
                .query((rs, n) ->
                        new File(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list()
                .forEach(f -> files.computeIfAbsent(f.questionId(), k -> new ArrayList<>())
                        .add(f));
        return files;
    }

    /**
     * Every round of a case, oldest first, with the files the customer sent, as its readers see it at {@code now}
     * ({@code caseOpen}: an open case's waiting round can still be answered).
     */
    List<QuestionExchange.Round> rounds(CaseId caseId, boolean caseOpen, Instant now) {
        Map<Long, List<File>> files = files(caseId);
        return all(caseId).stream()
                .map(q -> QuestionExchange.round(q, files.getOrDefault(q.id(), List.of()), caseOpen, now))
                .toList();
    }

    /** Keeps a new round; false when that round exists (a repeated step). */
    boolean insert(CaseId caseId, CustomerQuestion q, String text, Set<CustomerQuestion.Topic> topics, String by) {
        return jdbc.sql(
                                """
        insert into case_questions (case_id, round, question, topics, asked_by, asked_at, remind_at, closes_at)
        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id, round) do nothing""")
                        .params(
                                caseId.value(),
                                q.round(),
                                text,
                                String.join(
                                        ",",
                                        topics.stream().sorted().map(Enum::name).toList()),
                                by,
                                CaseStore.ts(q.askedAt()),
                                CaseStore.ts(q.remindAt()),
                                CaseStore.ts(q.closesAt()))
                        .update()
                == 1;
    }

    /** Records the answer to a waiting round; false when it was answered or settled before. */
    boolean answer(long questionId, String answer, String by, Instant at) {
        return jdbc.sql("update case_questions set answer = ?, answered_by = ?, answered_at = ?"
                                + " where id = ? and answered_at is null and settled is null")
                        .params(answer, by, CaseStore.ts(at), questionId)
                        .update()
                == 1;
    }

    void addFile(CaseId caseId, long questionId, ProofFile file, Instant at) {
        jdbc.sql("insert into proofs (case_id, question_id, file_name, content_type, size_bytes, content, uploaded_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        caseId.value(),
                        questionId,
                        file.fileName(),
                        file.contentType(),
                        file.content().length,
                        file.content(),
                        CaseStore.ts(at))
                .update();
    }

    boolean markReminded(long questionId, Instant at) {
        return jdbc.sql("update case_questions set reminded_at = ? where id = ? and reminded_at is null")
                        .params(CaseStore.ts(at), questionId)
                        .update()
                == 1;
    }

    boolean settle(long questionId, String settled, Instant at) {
        return jdbc.sql("update case_questions set settled = ?, settled_at = ? where id = ? and settled is null")
                        .params(settled, CaseStore.ts(at), questionId)
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Set<CustomerQuestion.Topic> topics = EnumSet.noneOf(CustomerQuestion.Topic.class);
        Arrays.stream(rs.getString("topics").split(","))
                .filter(t -> !t.isBlank())
                .forEach(t -> topics.add(CustomerQuestion.Topic.valueOf(t)));
        return new Row(
                rs.getLong("id"),
                new CustomerQuestion(
                        rs.getInt("round"),
                        CaseStore.instant(rs, "asked_at"),
                        CaseStore.instant(rs, "remind_at"),
                        CaseStore.instant(rs, "closes_at")),
                rs.getString("question"),
                topics,
                rs.getString("asked_by"),
                CaseStore.instant(rs, "reminded_at"),
                rs.getString("answer"),
                rs.getString("answered_by"),
                CaseStore.instant(rs, "answered_at"),
                rs.getString("settled"),
                CaseStore.instant(rs, "settled_at"));
    }
}
