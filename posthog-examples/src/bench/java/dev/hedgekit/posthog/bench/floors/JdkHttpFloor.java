package dev.hedgekit.posthog.bench.floors;

import dev.hedgekit.posthog.bench.Fixtures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** The JDK's {@code java.net.http.HttpClient}, HTTP/1.1, synchronous {@code send}. */
final class JdkHttpFloor extends Floor {

  private final String baseUrl;
  private final HttpClient http;
  private final ConcurrentHashMap<String, URI> uris = new ConcurrentHashMap<>();

  JdkHttpFloor(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private HttpRequest.Builder request(String path) {
    URI uri = uris.computeIfAbsent(path, p -> URI.create(baseUrl + p));
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", Fixtures.AUTHORIZATION)
        .header("Accept", Fixtures.ACCEPT)
        .header("User-Agent", Fixtures.USER_AGENT);
  }

  private byte[] send(HttpRequest request) throws IOException {
    HttpResponse<byte[]> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException();
    }
    if (r.statusCode() < 200 || r.statusCode() > 299) {
      throw status(r.statusCode());
    }
    return r.body();
  }

  @Override
  protected byte[] get(String path) throws IOException {
    return send(request(path).GET().build());
  }

  @Override
  protected byte[] post(String path, byte[] json) throws IOException {
    return send(request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .build());
  }

  @Override
  public void close() {
    // JDK 17's HttpClient has no close(); its selector thread ends when it is unreachable
  }
}
