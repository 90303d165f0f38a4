package sale.itmall.assurance.workers;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import sale.itmall.assurance.cases.CaseNotFound;
import sale.itmall.assurance.policy.PolicyViolation;

/**
 * How a worker turns failures into something an operator can act on in Operate. Business outcomes the model handles
 * are BPMN errors thrown by the worker itself; everything else ends here:
 *
 * <ul>
 *   <li>data the policy cannot decide on (a form completed without a required value, an unknown case) fails the job
 *       with no retries left, so an incident opens at once with the reason and what to do;
 *   <li>a database that is unreachable fails the job with its retries counted down and a backoff, so it heals by
 *       itself when the database comes back and opens an incident only when the retries run out.
 * </ul>
 */
final class Steps {

  static final Duration TECHNICAL_BACKOFF = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

  private Steps() {}

  static <T> T run(ActivatedJob job, Supplier<T> step) {
    try {
      return step.get();
    } catch (PolicyViolation | CaseNotFound e) {
      throw CamundaError.jobError(e.getMessage()
          + ". Correct the process variables of this instance in Operate, then retry the incident.", null, 0);
    } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
      int retries = Math.max(job.getRetries() - 1, 0);
      LOG.warn("{} failed on a database fault, {} retries left: {}", job.getType(), retries, e.getMessage());
      throw CamundaError.jobError("Database unavailable while running " + job.getType() + ": " + e.getMessage()
              + (retries == 0 ? ". Check the database, then retry the incident." : ". Retrying."),
          null, retries, TECHNICAL_BACKOFF, e);
    }
  }

  static void run(ActivatedJob job, Runnable step) {
    run(job, () -> {
      step.run();
      return null;
    });
  }
}
