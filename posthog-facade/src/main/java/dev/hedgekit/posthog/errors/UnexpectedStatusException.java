package dev.hedgekit.posthog.errors;

/**
 * A status this SDK gives no meaning of its own (for example 402, 409 or a 3xx).
 */
public class UnexpectedStatusException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  public UnexpectedStatusException(ApiErrorInfo info, String hint) {
    super(info, hint);
  }
}
