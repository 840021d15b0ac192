package example;

import com.sun.net.httpserver.HttpServer;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.toolkit.ToolResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Calls a loopback server through the SDK, typed and by slug, and reports what came back. */
public final class App {

  private App() {
  }

  /** @return the flag key read typed, then the one read by slug, separated by a space */
  public static String run() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
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
      ToolResult result = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "3", "id", 7));
      if (!result.successful()) {
        throw new IllegalStateException(result.toJsonString());
      }
      return flag.getKey() + " " + result.data().path("key").asText();
    } finally {
      server.stop(0);
    }
  }
}
