package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.generated.model.QueryStatus;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The handle of a query started with {@link Query#start}: its id, what PostHog last said about
 * it, and the means to poll, wait for or cancel it. Thread-safe.
 */
public final class QueryRun {

  private final Query owner;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile String id;
  private volatile Snapshot snapshot;

  QueryRun(Query owner, String id) {
    this.owner = owner;
    this.id = id;
    this.snapshot = Snapshot.pending(id);
  }

  /** @return the query's id (its {@code client_query_id}), for {@link Query#status(String)} */
  public String id() {
    return id;
  }

  /** @return the project the query runs in */
  public String projectId() {
    return owner.projectId();
  }

  /**
   * The status from PostHog's last response about this query, without a request. Empty when
   * PostHog answered the submission with results directly (cached results).
   *
   * @return the last known status
   */
  public Optional<QueryStatus> lastStatus() {
    return Optional.ofNullable(snapshot.status);
  }

  /** @return whether the last response said the query has ended (successfully or not) */
  public boolean isComplete() {
    return snapshot.complete;
  }

  /**
   * Requests the current status ({@code GET .../query/{id}/}) and remembers it.
   *
   * @return the status
   */
  public QueryStatus status() {
    Snapshot s = owner.fetch(id);
    snapshot = s;
    return s.status;
  }

  /**
   * Waits for the query with the default polling; see {@link Query#await(QueryRun, PollOptions)}.
   *
   * @return the query's results
   */
  public JsonNode await() {
    return owner.await(this, PollOptions.defaults());
  }

  /**
   * Waits for the query; see {@link Query#await(QueryRun, PollOptions)}.
   *
   * @param options the polling schedule and timeout
   * @return the query's results
   */
  public JsonNode await(PollOptions options) {
    return owner.await(this, options);
  }

  /**
   * Cancels the query on PostHog ({@code DELETE .../query/{id}/}) and stops any wait on this
   * handle before its next request. Only the first call sends the DELETE (use
   * {@link Query#cancel(String)} to send it again).
   *
   * @return true if this call sent the DELETE, false if the run was already cancelled
   */
  public boolean cancel() {
    if (!cancelled.compareAndSet(false, true)) {
      return false;
    }
    owner.cancel(id);
    return true;
  }

  /** Like {@link #cancel()}, but the DELETE is sent from the client's async executor. */
  void cancelInBackground() {
    if (cancelled.compareAndSet(false, true)) {
      owner.cancelLater(id);
    }
  }

  /** @return whether {@link #cancel()} was called (or the run's future cancelled) */
  public boolean isCancelled() {
    return cancelled.get();
  }

  Query owner() {
    return owner;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  void update(Snapshot s) {
    if (s.id != null) {
      id = s.id;
    }
    snapshot = s;
  }

  @Override
  public String toString() {
    Snapshot s = snapshot;
    return "QueryRun{id=" + id + ", projectId=" + owner.projectId() + ", complete=" + s.complete
        + (s.failed ? ", failed" : "") + (cancelled.get() ? ", cancelled" : "") + "}";
  }
}
