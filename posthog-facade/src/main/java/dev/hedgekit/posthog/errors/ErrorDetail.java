package dev.hedgekit.posthog.errors;

import java.util.Objects;

/**
 * One error as PostHog reports it in an error body: {@code {type, code, detail, attr}}.
 * Any field may be null when PostHog leaves it out.
 */
public final class ErrorDetail {

  private final String type;
  private final String code;
  private final String detail;
  private final String attr;

  /**
   * Creates an error detail.
   *
   * @param type PostHog's error type, e.g. {@code validation_error}
   * @param code PostHog's error code, e.g. {@code required}
   * @param detail the human-readable explanation
   * @param attr the field the error is about, if any
   */
  public ErrorDetail(String type, String code, String detail, String attr) {
    this.type = type;
    this.code = code;
    this.detail = detail;
    this.attr = attr;
  }

  /** @return PostHog's error type (authentication_error, invalid_request, server_error,
   *  throttled_error, validation_error or multiple), or null */
  public String type() {
    return type;
  }

  /** @return PostHog's error code, or null */
  public String code() {
    return code;
  }

  /** @return the human-readable explanation, or null */
  public String detail() {
    return detail;
  }

  /** @return the name of the field the error is about, or null */
  public String attr() {
    return attr;
  }

  /**
   * Renders the detail as one readable phrase, for example
   * {@code validation_error/required on key: This field is required.}
   *
   * @return the phrase
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (type != null) {
      sb.append(type);
    }
    if (code != null) {
      sb.append(sb.length() > 0 ? "/" : "").append(code);
    }
    if (attr != null) {
      sb.append(sb.length() > 0 ? " " : "").append("on ").append(attr);
    }
    if (detail != null) {
      sb.append(sb.length() > 0 ? ": " : "").append(detail);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ErrorDetail)) {
      return false;
    }
    ErrorDetail e = (ErrorDetail) o;
    return Objects.equals(type, e.type) && Objects.equals(code, e.code)
        && Objects.equals(detail, e.detail) && Objects.equals(attr, e.attr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, code, detail, attr);
  }

  @Override
  public String toString() {
    return "ErrorDetail{" + describe() + "}";
  }
}
