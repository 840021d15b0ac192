package dev.hedgekit.posthog.errors;

/**
 * 405 Method Not Allowed: PostHog does not offer this method here; several resources refuse a hard DELETE and expect a PATCH setting {@code deleted} to true.
 */
public class MethodNotAllowedException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  public MethodNotAllowedException(ApiErrorInfo info, String hint) {
    super(info, hint);
  }
}
