package dev.hedgekit.posthog.errors;

import java.util.List;

/**
 * PostHog answered with a status that is not a success. The fields come from PostHog's error
 * body ({@code type}, {@code code}, {@code detail}, {@code attr}, and for {@code type=multiple}
 * the list of errors); a body that is not PostHog's error shape leaves them null and keeps a
 * short excerpt of the body instead.
 *
 * <p>Subclasses say what the status means; catch this class to handle every API error.
 */
public class PostHogApiException extends PostHogException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** The request method. */
  private final String method;
  /** The request path and query. */
  private final String path;
  /** The top-level error. */
  private final ErrorDetail error;
  /** All errors reported. */
  private final List<ErrorDetail> errors;
  /** The start of a body that was not PostHog's error shape. */
  private final String bodyExcerpt;
  /** The whole body. */
  private final String body;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   */
  protected PostHogApiException(ApiErrorInfo info, String hint) {
    super(info.message(hint), null);
    this.status = info.status();
    this.method = info.method();
    this.path = info.path();
    this.error = info.error();
    this.errors = info.errors();
    this.bodyExcerpt = info.bodyExcerpt();
    this.body = info.body();
  }

  /** @return the HTTP status */
  public int status() {
    return status;
  }

  /** @return the HTTP method of the failed request */
  public String method() {
    return method;
  }

  /** @return the path (and query) of the failed request */
  public String path() {
    return path;
  }

  /** @return PostHog's error type, or null */
  public String type() {
    return error.type();
  }

  /** @return PostHog's error code, or null */
  public String code() {
    return error.code();
  }

  /** @return PostHog's explanation, or null */
  public String detail() {
    return error.detail();
  }

  /** @return the field the error is about, or null */
  public String attr() {
    return error.attr();
  }

  /** @return the top-level error as one value */
  public ErrorDetail error() {
    return error;
  }

  /**
   * The individual errors when PostHog reports several at once ({@code type=multiple});
   * otherwise a list holding only {@link #error()}.
   *
   * @return the errors, never empty
   */
  public List<ErrorDetail> errors() {
    return errors;
  }

  /** @return the start of the body when it was not PostHog's error shape, or null */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * The whole response body as text (within the response size limit), with the API key
   * masked. The message and the other accessors show only a cleaned, shortened part of it.
   *
   * @return the body, empty when there was none
   */
  public String body() {
    return body;
  }
}
