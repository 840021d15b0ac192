package dev.hedgekit.posthog.examples.sandbox;

import java.util.Objects;

/**
 * One operation of the spec as the {@link SandboxServer} answers it.
 *
 * @param operationId the spec's operationId (or {@code METHOD path} when it has none)
 * @param method the HTTP method, upper case
 * @param pathTemplate the spec path, e.g. {@code /api/projects/{project_id}/feature_flags/}
 * @param urlPathRegex the regex the request path must match (each parameter is {@code [^/]+})
 * @param status the status answered
 * @param contentType the Content-Type of the body, or null when there is no body
 * @param body the body answered, or null
 */
public record StubbedOperation(String operationId, String method, String pathTemplate,
    String urlPathRegex, int status, String contentType, String body) {

  /** Checks the required parts. */
  public StubbedOperation {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(urlPathRegex, "urlPathRegex");
  }

  /** @return whether the answer has a body */
  public boolean hasBody() {
    return body != null;
  }

  /**
   * The template with every parameter replaced by a value, e.g. for a test request.
   *
   * @param value the value put in every parameter
   * @return a concrete path that this operation answers
   */
  public String examplePath(String value) {
    return pathTemplate.replaceAll("\\{[^}/]+\\}", java.util.regex.Matcher.quoteReplacement(value));
  }
}
