package sale.itmall.demoengine;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What operations read in the engine's record stream (it has no exporter): the open incidents and their retry (a
 * job's incident gets its retries back, then the incident is resolved, as Operate's retry does), and the benchmark's
 * job times.
 */
final class Incidents implements AutoCloseable {

    /** One open incident, as operations read it. */
    record Incident(
            long key,
            long processInstanceKey,
            String bpmnProcessId,
            String elementId,
            String errorType,
            String errorMessage,
            long jobKey,
            Instant createdAt) {}

    private final ZeebeTestEngine engine;
    private final ZeebeClient client;

    Incidents(ZeebeTestEngine engine) {
        this.engine = engine;
        this.client = engine.createClient();
    }

    /** Reads the engine's log; when the engine appended while it was read, reads it again (at most 6 times). */
    private static <T> T readLog(Supplier<T> reading) {
        for (int attempt = 0; ; attempt++) {
            try {
                return reading.get();
            } catch (ConcurrentModificationException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Open incidents, oldest first. */
    List<Incident> open() {
        return readLog(this::openIncidents);
    }

    private List<Incident> openIncidents() {
        Map<Long, Incident> open = new LinkedHashMap<>();
        for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
            if (r.getValueType() != ValueType.INCIDENT) {
                continue;
            }
            IncidentRecordValue v = (IncidentRecordValue) r.getValue();
            if (r.getIntent() == IncidentIntent.CREATED) {
                open.put(
                        r.getKey(),
                        new Incident(
                                r.getKey(),
                                v.getProcessInstanceKey(),
                                v.getBpmnProcessId(),
                                v.getElementId(),
                                v.getErrorType().name(),
                                v.getErrorMessage(),
                                v.getJobKey(),
                                Instant.ofEpochMilli(r.getTimestamp())));
            } else if (r.getIntent() == IncidentIntent.RESOLVED) {
                open.remove(r.getKey());
            }
        }
        return new ArrayList<>(open.values());
    }

    Optional<Incident> find(long key) {
        return open().stream().filter(i -> i.key() == key).findFirst();
    }

    /** Gives a failed job one retry and resolves the incident; empty when no such incident is open. */
    Optional<Incident> retry(long key) {
        Optional<Incident> incident = find(key);
        incident.ifPresent(i -> {
            if (i.jobKey() > 0) {
                client.newUpdateRetriesCommand(i.jobKey())
                        .retries(1)
                        .send()
                        .join(10, TimeUnit.SECONDS);
            }
            client.newResolveIncidentCommand(i.key()).send().join(10, TimeUnit.SECONDS);
        });
        return incident;
    }

    /** A job's creation and first activation (engine clock, epoch ms; 0 while not activated). */
    record JobTimes(long key, String type, long createdAt, long activatedAt) {}

    /** The jobs created between two engine times, with when each was first activated: for the benchmark. */
    List<JobTimes> jobs(long from, long to) {
        return readLog(() -> jobTimes(from, to));
    }

    private List<JobTimes> jobTimes(long from, long to) {
        Map<Long, JobTimes> jobs = new LinkedHashMap<>();
        for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
            if (r.getValueType() == ValueType.JOB
                    && r.getIntent() == JobIntent.CREATED
                    && r.getTimestamp() >= from
                    && r.getTimestamp() <= to) {
                jobs.put(
                        r.getKey(),
                        new JobTimes(r.getKey(), ((JobRecordValue) r.getValue()).getType(), r.getTimestamp(), 0));
            } else if (r.getValueType() == ValueType.JOB_BATCH && r.getIntent() == JobBatchIntent.ACTIVATED) {
                for (long key : ((JobBatchRecordValue) r.getValue()).getJobKeys()) {
                    jobs.computeIfPresent(
                            key,
                            (k, j) -> j.activatedAt() > 0
                                    ? j
                                    : new JobTimes(k, j.type(), j.createdAt(), r.getTimestamp()));
                }
            }
        }
        return new ArrayList<>(jobs.values());
    }

    /** How many records the engine holds: it keeps its whole log in memory. */
    long records() {
        return readLog(() -> {
            long n = 0;
            for (Record<?> ignored : engine.getRecordStreamSource().getRecords()) {
                n++;
            }
            return n;
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
