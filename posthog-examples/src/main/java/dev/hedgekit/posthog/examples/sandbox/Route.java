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
  final Pattern pattern;
  final int status;
  /** Null when the answer has no body. */
  final String contentType;
  /** Path parameters in the template: fewer win, so literal paths beat templates. */
  final int parameters;
  /** Position in the spec: the earlier wins among routes with as many parameters. */
  final int order;
  private final Supplier<byte[]> bodySource;
  private volatile byte[] body;

  Route(String operationId, String method, String pathTemplate, String regex, int status,
      String contentType, Supplier<byte[]> bodySource, int order) {
    this.operationId = operationId;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.regex = regex;
    this.pattern = Pattern.compile(regex);
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
