package dev.hedgekit.posthog.internal.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Map;

/**
 * Adds the extra headers of a client or view ({@code RequestOptions} headers) to every
 * request, literally (never read as templates). The headers every request of a client carries
 * (Authorization, Accept, User-Agent) are added by {@link ApacheTransport}.
 */
final class HeaderInterceptor implements RequestInterceptor {

  private final Map<String, String> extra;

  HeaderInterceptor(Map<String, String> extra) {
    this.extra = extra;
  }

  @Override
  public void apply(RequestTemplate template) {
    for (Map.Entry<String, String> h : extra.entrySet()) {
      template.headerLiteral(h.getKey(), h.getValue());
    }
  }

  @Override
  public String toString() {
    return "HeaderInterceptor{extra=" + extra.keySet() + "}";
  }
}
