package dev.hedgekit.posthog.errors;

/**
 * 401 Unauthorized: the personal API key is missing, wrong, revoked, or belongs to the other cloud region.
 */
public class UnauthorizedException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  public UnauthorizedException(ApiErrorInfo info, String hint) {
    super(info, hint);
  }
}
