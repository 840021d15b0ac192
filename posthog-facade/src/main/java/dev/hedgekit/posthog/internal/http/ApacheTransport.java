package dev.hedgekit.posthog.http;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP attempt over Apache HttpClient 5 (classic API): pooled keep-alive connections, no
 * automatic retries, redirects or cookies (the retry policy and the caller decide those), and
 * the whole answer read into memory before returning so that connections go back to the pool
 * at once and answers can be replayed to the decoder. The attempt in flight can be aborted from
 * another thread through its {@link CallState}.
 */
final class ApacheTransport implements AutoCloseable {

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxConnections;
  private final Header[] fixedHeaders;
  /** Made on the first request: see {@link #client()}. */
  private volatile Pool client;
  private volatile boolean closed;
  private volatile CachedConfig lastConfig;

  private static final byte[] EMPTY = new byte[0];

  /** The base URL's {@code scheme://authority}, as text and parsed once. */
  private final String origin;
  private final URI originUri;

  /** Masks the API key in error answers, which become exception messages; null for none. */
  private final SecretScrubber scrubber;

  /**
   * @param baseUrl the client's base URL: requests to it are addressed without parsing their
   *     URL again (see {@link #newRequest})
   * @param fixedHeaders headers sent with every request, before the request's own (shared,
   *     immutable instances)
   */
  ApacheTransport(String baseUrl, Duration connectTimeout, Duration readTimeout,
      int maxConnections, Header[] fixedHeaders, SecretScrubber scrubber) {
    URI base = URI.create(baseUrl);
    this.originUri = URI.create(base.getScheme() + "://" + base.getRawAuthority());
    this.origin = originUri.toString();
    this.scrubber = scrubber;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxConnections = maxConnections;
    this.fixedHeaders = fixedHeaders.clone();
    if (POOLS_MADE.get() > 0) {
      // HttpClient's classes are loaded already: making the pool now costs a fraction of a
      // millisecond, which the first call would otherwise add to its own time.
      this.client = newPool();
    }
  }

  /**
   * How many pools this JVM has made. The first client of a JVM makes its pool on its first
   * request (most of a cold build() is loading HttpClient); later clients make it at once.
   */
  private static final java.util.concurrent.atomic.AtomicInteger POOLS_MADE =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The connection pool and the HttpClient over it. */
  private static final class Pool {
    final PoolingHttpClientConnectionManager connections;
    final CloseableHttpClient http;

    Pool(PoolingHttpClientConnectionManager connections, CloseableHttpClient http) {
      this.connections = connections;
      this.http = http;
    }
  }

