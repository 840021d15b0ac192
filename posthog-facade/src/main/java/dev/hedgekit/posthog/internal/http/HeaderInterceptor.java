package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.core.ApiKey;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Map;

/**
 * Adds the headers every request carries: {@code Authorization: Bearer <key>},
 * {@code Accept: application/json}, the SDK's {@code User-Agent}, and the extra headers of
 * the client and of the current call. Values are added literally (never treated as templates).
 *
 * <p>When HTTP logging is off, the first three are the same for every request and are not
 * added here: the transport writes them onto the wire itself ({@link #fixedHeaders()}), which
 * spares Feign three header templates per call. When logging is on they are added here, so
 * that the log shows them (the key redacted) exactly as before. Either way the same headers,
 * with the same values, are sent.
 */
final class HeaderInterceptor implements RequestInterceptor {

  private final String authorization;
  private final String userAgent;
  private final CallScope scope;
  private final boolean addFixed;

  HeaderInterceptor(ApiKey key, String userAgent, CallScope scope, boolean addFixed) {
    this.authorization = "Bearer " + key.reveal();
    this.userAgent = userAgent;
    this.scope = scope;
    this.addFixed = addFixed;
  }

  /**
   * @return the headers the transport must send itself, in order: none when this interceptor
   *     adds them
   */
  org.apache.hc.core5.http.Header[] fixedHeaders() {
    if (addFixed) {
      return new org.apache.hc.core5.http.Header[0];
    }
    return new org.apache.hc.core5.http.Header[] {
        new org.apache.hc.core5.http.message.BasicHeader("Authorization", authorization, true),
        new org.apache.hc.core5.http.message.BasicHeader("Accept", "application/json"),
        new org.apache.hc.core5.http.message.BasicHeader("User-Agent", userAgent)};
  }

  @Override
  public void apply(RequestTemplate template) {
    if (addFixed) {
      template.headerLiteral("Authorization", authorization);
      template.headerLiteral("Accept", "application/json");
      template.headerLiteral("User-Agent", userAgent);
    }
    for (Map.Entry<String, String> h : scope.currentOptions().headers().entrySet()) {
      template.headerLiteral(h.getKey(), h.getValue());
    }
  }

  /** @return the extra headers of the client and of the current call (never the fixed three) */
  Map<String, String> extraHeaders() {
    return scope.currentOptions().headers();
  }

  @Override
  public String toString() {
    return "HeaderInterceptor{authorization=Bearer [redacted], userAgent=" + userAgent + "}";
  }
}
