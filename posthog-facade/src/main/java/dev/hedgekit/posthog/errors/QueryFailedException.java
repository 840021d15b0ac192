package dev.hedgekit.posthog.errors;

/**
 * PostHog ran an asynchronous query and reported that it failed: its status carries
 * {@code error: true} and usually an {@code error_message} (for example a HogQL syntax error
 * or a ClickHouse failure). The message of this exception includes PostHog's.
 */
public class QueryFailedException extends PostHogException {

  private static final long serialVersionUID = 1L;

  /** Serialized with the exception: see the accessor of the same name. */
  private final String queryId;
  /** Serialized with the exception: see the accessor of the same name. */
  private final String errorMessage;

  /**
   * Creates the exception.
   *
   * @param queryId the id of the failed query
   * @param errorMessage PostHog's {@code error_message}, or null when it gave none
   */
  public QueryFailedException(String queryId, String errorMessage) {
    super("query " + queryId + " failed on PostHog: "
        + (errorMessage == null || errorMessage.isBlank() ? "(no error message given)" : errorMessage),
        null);
    this.queryId = queryId;
    this.errorMessage = errorMessage;
  }

  /** @return the id of the failed query */
  public String queryId() {
    return queryId;
  }

  /** @return PostHog's {@code error_message}, or null when it gave none */
  public String errorMessage() {
    return errorMessage;
  }
}
