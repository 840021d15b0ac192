package dev.hedgekit.posthog.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.toolkit.ToolResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are the ones in {@link ReadmeSnippets} (so they compile), and those
 * run against a small server on loopback that answers like PostHog would.
 */
class ReadmeSnippetsTest {

  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private PostHogClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = PostHogClient.builder().apiKey("phx_readme").projectId(42)
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .rateLimits(RateLimits.off()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  private void answer(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(method + " " + path);
    String answer;
    if (path.endsWith("/query/")) {
      answer = body.contains("HogQLQuery") && body.contains("OFFSET")
          ? "{\"columns\":[\"distinct_id\",\"timestamp\",\"event\"],\"types\":[],"
              + "\"results\":[[\"ada\",\"2026-12-01T10:00:00Z\",\"signed_up\"]]}"
          : "{\"results\":[[\"signed_up\",3]],\"columns\":[\"event\",\"count()\"]}";
    } else if ("GET".equals(method) && path.endsWith("/persons/")) {
      answer = "{\"results\":[{\"type\":\"person\",\"id\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\","
          + "\"uuid\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"distinct_ids\":[\"ada\"]}],"
          + "\"next\":null}";
    } else if ("GET".equals(method) && path.matches(".*/(feature_flags|insights)/")) {
      answer = "{\"results\":[{\"id\":7,\"key\":\"beta\",\"active\":false}],\"next\":null}";
    } else {
      answer = "{\"id\":7,\"key\":\"new-checkout\",\"active\":true,\"deleted\":true}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders("POST".equals(method) && !path.endsWith("/query/") ? 201 : 200,
        bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Test
  void theSnippetsRunAgainstAServer() {
    ReadmeSnippets.quickStart(client);
    ReadmeSnippets.typedApi(client);
    ReadmeSnippets.queries(client);
    ReadmeSnippets.toolkit(client);
    ToolResult r = ReadmeSnippets.toolSets(client, "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
        java.util.Map.of("project_id", "42", "id", 7));
    assertTrue(r.successful(), r.toJsonString());
    assertTrue(seen.contains("GET /api/projects/42/feature_flags/"), seen.toString());
    assertTrue(seen.contains("POST /api/projects/42/feature_flags/"), seen.toString());
    assertTrue(seen.contains("PATCH /api/projects/42/feature_flags/7/"), seen.toString());
    assertTrue(seen.contains("PATCH /api/projects/42/dashboards/7/"), seen.toString());
    assertTrue(seen.stream().filter(s -> s.equals("POST /api/projects/42/query/")).count() >= 4,
        seen.toString());
  }

  /** Every line of every ```java block of README.md, in order, in ReadmeSnippets.java. */
  @Test
  void everyReadmeSnippetIsCompiledHere() throws IOException {
    Path readme = Paths.get("..", "README.md");
    Path here = Paths.get("src", "test", "java", "dev", "hedgekit", "posthog", "examples",
        "readme", "ReadmeSnippets.java");
    List<String> code = new ArrayList<>();
    for (String l : Files.readAllLines(here)) {
      code.add(l.strip());
    }
    List<String> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : Files.readAllLines(readme)) {
      if (line.startsWith("```java")) {
        current = new ArrayList<>();
      } else if (line.startsWith("```") && current != null) {
        blocks.add(String.join("\n", current));
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    assertTrue(blocks.size() >= 6, "java blocks in README.md: " + blocks.size());
    List<String> missing = new ArrayList<>();
    for (String block : blocks) {
      if (block.startsWith("module ")) {
        continue;   // module-info, not a method body
      }
      int at = 0;
      for (String line : block.split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("import ") || l.startsWith("public class")
            || l.startsWith("public static void main") || l.startsWith("try (PostHogClient client")
            || l.startsWith("//") || l.equals("}")) {
          continue;   // imports are above; the quick start's frame is the test's client
        }
        int found = code.subList(at, code.size()).indexOf(l);
        if (found < 0) {
          missing.add(l);
        } else {
          at += found + 1;
        }
      }
    }
    assertEquals(List.of(), missing, "README lines not in ReadmeSnippets.java (in order)");
  }
}
