package dev.hedgekit.posthog.bench.floors;

import dev.hedgekit.posthog.bench.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, classic API, used directly: a pool sized like the SDK's, no cookies,
 * redirects or automatic retries (the SDK uses none of them either).
 */
final class ApacheFloor extends Floor {

  private final String baseUrl;
  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient http;
  private final ConcurrentHashMap<String, URI> uris = new ConcurrentHashMap<>();

  ApacheFloor(String baseUrl, int maxConnections) {
    this.baseUrl = baseUrl;
    this.pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(maxConnections)
        .setMaxConnPerRoute(maxConnections)
        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true)
            .setSoTimeout(Timeout.ofSeconds(60)).build())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.ofSeconds(10))
            .setSocketTimeout(Timeout.ofSeconds(60)).build())
        .build();
    this.http = HttpClients.custom()
        .setConnectionManager(pool)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .build();
  }

  private <R extends HttpUriRequestBase> R headers(R r) {
    r.addHeader("Authorization", Fixtures.AUTHORIZATION);
    r.addHeader("Accept", Fixtures.ACCEPT);
    r.addHeader("User-Agent", Fixtures.USER_AGENT);
    return r;
  }

  private URI uri(String path) {
    return uris.computeIfAbsent(path, p -> URI.create(baseUrl + p));
  }

  private byte[] send(HttpUriRequestBase request) throws IOException {
    return http.execute(request, response -> {
      int code = response.getCode();
      byte[] body = response.getEntity() == null ? new byte[0]
          : EntityUtils.toByteArray(response.getEntity());
      if (code < 200 || code > 299) {
        throw status(code);
      }
      return body;
    });
  }

  @Override
  protected byte[] get(String path) throws IOException {
    return send(headers(new HttpGet(uri(path))));
  }

  @Override
  protected byte[] post(String path, byte[] json) throws IOException {
    HttpPost post = headers(new HttpPost(uri(path)));
    post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
    return send(post);
  }

  @Override
  public void close() {
    http.close(CloseMode.GRACEFUL);
    pool.close(CloseMode.GRACEFUL);
  }
}