  /**
   * The HttpClient. The first client of a JVM makes it on its first request rather than in the
   * constructor: starting HttpClient is most of a cold {@code PostHogClient.build()}. Later
   * clients have it from the constructor. Made once; never after {@link #close()}.
   */
  private Pool client() {
    Pool p = client;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("this PostHogClient is closed");
      }
      p = client;
      if (p == null) {
        p = newPool();
        client = p;
      }
      return p;
    }
  }

  private Pool newPool() {
    POOLS_MADE.incrementAndGet();
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
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
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .setTimeToLive(TimeValue.ofMinutes(5))
            .build())
        .build();
    CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(pool)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        // Cookies are off, so no cookie spec is ever used: an empty registry spares the first
        // request loading the public suffix list for the default one.
        .setDefaultCookieSpecRegistry(RegistryBuilder.<CookieSpecFactory>create().build())
        .disableAuthCaching()
        .build();
    return new Pool(pool, http);
  }

  /**
   * Sends one request and reads the whole answer.
   *
   * @param request the Feign request (absolute URL, headers, body)
   * @param readTimeout the longest wait for the answer to start and between reads
   * @param state the call, whose abort hook is set while the attempt runs
   * @return the answer with its body in memory
   * @throws IOException on any network failure, or if the call was stopped
   */
  Response execute(Request request, Duration readTimeout, CallState state) throws IOException {
    if (closed) {
      // A proxy obtained before close(): say so, rather than HttpClient's "Connection pool shut down".
      throw new IllegalStateException("this PostHogClient is closed");
    }
    CloseableHttpClient http = client().http;
    HttpUriRequestBase req = newRequest(request.httpMethod().name(), request.url());
    for (Header h : fixedHeaders) {
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
    req.setConfig(requestConfig(readTimeout));
    if (!state.onAbort(req::cancel)) {
      throw new StoppedException(state);
    }
    try (ClassicHttpResponse answer = http.executeOpen(null, req, null)) {
      byte[] data = readBody(answer.getEntity());
      if (scrubber != null && answer.getCode() >= 300) {
        data = scrubber.scrub(data);
      }
      Header[] all = answer.getHeaders();
      // Feign copies these into its own case-insensitive map; a plain map is enough here.
      Map<String, Collection<String>> headers = new HashMap<>(all.length * 2);
      for (Header h : all) {
        Collection<String> values = headers.get(h.getName());
        if (values == null) {
          values = new ArrayList<>(1);
          headers.put(h.getName(), values);
        }
        values.add(h.getValue());
      }
      return Response.builder()
          .status(answer.getCode())
          .reason(answer.getReasonPhrase())
          .headers(headers)
          .request(request)
          .body(new BytesBody(data))
          .build();
    } catch (IOException | RuntimeException e) {
      if (state.isCancelled() || state.isExpired()) {
        throw new StoppedException(state);
      }
      throw e;
    } finally {
      state.clearAbort();
    }
  }

  /**
   * The HttpClient request for a method and an absolute URL. A URL on the client's own origin
   * whose path and query hold only characters that may stand in a URI as they are (everything
   * the SDK builds is percent-encoded) is addressed as the origin, parsed once, plus that text
   * as the request target: the same request line and Host header as parsing the whole URL
   * gives, without parsing it on every call. Any other URL is parsed, and refused if invalid.
   */
  HttpUriRequestBase newRequest(String method, String url) {
    int from = origin.length();
    if (url.length() > from && url.charAt(from) == '/' && url.startsWith(origin)
        && isPlainTarget(url, from)) {
      HttpUriRequestBase req = new HttpUriRequestBase(method, originUri);
      req.setPath(url.substring(from));
      return req;
    }
    return new HttpUriRequestBase(method, URI.create(url));
  }

  /** Whether {@code url} from {@code from} on has only characters legal unescaped in a URI, and no fragment. */
  private static boolean isPlainTarget(String url, int from) {
    for (int i = from; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/?=&%:@!$'()*+,;".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
      if (c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * The request settings of an attempt. Nearly every attempt uses the client's read timeout
   * (a shorter one only when the call's deadline is closer), so the last one made is reused.
   */
  private RequestConfig requestConfig(Duration readTimeout) {
    long millis = readTimeout.toMillis();
    CachedConfig c = lastConfig;
    if (c == null || c.millis != millis) {
      c = new CachedConfig(millis, RequestConfig.custom()
          .setResponseTimeout(Timeout.of(millis, TimeUnit.MILLISECONDS))
          .setConnectionRequestTimeout(Timeout.of(millis, TimeUnit.MILLISECONDS))
          .build());
      lastConfig = c;
    }
    return c.config;
  }

  /**
   * Reads the whole answer into one array of exactly its size when its length is declared
   * (no intermediate buffers or copies); otherwise reads it as it comes.
   */
  private static byte[] readBody(HttpEntity entity) throws IOException {
    if (entity == null) {
      return EMPTY;
    }
    long length = entity.getContentLength();
    if (length < 0 || length > Integer.MAX_VALUE - 16) {
      byte[] data = EntityUtils.toByteArray(entity);
      return data == null ? EMPTY : data;
    }
    try (InputStream in = entity.getContent()) {
      if (in == null) {
        return EMPTY;
      }
      byte[] data = new byte[(int) length];
      int n = 0;
      while (n < data.length) {
        int r = in.read(data, n, data.length - n);
        if (r < 0) {
          throw new ConnectionClosedException("Premature end of Content-Length delimited message"
              + " body (expected: %d; received: %d)", length, n);
        }
        n += r;
      }
      return data;
    }
  }

  /** A request configuration and the read timeout it was made for. */
  private static final class CachedConfig {
    final long millis;
    final RequestConfig config;

    CachedConfig(long millis, RequestConfig config) {
      this.millis = millis;
      this.config = config;
    }
  }

  private static ContentType contentType(Request request) {
    Collection<String> values = request.headers().get("Content-Type");
    if (values == null) {
      for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
        if (h.getKey().equalsIgnoreCase("Content-Type")) {
          values = h.getValue();
        }
      }
    }
    if (values == null || values.isEmpty()) {
      return ContentType.APPLICATION_JSON;
    }
    return ContentType.parse(values.iterator().next());
  }

  @Override
  public void close() {
    Pool p;
    synchronized (this) {
      closed = true;
      p = client;
    }
    if (p != null) {
      p.http.close(CloseMode.GRACEFUL);
      p.connections.close(CloseMode.GRACEFUL);
    }
  }

  /** The attempt was stopped by cancellation or by the overall deadline. */
  static final class StoppedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient CallState state;

    StoppedException(CallState state) {
      super(state.isCancelled() ? "call cancelled" : "call deadline expired");
      this.state = state;
    }

    boolean cancelled() {
      return state.isCancelled();
    }
  }
}
