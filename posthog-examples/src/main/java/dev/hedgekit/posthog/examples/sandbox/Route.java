package dev.hedgekit.posthog.examples.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One operation as the {@link SandboxServer} matches and answers it; its body is read the
 * first time it is needed (from the stored plan) or given up front (from a spec).
 */
final class Route {

  final String operationId;
  final String method;
  final String pathTemplate;
  final String regex;
  final int status;
  /** Null when the answer has no body. */
  final String contentType;
  /** Path parameters in the template: fewer win, so literal paths beat templates. */
  final int parameters;
  /** Position in the spec: the earlier wins among routes with as many parameters. */
  final int order;
  /** The template split at {@code /}. */
  private final String[] segments;
  /** Whether each segment is either literal or one whole {@code {param}}. */
  private final boolean plainSegments;
  /** For templates with a parameter inside a segment ({@code {id}.json}); made when needed. */
  private volatile Pattern pattern;
  private final Supplier<byte[]> bodySource;
  private volatile byte[] body;

  Route(String operationId, String method, String pathTemplate, String regex, int status,
      String contentType, Supplier<byte[]> bodySource, int order) {
    this.operationId = operationId;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.regex = regex;
    this.segments = pathTemplate.split("/", -1);
    boolean plain = true;
    for (String segment : segments) {
      boolean whole = segment.startsWith("{") && segment.endsWith("}")
          && segment.indexOf('{', 1) < 0;
      plain &= whole || segment.indexOf('{') < 0;
    }
    this.plainSegments = plain;
    this.status = status;
    this.contentType = contentType;
    this.bodySource = bodySource;
    this.parameters = StoredPlan.parameterCount(pathTemplate);
    this.order = order;
  }

  static Route of(StubbedOperation op, int order) {
    byte[] bytes = op.hasBody() ? op.body().getBytes(StandardCharsets.UTF_8) : null;
    return new Route(op.operationId(), op.method(), op.pathTemplate(), op.urlPathRegex(),
        op.status(), op.contentType(), bytes == null ? null : () -> bytes, order);
  }

  /**
   * Whether a request path (raw, as sent) is this route's: literal segments equal, each
   * parameter one non-empty segment. Compares segments instead of running a regular
   * expression, so starting a sandbox compiles none.
   *
   * @param path the request path
   * @return whether it matches
   */
  boolean matches(String path) {
    if (!plainSegments) {
      Pattern p = pattern;
      if (p == null) {
        p = Pattern.compile(regex);
        pattern = p;
      }
      return p.matcher(path).matches();
    }
    String[] parts = path.split("/", -1);
    if (parts.length != segments.length) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      String t = segments[i];
      if (t.startsWith("{")) {
        if (parts[i].isEmpty()) {
          return false;
        }
      } else if (!t.equals(parts[i])) {
        return false;
      }
    }
    return true;
  }

  /** @return the body, or null when the answer has none */
  byte[] body() {
    if (bodySource == null) {
      return null;
    }
    byte[] b = body;
    if (b == null) {
      b = bodySource.get();
      body = b;
    }
    return b;
  }

  StubbedOperation toOperation() {
    byte[] b = body();
    return new StubbedOperation(operationId, method, pathTemplate, regex, status,
        b == null ? null : contentType, b == null ? null : new String(b, StandardCharsets.UTF_8));
  }
}
