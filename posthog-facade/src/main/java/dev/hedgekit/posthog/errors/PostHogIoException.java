package dev.hedgekit.posthog.errors;

/**
 * The request could not be completed on the network: refused or failed connection, reset,
 * truncated response, or a timeout ({@link PostHogTimeoutException}).
 */
public class PostHogIoException extends PostHogException {

  private static final long serialVersionUID = 1L;

  /** Whether the request may have reached the server. */
  private final boolean requestSent;

  /**
   * Creates the exception.
   *
   * @param message what failed, with method and path
   * @param cause the I/O failure
   * @param requestSent whether the request may have reached the server
   */
  public PostHogIoException(String message, Throwable cause, boolean requestSent) {
    super(message, cause);
    this.requestSent = requestSent;
  }

  /**
   * Whether the request may have reached PostHog before the failure. When false, the
   * connection was never established and nothing was sent.
   *
   * @return true if the request may have been sent
   */
  public boolean requestMayHaveBeenSent() {
    return requestSent;
  }
}
