package dev.hedgekit.posthog.internal.http;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP attempt over Apache HttpClient 5 (classic API): pooled keep-alive connections, no
 * automatic retries, redirects or cookies (the retry policy and the caller decide those). The
 * response body is streamed to the decoder through a {@link ResponseBody} that enforces the
 * response size limit; the attempt stays abortable (cancellation, deadline) until that body is
 * closed. The pool is made on the first request, so a client that is built and never used
 * costs nothing.
 */
final class ApacheTransport implements AutoCloseable {

  /** Most header lines a response may have. */
  static final int MAX_HEADER_COUNT = 128;
  /** Longest status or header line, in characters. */
  static final int MAX_LINE_LENGTH = 16 * 1024;
  /** A pooled connection idle longer than this is checked before it is reused. */
  static final Duration VALIDATE_AFTER_IDLE = Duration.ofMillis(500);

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxConnections;
  private final SecretScrubber scrubber;
  private final Header[] ownedHeaders;
  private volatile Pool pool;
  private volatile boolean closed;
  private volatile Origin origin;

  /**
   * @param ownedHeaders the headers of every request of the client (Authorization, Accept,
   *     User-Agent), added here rather than by Feign's template, where each one would be parsed
   *     and expanded again on every call
   */
  ApacheTransport(Duration connectTimeout, Duration readTimeout, int maxConnections,
      SecretScrubber scrubber, List<Header> ownedHeaders) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxConnections = maxConnections;
    this.scrubber = scrubber;
    this.ownedHeaders = ownedHeaders.toArray(new Header[0]);
  }

  /** The connection pool and the HttpClient over it. */
  private static final class Pool {
    final PoolingHttpClientConnectionManager connections;
    final CloseableHttpClient http;

    Pool(PoolingHttpClientConnectionManager connections, CloseableHttpClient http) {
      this.connections = connections;
      this.http = http;
    }
  }

  private Pool pool() {
    Pool p = pool;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("this PostHogClient is closed");
      }
      if (pool == null) {
        pool = newPool();
      }
      return pool;
    }
  }

  private Pool newPool() {
    Http1Config h1 = Http1Config.custom()
        .setMaxHeaderCount(MAX_HEADER_COUNT)
        .setMaxLineLength(MAX_LINE_LENGTH)
        .build();
    PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder
        .create()
        .setConnectionFactory(socket -> {
          GuardedConnection c = new GuardedConnection(h1);
          if (socket != null) {
            c.bind(socket);
          }
          return c;
        })
        .setTlsSocketStrategy(new LazyTlsStrategy())
        .setMaxConnTotal(maxConnections)
        .setMaxConnPerRoute(maxConnections)
        .setDefaultSocketConfig(SocketConfig.custom()
            .setTcpNoDelay(true)
            .setSoTimeout(Timeout.of(readTimeout))
            .build())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            .setValidateAfterInactivity(TimeValue.of(VALIDATE_AFTER_IDLE))
            .setTimeToLive(TimeValue.ofMinutes(5))
            .build())
        .build();
    CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(connections)
        .setConnectionReuseStrategy((request, response, context) ->
            // A response that declares both a chunked transfer and a length is ambiguous:
            // the connection is not reused after it.
            !(response.containsHeader("Transfer-Encoding") && response.containsHeader("Content-Length"))
                && DefaultClientConnectionReuseStrategy.INSTANCE.keepAlive(request, response, context))
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        // Cookies are off: an empty registry spares loading the public suffix list for them.
        .setDefaultCookieSpecRegistry(RegistryBuilder.<CookieSpecFactory>create().build())
        .disableAuthCaching()
        .build();
    return new Pool(connections, http);
  }

  /**
   * Sends one request and returns the response with its body still on the wire.
   *
   * @param request the Feign request (absolute URL, headers, body)
   * @param readTimeout the longest wait for the response to start and between reads
   * @param state the call; its abort hook stays set until the response body is closed
   * @param maxBytes the most body bytes that may be read (after decompression)
   * @param onDone run once when the attempt is over (its body closed, or it failed)
   * @return the response
   * @throws IOException on a network failure, or when the call was stopped
   */
  Response execute(Request request, Duration readTimeout, CallState state, long maxBytes,
      Runnable onDone) throws IOException {
    if (closed) {
      throw new IllegalStateException("this PostHogClient is closed");
    }
    CloseableHttpClient http = pool().http;
    HttpUriRequestBase req = newRequest(request.httpMethod().name(), request.url());
    for (Header h : ownedHeaders) {
      req.addHeader(h);
    }
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Length")) {
        continue;
      }
      for (String v : h.getValue()) {
        req.addHeader(h.getKey(), v);
      }
    }
    byte[] body = request.body();
    if (body != null) {
      req.setEntity(new ByteArrayEntity(body, contentType(request)));
    }
    long millis = Math.max(1, readTimeout.toMillis());
    req.setConfig(RequestConfig.custom()
        .setResponseTimeout(Timeout.of(millis, TimeUnit.MILLISECONDS))
        .setConnectionRequestTimeout(Timeout.of(millis, TimeUnit.MILLISECONDS))
        .build());
    if (!state.onAbort(req::cancel)) {
      onDone.run();
      throw new StoppedException(state);
    }
    ClassicHttpResponse response;
    try {
      response = http.executeOpen(null, req, null);
    } catch (IOException | RuntimeException e) {
      onDone.run();
      failIfStopped(state);
      throw e;
    }
    // Feign copies these into its own case-insensitive map: grouping by name is enough here.
    Map<String, Collection<String>> headers = new HashMap<>();
    for (Header h : response.getHeaders()) {
      headers.computeIfAbsent(h.getName(), k -> new ArrayList<>(1)).add(h.getValue());
    }
    HttpEntity entity = response.getEntity();
    ResponseBody responseBody = entity == null ? null
        : new ResponseBody(response, entity, req, maxBytes, scrubber, onDone);
    if (responseBody == null) {
      try {
        response.close();
      } finally {
        onDone.run();
      }
    }
    return Response.builder()
        .status(response.getCode())
        .reason(response.getReasonPhrase())
        .headers(headers)
        .request(request)
        .body(responseBody)
        .build();
  }

  /**
   * A request for an absolute URL. Every call of a client goes to the same origin, so the
   * origin is parsed once and kept; the path and query are set as they came (already encoded
   * by Feign), which spares a URL parse per call.
   */
  private HttpUriRequestBase newRequest(String method, String url) {
    int slash = Urls.pathStart(url);
    if (slash < 0) {
      return new HttpUriRequestBase(method, URI.create(url));
    }
    String originText = url.substring(0, slash);
    Origin o = origin;
    if (o == null || !o.text().equals(originText)) {
      o = new Origin(originText, URI.create(originText + "/"));
      origin = o;
    }
    HttpUriRequestBase req = new HttpUriRequestBase(method, o.uri());
    req.setPath(url.substring(slash));
    return req;
  }

  /** The origin of the last request, as text and parsed. */
  private record Origin(String text, URI uri) {
  }

  private static ContentType contentType(Request request) {
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Type") && !h.getValue().isEmpty()) {
        return ContentType.parse(h.getValue().iterator().next());
      }
    }
    return ContentType.APPLICATION_JSON;
  }

  /**
   * After an attempt failed: if the client was closed or the call cancelled or past its
   * deadline, that (not the I/O error it caused) is the failure.
   *
   * @param state the call
   * @throws StoppedException if the call was cancelled or timed out
   * @throws IllegalStateException if the client is closed
   */
  void failIfStopped(CallState state) throws StoppedException {
    if (closed) {
      throw new IllegalStateException("this PostHogClient is closed");
    }
    if (state.isCancelled() || state.isExpired()) {
      throw new StoppedException(state);
    }
  }

  /** Whether the pool has been made (tests of start-up cost). */
  boolean started() {
    return pool != null;
  }

  /** Refuses new requests from now on; requests in flight fail as closed once aborted. */
  void markClosed() {
    synchronized (this) {
      closed = true;
    }
  }

  @Override
  public void close() {
    Pool p;
    synchronized (this) {
      closed = true;
      p = pool;
    }
    if (p != null) {
      p.http.close(CloseMode.IMMEDIATE);
      p.connections.close(CloseMode.IMMEDIATE);
    }
  }

  /** The attempt was stopped by cancellation or by the call's deadline. */
  static final class StoppedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean cancelled;

    StoppedException(CallState state) {
      super(state.isCancelled() ? "call cancelled" : "call deadline expired");
      this.cancelled = state.isCancelled();
    }

    boolean cancelled() {
      return cancelled;
    }
  }
}
