package dev.hedgekit.posthog.bench.floors;

import dev.hedgekit.posthog.bench.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link HttpURLConnection}: keep-alive through the JDK's connection cache (the benchmarks
 * raise {@code http.maxConnections} to 64 so 16 callers are not capped at the default 5).
 */
final class UrlConnectionFloor extends Floor {

  private final String baseUrl;
  private final ConcurrentHashMap<String, URL> urls = new ConcurrentHashMap<>();

  UrlConnectionFloor(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  private HttpURLConnection open(String path) throws IOException {
    URL url = urls.get(path);
    if (url == null) {
      url = new URL(baseUrl + path);
      urls.put(path, url);
    }
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(60_000);
    c.setUseCaches(false);
    c.setRequestProperty("Authorization", Fixtures.AUTHORIZATION);
    c.setRequestProperty("Accept", Fixtures.ACCEPT);
    c.setRequestProperty("User-Agent", Fixtures.USER_AGENT);
    return c;
  }

  private static byte[] read(HttpURLConnection c) throws IOException {
    int code = c.getResponseCode();
    if (code < 200 || code > 299) {
      try (InputStream err = c.getErrorStream()) {
        if (err != null) {
          err.readAllBytes();
        }
      }
      throw status(code);
    }
    try (InputStream in = c.getInputStream()) {
      return in.readAllBytes();
    }
  }

  @Override
  protected byte[] get(String path) throws IOException {
    return read(open(path));
  }

  @Override
  protected byte[] post(String path, byte[] json) throws IOException {
    HttpURLConnection c = open(path);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    c.setFixedLengthStreamingMode(json.length);
    try (OutputStream out = c.getOutputStream()) {
      out.write(json);
    }
    return read(c);
  }

  @Override
  public void close() {
    // the JDK's keep-alive cache closes idle connections itself
  }
}
