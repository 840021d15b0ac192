package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.config.Sleeper;
import dev.hedgekit.posthog.errors.QueryTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Polls a started query until it completes: waits with the client's {@link Sleeper} (first
 * {@link PollOptions#initialDelay()}, growing by {@link PollOptions#multiplier()} up to
 * {@link PollOptions#maxDelay()}), asks for the status after each wait, and cancels the query
 * on PostHog when the timeout passes or the waiting thread is interrupted.
 */
final class Poller {

  private final Sleeper sleeper;

  Poller(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  JsonNode await(QueryRun run, PollOptions options) {
    long timeout = options.timeout().toNanos();
    long start = System.nanoTime();
    long waited = 0;
    long polls = 0;
    long delay = Math.min(options.initialDelay().toNanos(), options.maxDelay().toNanos());
    while (true) {
      if (run.isCancelled()) {
        throw new CancellationException("query " + run.id() + " was cancelled");
      }
      Snapshot s = run.snapshot();
      if (s.complete) {
        return s.result(run.id());
      }
      long remaining = timeout - waited;
      if (remaining <= 0 || System.nanoTime() - start >= timeout) {
        throw timedOut(run, options, polls);
      }
      long wait = Math.min(delay, remaining);
      try {
        sleeper.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        run.cancelInBackground();
        Thread.currentThread().interrupt();
        CancellationException ce = new CancellationException("interrupted while waiting for"
            + " query " + run.id() + "; asked PostHog to cancel it");
        ce.initCause(e);
        throw ce;
      }
      waited += wait;
      if (run.isCancelled()) {
        throw new CancellationException("query " + run.id() + " was cancelled");
      }
      run.update(run.owner().fetch(run.id()));
      polls++;
      delay = options.next(delay);
    }
  }

  private static QueryTimeoutException timedOut(QueryRun run, PollOptions options, long polls) {
    QueryTimeoutException t = new QueryTimeoutException("query " + run.id()
        + " did not complete within " + options.timeout() + " (" + polls
        + " status request(s)); asked PostHog to cancel it", run.id(), polls);
    try {
      run.cancel();
    } catch (RuntimeException e) {
      t.addSuppressed(e);
    }
    return t;
  }
}
