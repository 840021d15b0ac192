package dev.hedgekit.posthog.errors;

/**
 * Base of every exception this SDK throws for a failed call: an answer from PostHog that is
 * not a success ({@link PostHogApiException}), a network failure ({@link PostHogIoException}),
 * or a response that could not be decoded ({@link PostHogDecodeException}).
 *
 * <p>Messages never contain the API key or any request header.
 */
public class PostHogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or null
   */
  public PostHogException(String message, Throwable cause) {
    super(message, cause);
  }
}
