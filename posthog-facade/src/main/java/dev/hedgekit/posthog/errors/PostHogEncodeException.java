package dev.hedgekit.posthog.errors;

/**
 * A request body could not be written as JSON (for example an object Jackson cannot
 * serialize). Nothing was sent.
 */
public class PostHogEncodeException extends PostHogException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be written
   * @param cause the serializer's failure
   */
  public PostHogEncodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
