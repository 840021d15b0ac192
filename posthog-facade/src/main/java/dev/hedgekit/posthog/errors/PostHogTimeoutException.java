package dev.hedgekit.posthog.errors;

/**
 * A connect, read or overall call timeout expired before PostHog answered.
 */
public class PostHogTimeoutException extends PostHogIoException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which timeout expired, with method and path
   * @param cause the underlying timeout, or null
   * @param requestSent whether the request may have reached the server
   */
  public PostHogTimeoutException(String message, Throwable cause, boolean requestSent) {
    super(message, cause, requestSent);
  }
}
