package dev.hedgekit.posthog.internal.http;

import feign.Request;
import feign.Response;
import feign.Util;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's request and response log, written to the SLF4J logger {@value #NAME} at DEBUG. The
 * Authorization header always shows as {@code Bearer [redacted]}, and the key is masked
 * wherever else it appears (a server echoing it in a body). Logging never changes what is
 * sent: the same Feign call runs with logging on or off.
 */
final class HttpLogger extends feign.Logger {

  /** The SLF4J logger name. */
  static final String NAME = "dev.hedgekit.posthog.http";
  static final String REDACTED = "Bearer [redacted]";

  private final Logger sink = LoggerFactory.getLogger(NAME);
  private final SecretScrubber scrubber;
  private final Map<String, Collection<String>> ownedHeaders = new LinkedHashMap<>();

  /**
   * @param scrubber masks the key
   * @param ownedHeaders the headers the transport adds to every request, logged with the
   *     request's own
   */
  HttpLogger(SecretScrubber scrubber, List<Header> ownedHeaders) {
    this.scrubber = scrubber;
    for (Header h : ownedHeaders) {
      this.ownedHeaders.put(h.getName(), List.of(h.getValue()));
    }
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (sink.isDebugEnabled()) {
      sink.debug(scrubber.scrub(methodTag(configKey) + String.format(Locale.ROOT, format, args)));
    }
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (!sink.isDebugEnabled()) {
      return;
    }
    log(configKey, "---> %s %s", request.httpMethod().name(), request.url());
    if (logLevel.ordinal() >= Level.HEADERS.ordinal()) {
      logHeaders(configKey, ownedHeaders);
      logHeaders(configKey, request.headers());
      byte[] body = request.body();
      if (body != null && logLevel.ordinal() >= Level.FULL.ordinal()) {
        log(configKey, "%s", new String(body, StandardCharsets.UTF_8));
      }
      log(configKey, "---> END HTTP (%s-byte body)", body == null ? 0 : body.length);
    }
  }

  @Override
  protected void logRetry(String configKey, Level logLevel) {
    log(configKey, "---> RETRYING");
  }

  @Override
  protected IOException logIOException(String configKey, Level logLevel, IOException ioe,
      long elapsedTime) {
    log(configKey, "<--- ERROR %s: %s (%sms)", ioe.getClass().getSimpleName(),
        Messages.clean(ioe.getMessage()), elapsedTime);
    return ioe;
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response,
      long elapsedTime) throws IOException {
    if (!sink.isDebugEnabled()) {
      return response;
    }
    log(configKey, "<--- HTTP %s (%sms)", response.status(), elapsedTime);
    if (logLevel.ordinal() >= Level.HEADERS.ordinal()) {
      logHeaders(configKey, response.headers());
      if (response.body() != null && logLevel.ordinal() >= Level.FULL.ordinal()) {
        // The body is read within the response size limit, logged, and handed on in memory.
        byte[] body;
        try {
          body = Util.toByteArray(response.body().asInputStream());
        } finally {
          response.body().close();
        }
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
