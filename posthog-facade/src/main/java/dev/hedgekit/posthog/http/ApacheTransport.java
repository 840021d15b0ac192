package dev.hedgekit.posthog.http;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
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

  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient http;
  private volatile boolean closed;

  ApacheTransport(Duration connectTimeout, Duration readTimeout, int maxConnections) {
    this.pool = PoolingHttpClientConnectionManagerBuilder.create()
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
    this.http = HttpClients.custom()
        .setConnectionManager(pool)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
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
    HttpUriRequestBase req = new HttpUriRequestBase(request.httpMethod().name(),
        URI.create(request.url()));
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
    req.setConfig(RequestConfig.custom()
        .setResponseTimeout(Timeout.of(readTimeout.toMillis(), TimeUnit.MILLISECONDS))
        .setConnectionRequestTimeout(Timeout.of(readTimeout.toMillis(), TimeUnit.MILLISECONDS))
        .build());
    if (!state.onAbort(req::cancel)) {
      throw new StoppedException(state);
    }
    try (ClassicHttpResponse answer = http.executeOpen(null, req, null)) {
      HttpEntity entity = answer.getEntity();
      byte[] data = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
      Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Header h : answer.getHeaders()) {
        headers.computeIfAbsent(h.getName(), k -> new ArrayList<>(1)).add(h.getValue());
      }
      return Response.builder()
          .status(answer.getCode())
          .reason(answer.getReasonPhrase())
          .headers(headers)
          .request(request)
          .body(data)
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
    closed = true;
    http.close(CloseMode.GRACEFUL);
    pool.close(CloseMode.GRACEFUL);
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
