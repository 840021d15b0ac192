package dev.hedgekit.posthog.errors;

/**
 * 400 Bad Request or 422 Unprocessable Entity: PostHog rejected the input (`invalid_request` or `validation_error`); {@link #attr()} names the field when there is one.
 */
public class BadRequestException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  public BadRequestException(ApiErrorInfo info, String hint) {
    super(info, hint);
  }
}
