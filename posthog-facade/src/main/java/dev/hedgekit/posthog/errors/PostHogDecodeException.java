package dev.hedgekit.posthog.errors;

/**
 * PostHog answered with a success status but the body could not be decoded into the expected
 * type (not JSON, truncated, or a shape that does not fit).
 */
public class PostHogDecodeException extends PostHogException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status of the undecodable answer. */
  private final int status;

  /**
   * Creates the exception.
   *
   * @param message what could not be decoded, with method and path
   * @param cause the parser's failure
   * @param status the HTTP status of the answer
   */
  public PostHogDecodeException(String message, Throwable cause, int status) {
    super(message, cause);
    this.status = status;
  }

  /** @return the HTTP status of the undecodable answer */
  public int status() {
    return status;
  }
}
