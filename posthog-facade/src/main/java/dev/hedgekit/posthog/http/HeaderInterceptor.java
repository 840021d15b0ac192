package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.core.ApiKey;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Map;

/**
 * Adds the headers every request carries: {@code Authorization: Bearer <key>},
 * {@code Accept: application/json}, the SDK's {@code User-Agent}, and the extra headers of
 * the client and of the current call. Values are added literally (never treated as templates).
 */
final class HeaderInterceptor implements RequestInterceptor {

  private final String authorization;
  private final String userAgent;
  private final CallScope scope;

  HeaderInterceptor(ApiKey key, String userAgent, CallScope scope) {
    this.authorization = "Bearer " + key.reveal();
    this.userAgent = userAgent;
    this.scope = scope;
  }

  @Override
  public void apply(RequestTemplate template) {
    template.headerLiteral("Authorization", authorization);
    template.headerLiteral("Accept", "application/json");
    template.headerLiteral("User-Agent", userAgent);
    for (Map.Entry<String, String> h : scope.currentOptions().headers().entrySet()) {
      template.headerLiteral(h.getKey(), h.getValue());
    }
  }

  @Override
  public String toString() {
    return "HeaderInterceptor{authorization=Bearer [redacted], userAgent=" + userAgent + "}";
  }
}
