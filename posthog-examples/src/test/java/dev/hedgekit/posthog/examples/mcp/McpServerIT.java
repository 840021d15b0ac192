package dev.hedgekit.posthog.examples.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hedgekit.posthog.examples.CliJar;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The MCP server started as {@code java -jar target/posthog-cli.jar mcp ...}, a real process,
 * driven over stdio by the MCP Java SDK's own client: initialize, tools/list with and without a
 * selection, tools/call succeeding and failing, and the server outliving every failure.
 * Without a key the server calls its embedded sandbox.
 */
class McpServerIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RETRIEVE = "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS";

  /** A client connected to a server process; closing it closes the server's stdin. */
  private static final class Session implements AutoCloseable {
    final StdioClientTransport transport;
    final McpSyncClient client;
    final List<String> stderr = new ArrayList<>();
    final McpSchema.InitializeResult init;

    Session(String... mcpArgs) {
      List<String> args = new ArrayList<>(List.of("-jar", CliJar.jar().toString(), "mcp"));
      args.addAll(List.of(mcpArgs));
      ServerParameters params = ServerParameters.builder(CliJar.java())
          .args(args)
          .addEnvVar("POSTHOG_PERSONAL_API_KEY", "")
          .build();
      transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
      transport.setStdErrorHandler(line -> {
        synchronized (stderr) {
          stderr.add(line);
        }
      });
      client = McpClient.sync(transport)
          .requestTimeout(Duration.ofSeconds(30))
          .initializationTimeout(Duration.ofSeconds(60))
          .build();
      init = client.initialize();
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
      return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    List<McpSchema.Tool> tools() {
      List<McpSchema.Tool> all = new ArrayList<>();
      McpSchema.ListToolsResult page = client.listTools();
      all.addAll(page.tools());
      while (page.nextCursor() != null) {
        page = client.listTools(page.nextCursor());
        all.addAll(page.tools());
      }
      return all;
    }

    @Override
    public void close() {
      client.closeGracefully();
    }
  }

  private static JsonNode structured(McpSchema.CallToolResult r) {
    assertNotNull(r.structuredContent(), r::toString);
    JsonNode envelope = MAPPER.valueToTree(r.structuredContent());
    assertEquals(Set.of("data", "successful", "error"), fieldNames(envelope));
    String text = ((McpSchema.TextContent) r.content().get(0)).text();
    try {
      assertEquals(envelope, MAPPER.readTree(text), "the text content is the same envelope");
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
    return envelope;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void everyServedActionIsAToolAndCallsSucceedOrFailAsToolErrors() throws Exception {
    try (Session s = new Session()) {
      assertEquals(PostHogMcpServer.NAME, s.init.serverInfo().name());
      assertNotNull(s.init.capabilities().tools());
      assertTrue(s.init.instructions().contains("the local sandbox"), s.init.instructions());

      List<McpSchema.Tool> tools = s.tools();
      Set<String> names = new TreeSet<>();
      for (McpSchema.Tool t : tools) {
        names.add(t.name());
        assertEquals("object", t.inputSchema().get("type"), t.name());
        assertFalse(t.description().isEmpty(), t.name());
        assertEquals(List.of("data", "successful", "error"), t.outputSchema().get("required"));
      }
      assertEquals(CliJar.slugs(null, false, false), names, "retired operations left out");
      McpSchema.Tool retrieve = tools.stream().filter(t -> t.name().equals(RETRIEVE))
          .findFirst().orElseThrow();
      assertEquals(Boolean.TRUE, retrieve.annotations().readOnlyHint());
      assertEquals(Boolean.FALSE, retrieve.annotations().destructiveHint());
      JsonNode schema = MAPPER.valueToTree(retrieve.inputSchema());
      assertEquals("integer", schema.at("/properties/id/type").asText());
      assertEquals("1", schema.at("/properties/project_id/default").asText(),
          "the sandbox project is the default");

      McpSchema.CallToolResult ok = s.call(RETRIEVE, Map.of("id", 101));
      assertEquals(Boolean.FALSE, ok.isError(), ok::toString);
      JsonNode envelope = structured(ok);
      assertTrue(envelope.get("successful").asBoolean());
      assertEquals(101, envelope.at("/data/id").asInt());
      assertTrue(envelope.get("error").isNull());

      McpSchema.CallToolResult refused = s.call(RETRIEVE, Map.of("id", "abc"));
      assertEquals(Boolean.TRUE, refused.isError());
      JsonNode failure = structured(refused);
      assertFalse(failure.get("successful").asBoolean());
      assertTrue(failure.get("data").isNull());
      assertEquals("parameter 'id' of " + RETRIEVE + ": expected integer, got string \"abc\"",
          failure.get("error").asText());

      McpSchema.CallToolResult apiError = s.call("POSTHOG_FLAG_ANNOTATION_AS_DELETED",
          Map.of("id", 7));
      assertEquals(Boolean.TRUE, apiError.isError());
      assertTrue(structured(apiError).get("error").asText().startsWith("PostHog answered 405"),
          apiError::toString);

      // An unknown tool is a protocol error for that request only.
      McpError unknown = assertThrows(McpError.class, () -> s.call("POSTHOG_NO_SUCH_TOOL",
          Map.of()));
      assertNotNull(unknown.getMessage());

      McpSchema.CallToolResult again = s.call(RETRIEVE, Map.of("id", "102"));
      assertEquals(Boolean.FALSE, again.isError(), "the server outlives every failure");
    }
  }

  @Test
  void aSelectionNarrowsTheToolsAndTheCalls() {
    try (Session s = new Session("--area", "feature_flags", "--read-only")) {
      Set<String> names = new TreeSet<>();
      s.tools().forEach(t -> {
        names.add(t.name());
        assertEquals(Boolean.TRUE, t.annotations().readOnlyHint(), t.name());
      });
      assertEquals(CliJar.slugs("feature_flags", true, false), names);
      assertThrows(McpError.class, () -> s.call("POSTHOG_SOFT_DELETE_FEATURE_FLAG_BY_SETTING_STATUS",
          Map.of("id", 101)), "a write action is not served");
      assertEquals(Boolean.FALSE, s.call(RETRIEVE, Map.of("id", 101)).isError());
    }
  }

  @Test
  void compactModeServesTwoToolsThatDescribeAndRun() {
    try (Session s = new Session("--compact", "--read-only")) {
      List<McpSchema.Tool> tools = s.tools();
      assertEquals(List.of("posthog_describe_action", "posthog_execute_action"),
          tools.stream().map(McpSchema.Tool::name).toList());

      JsonNode found = structured(s.call("posthog_describe_action",
          Map.of("search", "feature flag details")));
      assertEquals(RETRIEVE, found.at("/data/matches/0/slug").asText(), found::toString);

      JsonNode described = structured(s.call("posthog_describe_action", Map.of("slug", RETRIEVE)));
      assertEquals("integer", described.at("/data/parameters/properties/id/type").asText());

      McpSchema.CallToolResult ran = s.call("posthog_execute_action",
          Map.of("slug", RETRIEVE, "params", Map.of("id", 101)));
      assertEquals(Boolean.FALSE, ran.isError(), ran::toString);
      assertEquals(101, structured(ran).at("/data/id").asInt());

      McpSchema.CallToolResult write = s.call("posthog_execute_action", Map.of(
          "slug", "POSTHOG_SOFT_DELETE_FEATURE_FLAG_BY_SETTING_STATUS", "params", Map.of("id", 1)));
      assertEquals(Boolean.TRUE, write.isError());
      assertTrue(structured(write).get("error").asText().contains("not in this tool set (the set"
          + " is read-only)"), write::toString);
    }
  }

  @Test
  void theServerEndsWhenItsInputCloses() throws Exception {
    Session s = new Session("--slug", RETRIEVE);
    assertEquals(1, s.tools().size());
    s.close();
    CompletableFuture<Void> exited = CompletableFuture.runAsync(s.transport::awaitForExit);
    exited.get(20, TimeUnit.SECONDS);
    synchronized (s.stderr) {
      assertTrue(s.stderr.stream().anyMatch(l -> l.startsWith("(MCP server on stdio: 1 tool,")),
          s.stderr::toString);
    }
  }
}
