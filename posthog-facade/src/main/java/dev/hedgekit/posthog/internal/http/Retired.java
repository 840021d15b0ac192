package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.generated.support.Operation;
import feign.MethodMetadata;
import feign.Request;
import java.lang.reflect.Method;

/**
 * What the curated spec records about an operation PostHog deprecated or removed: read from the
 * generated method's {@link Operation} annotation, so that an error from such an operation can
 * say what to use instead.
 */
final class Retired {

  final String operationId;
  final String upstream;
  final String replacement;

  private Retired(String operationId, String upstream, String replacement) {
    this.operationId = operationId;
    this.upstream = upstream;
    this.replacement = replacement;
  }

  /**
   * @param request a request made by a generated method
   * @return the operation's record when PostHog deprecated or removed it, else null
   */
  static Retired of(Request request) {
    Operation op = operation(request);
    if (op == null || !("removed".equals(op.upstream()) || "deprecated".equals(op.upstream()))) {
      return null;
    }
    return new Retired(op.value(), op.upstream(), op.replacement());
  }

  private static Operation operation(Request request) {
    if (request == null || request.requestTemplate() == null) {
      return null;
    }
    MethodMetadata md = request.requestTemplate().methodMetadata();
    Method m = md == null ? null : md.method();
    return m == null ? null : m.getAnnotation(Operation.class);
  }

  /** @return the sentence added to an error from this operation */
  String hint() {
    String what = "removed".equals(upstream)
        ? "PostHog has removed this endpoint (operation " + operationId + ")"
        : "PostHog has deprecated this endpoint (operation " + operationId + ")";
    return replacement.isEmpty() ? what : what + "; use instead: " + replacement;
  }
}
