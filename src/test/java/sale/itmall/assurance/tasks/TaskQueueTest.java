package sale.itmall.assurance.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.returns.ProcessDriver;
import sale.itmall.assurance.returns.Scenarios;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/**
 * The staff task queue under faults, on the embedded engine with the real worker and PostgreSQL: a task the engine
 * handed out but the application did not record comes back; a task handed out again (a timeout, a second app
 * instance) stays one task and keeps its assignee; roles and assignees are respected.
 */
@ApplicationTest
class TaskQueueTest {

    @Autowired
    TaskQueue queue;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final Staff tac = new Staff("tac-1", EnumSet.of(StaffRole.TAC_ENGINEER));
    final Staff otherTac = new Staff("tac-2", EnumSet.of(StaffRole.TAC_ENGINEER));
    final Staff bench = new Staff("bench-1", EnumSet.of(StaffRole.BENCH_TECHNICIAN));

    int rows(long taskKey) {
        return jdbc.sql("select count(*) from staff_tasks where task_key = ?")
                .param(taskKey)
                .query(Integer.class)
                .single();
    }

    Instant seenAt(long taskKey) {
        return jdbc.sql("select seen_at from staff_tasks where task_key = ?")
                .param(taskKey)
                .query(Instant.class)
                .single();
    }

    @Test
    void aTaskTheApplicationLostComesBackWhenTheEngineHandsItOutAgain() {
        String caseRef = scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 100);
        StaffTask task = driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS);
        // the application died after the engine handed the task out and before it was recorded
        jdbc.sql("delete from staff_tasks where task_key = ?")
                .param(task.taskKey())
                .update();
        assertThat(queue.all(caseRef)).isEmpty();

        driver.advanceClock(UserTasks.JOB_TIMEOUT.plusMinutes(1));
        StaffTask back = driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS);
        assertThat(back.taskKey()).isEqualTo(task.taskKey());
        assertThat(back.candidateGroups()).containsExactly("tac-engineers");
        assertThat(back.formId()).isEqualTo("remote-diagnosis");
    }

    @Test
    void aTaskHandedOutAgainStaysOneTaskWithItsAssignee() {
        String caseRef = scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 100);
        StaffTask task = driver.userTask(caseRef, Elements.REMOTE_DIAGNOSIS);
        queue.claim(task.taskKey(), tac);
        Instant firstSeen = seenAt(task.taskKey());

        // the engine hands the job out again after its timeout (as to a second application instance)
        driver.advanceClock(UserTasks.JOB_TIMEOUT.plusMinutes(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> seenAt(task.taskKey()).isAfter(firstSeen));
        assertThat(rows(task.taskKey())).isEqualTo(1);
        assertThat(queue.all(caseRef)).singleElement().satisfies(t -> assertThat(t.assignee())
                .isEqualTo("tac-1"));

        // taken: another TAC engineer may neither take nor complete it; other roles do not see it
        assertThatThrownBy(() -> queue.claim(task.taskKey(), otherTac))
                .isInstanceOf(TaskRefused.class)
                .hasMessageContaining("assigned to tac-1")
                .satisfies(e -> assertThat(((TaskRefused) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> queue.complete(task.taskKey(), Map.of("diagnosisOutcome", "NO_FAULT_FOUND"), otherTac))
                .isInstanceOf(TaskRefused.class)
                .satisfies(e -> assertThat(((TaskRefused) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> queue.open(task.taskKey(), bench))
                .isInstanceOf(TaskRefused.class)
                .satisfies(e -> assertThat(((TaskRefused) e).status()).isEqualTo(403));
        assertThat(queue.offeredTo(bench, null, caseRef)).isEmpty();
        assertThat(queue.offeredTo(tac, StaffRole.TAC_ENGINEER, caseRef)).hasSize(1);

        queue.complete(task.taskKey(), Map.of("diagnosisOutcome", "NO_FAULT_FOUND"), tac);
        assertThat(rows(task.taskKey())).isZero();
        driver.awaitClosed(caseRef);
        assertThatThrownBy(() -> queue.complete(task.taskKey(), Map.of("diagnosisOutcome", "NO_FAULT_FOUND"), tac))
                .isInstanceOf(TaskRefused.class)
                .satisfies(e -> assertThat(((TaskRefused) e).status()).isEqualTo(404));
    }

    @Test
    void tasksAreOfferedSoonestDueFirst() {
        String first = scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 100);
        String second = scenarios.caseAtDiagnosis(fixtures.customer(true), AssetCategory.END_USER_TERMINAL, 100);
        driver.userTask(second, Elements.REMOTE_DIAGNOSIS);
        assertThat(queue.offeredTo(tac, null, null))
                .extracting(StaffTask::caseReference)
                .containsSubsequence(first, second);
        assertThat(queue.offeredTo(tac, null, null))
                .extracting(StaffTask::dueAt)
                .isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
