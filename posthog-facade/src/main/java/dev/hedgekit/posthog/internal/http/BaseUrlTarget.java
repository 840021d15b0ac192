package dev.hedgekit.posthog.internal.http;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;

/**
 * Feign's target of one client: the request's path and query are appended to the configured
 * base URL as text, so a call parses no URL; an absolute URL (a page link PostHog sent, already
 * checked against the base) is sent as it is.
 *
 * @param <T> the interface
 */
final class BaseUrlTarget<T> implements Target<T> {

  private final Class<T> type;
  private final String url;

  BaseUrlTarget(Class<T> type, String url) {
    this.type = type;
    this.url = url;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public String name() {
    return url;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public Request apply(RequestTemplate input) {
    String relative = input.url();
    if (relative.startsWith("http://") || relative.startsWith("https://")) {
      return input.request();
    }
    return Request.create(Request.HttpMethod.valueOf(input.method()), url + relative,
        input.headers(), input.body(), input.requestCharset(), input);
  }

  @Override
  public String toString() {
    return "BaseUrlTarget{" + type.getSimpleName() + ", " + url + "}";
  }
}
