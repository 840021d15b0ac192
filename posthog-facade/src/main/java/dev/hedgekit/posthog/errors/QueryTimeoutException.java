package dev.hedgekit.posthog.errors;

/**
 * An asynchronous query did not complete within the polling timeout. By the time this is
 * thrown the SDK has asked PostHog to cancel the query (DELETE on its status path); if that
 * request failed too, its exception is attached as a suppressed exception.
 */
public class QueryTimeoutException extends PostHogTimeoutException {

  private static final long serialVersionUID = 1L;

  /** Serialized with the exception: see the accessor of the same name. */
  private final String queryId;
  /** Serialized with the exception: see the accessor of the same name. */
  private final long polls;

  /**
   * Creates the exception.
   *
   * @param message what timed out, with the query id and the time waited
   * @param queryId the id of the query that was cancelled
   * @param polls how many status requests were made before giving up
   */
  public QueryTimeoutException(String message, String queryId, long polls) {
    super(message, null, true);
    this.queryId = queryId;
    this.polls = polls;
  }

  /** @return the id of the query that did not complete in time (and was cancelled) */
  public String queryId() {
    return queryId;
  }

  /** @return how many status requests were made before giving up */
  public long polls() {
    return polls;
  }
}
