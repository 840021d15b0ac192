package dev.hedgekit.posthog.bench.floors;

import dev.hedgekit.posthog.bench.Fixtures;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp, synchronous calls, a pool sized like the SDK's (64 idle connections kept). */
final class OkHttpFloor extends Floor {

  private static final MediaType JSON = MediaType.get("application/json");

  private final String baseUrl;
  private final OkHttpClient http;
  private final ConcurrentHashMap<String, HttpUrl> urls = new ConcurrentHashMap<>();

  OkHttpFloor(String baseUrl, int maxConnections) {
    this.baseUrl = baseUrl;
    this.http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(maxConnections, 5, TimeUnit.MINUTES))
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(60, TimeUnit.SECONDS)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
  }

  private Request.Builder request(String path) {
    HttpUrl url = urls.computeIfAbsent(path, p -> HttpUrl.get(baseUrl + p));
    return new Request.Builder().url(url)
        .header("Authorization", Fixtures.AUTHORIZATION)
        .header("Accept", Fixtures.ACCEPT)
        .header("User-Agent", Fixtures.USER_AGENT);
  }

  private byte[] send(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      if (!r.isSuccessful()) {
        throw status(r.code());
      }
      return r.body().bytes();
    }
  }

  @Override
  protected byte[] get(String path) throws IOException {
    return send(request(path).get().build());
  }

  @Override
  protected byte[] post(String path, byte[] json) throws IOException {
    return send(request(path).post(RequestBody.create(json, JSON)).build());
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
