package dev.hedgekit.posthog.errors;

/**
 * 5xx: PostHog failed to answer; status 512 means the query was estimated to run too long.
 */
public class ServerErrorException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  public ServerErrorException(ApiErrorInfo info, String hint) {
    super(info, hint);
  }
}
