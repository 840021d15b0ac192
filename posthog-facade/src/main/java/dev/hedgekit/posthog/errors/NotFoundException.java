package dev.hedgekit.posthog.errors;

/**
 * 404 Not Found: no such object, or no such path (PostHog does not redirect a path without its trailing slash).
 */
public class NotFoundException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  public NotFoundException(ApiErrorInfo info, String hint) {
    super(info, hint);
  }
}
