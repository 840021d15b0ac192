package dev.hedgekit.posthog.http;

import feign.Request;
import feign.Response;
import feign.Util;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Feign's request/response logging, sent to {@link System.Logger} at DEBUG, with the
 * Authorization header replaced by {@code Bearer [redacted]} at every level.
 */
final class RedactingLogger extends feign.Logger {

  static final String LOGGER_NAME = "dev.hedgekit.posthog.http";
  static final String REDACTED = "Bearer [redacted]";

  /** Looked up on first use: finding it starts the logging system, which build() need not wait for. */
  private volatile System.Logger sink;

  private final SecretScrubber scrubber;

  RedactingLogger(SecretScrubber scrubber) {
    this.scrubber = scrubber;
  }

  private System.Logger sink() {
    System.Logger s = sink;
    if (s == null) {
      s = System.getLogger(LOGGER_NAME);
      sink = s;
    }
    return s;
  }

  private boolean enabled() {
    return sink().isLoggable(System.Logger.Level.DEBUG);
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (enabled()) {
      sink().log(System.Logger.Level.DEBUG,
          scrubber.scrub(methodTag(configKey) + String.format(Locale.ROOT, format, args)));
    }
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (!enabled()) {
      return;
    }
    log(configKey, "---> %s %s", request.httpMethod().name(), request.url());
    if (logLevel.ordinal() >= Level.HEADERS.ordinal()) {
      logHeaders(configKey, request.headers());
      byte[] body = request.body();
      if (body != null && logLevel.ordinal() >= Level.FULL.ordinal()) {
        log(configKey, "%s", new String(body, StandardCharsets.UTF_8));
      }
      log(configKey, "---> END HTTP (%s-byte body)", body == null ? 0 : body.length);
    }
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response,
      long elapsedTime) throws IOException {
    if (!enabled()) {
      return response;
    }
    log(configKey, "<--- HTTP %s (%sms)", response.status(), elapsedTime);
    if (logLevel.ordinal() >= Level.HEADERS.ordinal()) {
      logHeaders(configKey, response.headers());
      if (response.body() != null && logLevel.ordinal() >= Level.FULL.ordinal()) {
        byte[] body = Util.toByteArray(response.body().asInputStream());
        log(configKey, "%s", new String(body, StandardCharsets.UTF_8));
        log(configKey, "<--- END HTTP (%s-byte body)", body.length);
        return response.toBuilder().body(body).build();
      }
    }
    return response;
  }

  private void logHeaders(String configKey, Map<String, Collection<String>> headers) {
    for (Map.Entry<String, Collection<String>> h : headers.entrySet()) {
      boolean secret = h.getKey().equalsIgnoreCase("Authorization")
          || h.getKey().equalsIgnoreCase("Proxy-Authorization")
          || h.getKey().equalsIgnoreCase("Cookie") || h.getKey().equalsIgnoreCase("Set-Cookie");
      for (String value : h.getValue()) {
        log(configKey, "%s: %s", h.getKey(), secret ? REDACTED : value);
      }
    }
  }
}
