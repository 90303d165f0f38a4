package sale.itmall.assurance.tasks;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import sale.itmall.assurance.returns.ReturnEvent;

/**
 * Keeps the queue true to the engine: a cancelled case's tasks leave with it, and a task the engine no longer hands
 * out (its case went on, e.g. by a timer) is removed after {@link #GONE_AFTER}.
 */
@Component
@ConditionalOnProperty(name = UserTasks.PROPERTY, havingValue = "portal")
class QueueUpkeep {

    /** A task not handed out again for this long (three of its jobs' timeouts) is gone from the engine. */
    static final Duration GONE_AFTER = UserTasks.JOB_TIMEOUT.multipliedBy(3);

    private static final Logger LOG = LoggerFactory.getLogger(QueueUpkeep.class);

    private final TaskStore store;

    QueueUpkeep(TaskStore store) {
        this.store = store;
    }

    @EventListener
    void caseCancelled(ReturnEvent.ReturnCancelled cancelled) {
        store.removeOfCase(cancelled.c().reference());
    }

    @Scheduled(fixedDelayString = "${itmall.tasks.sweep-interval:PT1M}", initialDelayString = "PT1M")
    void sweep() {
        int gone = store.removeUnseenSince(Instant.now().minus(GONE_AFTER));
        if (gone > 0) {
            LOG.info("{} tasks left the queue: the engine no longer has them", gone);
        }
    }
}
