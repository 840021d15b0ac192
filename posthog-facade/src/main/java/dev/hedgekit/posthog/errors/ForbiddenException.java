package dev.hedgekit.posthog.errors;

/**
 * 403 Forbidden: the key is valid but lacks the scope or the access to this project or organization.
 */
public class ForbiddenException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  public ForbiddenException(ApiErrorInfo info, String hint) {
    super(info, hint);
  }
}
