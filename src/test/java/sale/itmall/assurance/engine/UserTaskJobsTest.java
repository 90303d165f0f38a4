package sale.itmall.assurance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sale.itmall.assurance.process.ProcessContract.Elements;

/** How the queue reads the headers the engine hands a user task out with. */
class UserTaskJobsTest {

    @Test
    void aDueDateOnAWholeMinuteOrWithAZoneIsRead() {
        // FEEL's date and time leaves the seconds out on a whole minute
        assertThat(UserTaskJobs.dueAt("2027-07-20T19:03Z", Elements.REMOTE_DIAGNOSIS))
                .isEqualTo(Instant.parse("2027-07-20T19:03:00Z"));
        assertThat(UserTaskJobs.dueAt("2027-07-20T19:03:07.250Z", Elements.REMOTE_DIAGNOSIS))
                .isEqualTo(Instant.parse("2027-07-20T19:03:07.250Z"));
        assertThat(UserTaskJobs.dueAt("2027-07-20T21:03+02:00[Europe/Berlin]", Elements.REMOTE_DIAGNOSIS))
                .isEqualTo(Instant.parse("2027-07-20T19:03:00Z"));
        assertThat(UserTaskJobs.dueAt(null, Elements.REMOTE_DIAGNOSIS)).isNull();
    }

    @Test
    void headersTheQueueCannotReadSayWhatToCorrect() {
        assertThatThrownBy(() -> UserTaskJobs.dueAt("next Tuesday", Elements.REMOTE_DIAGNOSIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Elements.REMOTE_DIAGNOSIS)
                .hasMessageContaining("'next Tuesday'");
        assertThatThrownBy(() -> UserTaskJobs.candidateGroups("[\"marketing\"]", "Task_X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'marketing', which is no staff role");
        assertThat(UserTaskJobs.candidateGroups("[\"/tac-engineers\"]", "Task_X"))
                .containsExactly("tac-engineers");
    }
}
