package dev.hedgekit.posthog.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100,000 flags over 1,000 pages, generated on the fly by a small loopback server, iterated
 * with {@code listAll()}: the pager must hold one page at a time. The build runs this class
 * alone in a JVM limited to 64 MB of heap (the {@code low-memory} surefire execution of this
 * module's pom), and the default execution skips it.
 */
@Tag("low-memory")
class LargePaginationTest {

  private static final int TOTAL = 100_000;
  private static final int PAGE = 100;
  private static final String PATH = "/api/projects/1/feature_flags/";
  /**
   * Every flag's name carries this padding, so that holding all 100,000 flags would need more
   * than 64 MB (600 bytes each, at least 60 MB) while one page needs about 60 KB.
   */
  private static final String PADDING = "x".repeat(600);

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each answer
    // waits for the client's delayed ACK (~40 ms), which would make 1,000 pages take a minute.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PATH, this::page);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Answers {@code ?limit=100[&offset=N]} with that page, built for the request. */
  private void page(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String query = exchange.getRequestURI().getRawQuery();
    int offset = 0;
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("offset=")) {
          offset = Integer.parseInt(pair.substring("offset=".length()));
        }
      }
    }
    int end = Math.min(offset + PAGE, TOTAL);
    StringBuilder json = new StringBuilder(PAGE * (PADDING.length() + 60) + 300);
    json.append("{\"count\":").append(TOTAL).append(",\"next\":");
    json.append(end < TOTAL ? "\"" + base + PATH + "?limit=" + PAGE + "&offset=" + end + "\"" : "null");
    json.append(",\"previous\":");
    json.append(offset > 0 ? "\"" + base + PATH + "?limit=" + PAGE + "&offset=" + (offset - PAGE) + "\"" : "null");
    json.append(",\"results\":[");
    for (int id = offset; id < end; id++) {
      json.append(id == offset ? "" : ",").append("{\"id\":").append(id)
          .append(",\"key\":\"flag-").append(id).append("\",\"name\":\"").append(PADDING)
          .append("\",\"active\":true}");
    }
    json.append("]}");
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  @Timeout(60)
  void iteratesAHundredThousandFlagsOnePageAtATime() {
    if (Boolean.getBoolean("hedgekit.lowMemory")) {
      // Under the low-memory execution, prove that the heap limit is really in force.
      long max = Runtime.getRuntime().maxMemory();
      assertTrue(max <= 64L * 1024 * 1024, "max heap is " + max + " bytes, expected <= 64 MB");
    }
    BitSet seen = new BitSet(TOTAL);
    long count = 0;
    int expected = 0;
    // Client-side rate limiting off: at PostHog's 480 requests a minute the 1,000 pages alone
    // would take over a minute; this test is about memory, RateLimitTest about pacing.
    try (PostHogClient client = PostHogClient.builder().apiKey("phx_test").baseUrl(base)
        .maxRetries(0).rateLimits(RateLimits.off()).build()) {
      for (FeatureFlag flag : client.project(1).featureFlags().listAll(new FeatureFlagsListQuery().limit((long) PAGE))) {
        int id = (int) (long) flag.getId();
        assertEquals(expected, id, "ids must be consecutive");
        assertTrue(!seen.get(id), "duplicate id " + id);
        assertEquals(PADDING.length(), flag.getName().length());
        seen.set(id);
        expected++;
        count++;
      }
    }
    assertEquals(TOTAL, count);
    assertEquals(TOTAL, seen.cardinality());
    assertEquals(TOTAL / PAGE, requests.get());
  }
}
