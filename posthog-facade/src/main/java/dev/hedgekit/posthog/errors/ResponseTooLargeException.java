package dev.hedgekit.posthog.errors;

/**
 * A response was larger than the response size limit. Reading stopped at the limit and the
 * connection was dropped; nothing beyond the limit was read or kept. Raise the limit with
 * {@code PostHogClientBuilder.maxResponseBytes(...)} (or {@code POSTHOG_MAX_RESPONSE_BYTES}),
 * or for one call with {@code RequestOptions.builder().maxResponseBytes(...)}.
 */
public class ResponseTooLargeException extends PostHogException {

  private static final long serialVersionUID = 1L;

  /** The limit that was passed, in bytes. */
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param limit the limit in bytes
   * @param seen how many bytes were declared or read when the limit was passed
   */
  public ResponseTooLargeException(long limit, long seen) {
    super("the response is larger than the response size limit of " + limit + " bytes (" + seen
        + " bytes declared or read); raise it with PostHogClientBuilder.maxResponseBytes(...),"
        + " the POSTHOG_MAX_RESPONSE_BYTES environment variable, or for one call"
        + " RequestOptions.builder().maxResponseBytes(...)", null);
    this.limit = limit;
  }

  /** @return the limit that was passed, in bytes */
  public long limit() {
    return limit;
  }
}
