package dev.hedgekit.posthog.errors;

import java.util.List;

/**
 * What is known about one failed answer, decoded from the status and PostHog's error body.
 * Built by the SDK's HTTP layer; carried into the exception it becomes.
 */
public final class ApiErrorInfo {

  private final int status;
  private final String method;
  private final String path;
  private final ErrorDetail error;
  private final List<ErrorDetail> errors;
  private final String bodyExcerpt;
  private final String body;

  private ApiErrorInfo(int status, String method, String path, ErrorDetail error,
      List<ErrorDetail> errors, String bodyExcerpt, String body) {
    this.status = status;
    this.method = method;
    this.path = path;
    this.error = error;
    this.errors = List.copyOf(errors);
    this.bodyExcerpt = bodyExcerpt;
    this.body = body == null ? "" : body;
  }

  /**
   * The decoded failure; made by the SDK's HTTP layer.
   *
   * @param status the HTTP status
   * @param method the request method
   * @param path the request path and query
   * @param error the top-level error
   * @param errors every error reported
   * @param bodyExcerpt a cleaned start of a body that is not PostHog's error shape, or null
   * @param body the whole body as text, the API key masked
   * @return the information
   */
  public static ApiErrorInfo of(int status, String method, String path, ErrorDetail error,
      List<ErrorDetail> errors, String bodyExcerpt, String body) {
    return new ApiErrorInfo(status, method, path, error, errors, bodyExcerpt, body);
  }

  String body() {
    return body;
  }

  int status() {
    return status;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  ErrorDetail error() {
    return error;
  }

  List<ErrorDetail> errors() {
    return errors;
  }

  String bodyExcerpt() {
    return bodyExcerpt;
  }

  String message(String hint) {
    StringBuilder sb = new StringBuilder("PostHog answered ").append(status);
    sb.append(" to ").append(method).append(' ').append(path);
    String described = error.describe();
    if (!described.isEmpty()) {
      sb.append(": ").append(described);
    } else if (bodyExcerpt != null && !bodyExcerpt.isEmpty()) {
      sb.append(": ").append(bodyExcerpt);
    }
    if (errors.size() > 1 || (errors.size() == 1 && !errors.get(0).equals(error))) {
      sb.append(" [");
      for (int i = 0; i < errors.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(errors.get(i).describe());
      }
      sb.append(']');
    }
    if (hint != null) {
      char last = sb.charAt(sb.length() - 1);
      sb.append(last == '.' || last == ']' && sb.charAt(sb.length() - 2) == '.' ? " " : ". ")
          .append(hint);
    }
    return sb.toString();
  }
}
