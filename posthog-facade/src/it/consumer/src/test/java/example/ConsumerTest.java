package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Uses the SDK as an application would, against a server on loopback. */
class ConsumerTest {

  @Test
  void theHttpLogReachesLogbackAtDebug() throws Exception {
    ch.qos.logback.classic.Logger http = (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger("dev.hedgekit.posthog.http");
    http.setLevel(ch.qos.logback.classic.Level.DEBUG);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
        new ch.qos.logback.core.read.ListAppender<>();
    events.start();
    http.addAppender(events);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"id\":7,\"key\":\"checkout-v2\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (PostHogClient client = PostHogClient.builder().apiKey("phx_consumer")
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .httpLogging(dev.hedgekit.posthog.config.HttpLogLevel.HEADERS).build()) {
      client.project(3).featureFlags().get(7);
    } finally {
      server.stop(0);
      http.detachAppender(events);
    }
    List<String> lines = new java.util.ArrayList<>();
    for (ch.qos.logback.classic.spi.ILoggingEvent e : events.list) {
      assertEquals(ch.qos.logback.classic.Level.DEBUG, e.getLevel());
      lines.add(e.getFormattedMessage());
    }
    assertTrue(lines.stream().anyMatch(l -> l.contains("---> GET http://127.0.0.1")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("Authorization: Bearer [redacted]")), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.contains("phx_consumer")), lines.toString());
  }

  @Test
  void callsPostHogThroughTheFacadeOnly() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
          + exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = "{\"id\":7,\"key\":\"checkout-v2\",\"active\":true}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (PostHogClient client = PostHogClient.builder().apiKey("phx_consumer").baseUrl(base).build()) {
      FeatureFlag flag = client.project(3).featureFlags().get(7);
      assertEquals("checkout-v2", flag.getKey());
      ToolResult result = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "3", "id", 7));
      assertTrue(result.successful(), String.valueOf(result.error()));
      assertEquals("checkout-v2", result.data().path("key").asText());
    } finally {
      server.stop(0);
    }
    assertEquals(List.of("GET /api/projects/3/feature_flags/7/ Bearer phx_consumer",
        "GET /api/projects/3/feature_flags/7/ Bearer phx_consumer"), seen);
  }
}
