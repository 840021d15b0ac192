package dev.hedgekit.posthog.examples.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.json.Json;
import dev.hedgekit.posthog.toolkit.ToolDefinition;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.toolkit.ToolSet;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a {@link ToolSet} to an MCP client over stdio, on the official MCP Java SDK: one MCP
 * tool per action (name, shortened description, JSON Schema of the parameters, and hints:
 * read-only for GETs, destructive for DELETEs), or the two compact tools.
 *
 * <p>A tool call runs through the tool set (so through {@code toolkit().execute}, limited to
 * the selected actions) and answers the envelope {@code {"data", "successful", "error"}} as
 * structured content, declared as every tool's output schema, and as JSON text for clients
 * that read only text. A call that fails (refused parameters, an API error, a network error,
 * an action outside the selection, a bug here) is a tool error ({@code isError: true}) with
 * the same envelope; it never ends the server. Arguments are checked by the toolkit, not by
 * the SDK, so the model gets the toolkit's messages and its conversions ("42" for an integer).
 *
 * <p>Standard output carries only the protocol; notes go to standard error. The server runs
 * until its input closes.
 */
public final class PostHogMcpServer {

  /** The name the server gives in its {@code initialize} answer. */
  public static final String NAME = "posthog-hedgekit";

  private static final Map<String, Object> ENVELOPE_SCHEMA = envelopeSchema();

  private PostHogMcpServer() {
  }

  /**
   * Serves until {@code in} ends.
   *
   * @param tools the actions to serve
   * @param compact whether to serve the two compact tools instead of one tool per action
   * @param where a few words on what the calls reach, for the server's instructions (e.g.
   *     "the local sandbox")
   * @param in where requests come from (standard input)
   * @param out where answers go (standard output)
   * @return 0 once the input has ended and the server has closed
   */
  public static int serve(ToolSet tools, boolean compact, String where, InputStream in,
      OutputStream out) {
    WatchedInput input = new WatchedInput(in);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(McpJsonDefaults.getMapper(), input, out);
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo(NAME, version())
        .instructions(instructions(tools, compact, where))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .validateToolInputs(false)
        .tools(specifications(tools, compact))
        .build();
    try {
      input.ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.closeGracefully();
    }
    return 0;
  }

  /**
   * The MCP tools of a tool set, each with its call handler.
   *
   * @param tools the actions
   * @param compact whether to give the two compact tools
   * @return the tool specifications
   */
  static List<SyncToolSpecification> specifications(ToolSet tools, boolean compact) {
    List<SyncToolSpecification> out = new ArrayList<>();
    for (ToolDefinition d : compact ? tools.compactDefinitions() : tools.definitions()) {
      McpSchema.Tool tool = McpSchema.Tool.builder(d.name(), map(d.inputSchema()))
          .description(d.description())
          .outputSchema(ENVELOPE_SCHEMA)
          .annotations(new McpSchema.ToolAnnotations(null, d.readOnly(), d.destructive(),
              d.idempotent(), true, null))
          .build();
      out.add(SyncToolSpecification.builder()
          .tool(tool)
          .callHandler((exchange, request) -> answer(tools, request))
          .build());
    }
    return out;
  }

  /** Runs one tool call; never throws. */
  static McpSchema.CallToolResult answer(ToolSet tools, McpSchema.CallToolRequest request) {
    JsonNode envelope;
    boolean failed;
    try {
      ToolResult r = tools.call(request.name(), request.arguments());
      envelope = r.toJson();
      failed = !r.successful();
    } catch (RuntimeException | Error e) {
      // ToolSet.call does not throw; this keeps a bug from ending the session all the same.
      envelope = Json.mapper().createObjectNode()
          .putNull("data")
          .put("successful", false)
          .put("error", request.name() + " failed in the MCP server: " + e);
      failed = true;
    }
    return McpSchema.CallToolResult.builder()
        .structuredContent(map(envelope))
        .addTextContent(envelope.toString())
        .isError(failed)
        .build();
  }

  private static String instructions(ToolSet tools, boolean compact, String where) {
    return "Tools for PostHog's management API (" + tools.size() + " actions"
        + (where == null ? "" : ", calling " + where) + "). "
        + (compact ? "Find actions with " + ToolSet.DESCRIBE_TOOL + " (search words or a slug),"
            + " then run them with " + ToolSet.EXECUTE_TOOL + ". " : "")
        + "Every call answers {data, successful, error}; when successful is false, error says"
        + " why (a refused parameter names the parameter and the rule).";
  }

  private static String version() {
    String v = PostHogMcpServer.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  private static Map<String, Object> map(JsonNode node) {
    return Json.mapper().convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {
    });
  }

  private static Map<String, Object> envelopeSchema() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("description", "PostHog's answer (any JSON); null when the call failed or PostHog"
        + " answered without a body");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("data", data);
    properties.put("successful", Map.of("type", "boolean"));
    properties.put("error", Map.of("type", List.of("string", "null"),
        "description", "why the call failed; null when it succeeded"));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", List.of("data", "successful", "error"));
    return schema;
  }

  /** Standard input that counts down a latch when it ends or breaks. */
  private static final class WatchedInput extends FilterInputStream {
    final CountDownLatch ended = new CountDownLatch(1);

    WatchedInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        if (b < 0) {
          ended.countDown();
        }
        return b;
      } catch (IOException e) {
        ended.countDown();
        throw e;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
          ended.countDown();
        }
        return n;
      } catch (IOException e) {
        ended.countDown();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      ended.countDown();
      super.close();
    }
  }
}
