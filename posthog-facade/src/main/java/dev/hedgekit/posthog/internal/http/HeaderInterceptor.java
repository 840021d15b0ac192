package dev.hedgekit.posthog.internal.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Map;

/**
 * Adds the headers of every request of one client or view: {@code Authorization: Bearer <key>},
 * {@code Accept: application/json}, the SDK's {@code User-Agent}, and the view's extra headers.
 * Values are added literally (never read as templates).
 */
final class HeaderInterceptor implements RequestInterceptor {

  private final String authorization;
  private final String userAgent;
  private final Map<String, String> extra;

  HeaderInterceptor(String authorization, String userAgent, Map<String, String> extra) {
    this.authorization = authorization;
    this.userAgent = userAgent;
    this.extra = extra;
  }

  @Override
  public void apply(RequestTemplate template) {
    template.headerLiteral("Authorization", authorization);
    template.headerLiteral("Accept", "application/json");
    template.headerLiteral("User-Agent", userAgent);
    for (Map.Entry<String, String> h : extra.entrySet()) {
      template.headerLiteral(h.getKey(), h.getValue());
    }
  }

  @Override
  public String toString() {
    return "HeaderInterceptor{authorization=Bearer [redacted], userAgent=" + userAgent + "}";
  }
}
