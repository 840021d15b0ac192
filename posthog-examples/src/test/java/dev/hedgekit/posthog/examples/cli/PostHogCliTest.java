package dev.hedgekit.posthog.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.examples.CliJar;
import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line run in-process against the sandbox: output on stdout, exit statuses 0, 1
 * and 2. Most calls reach a sandbox started here through the environment
 * ({@code POSTHOG_HOST}); one goes through the CLI's own embedded sandbox.
 */
class PostHogCliTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FLAGS = "POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS";
  private static SandboxServer sandbox;
  private static Map<String, String> env;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start();
    env = Map.of(PostHogClient.ENV_API_KEY, "phx_cli_test_key",
        PostHogClient.ENV_HOST, sandbox.baseUrl(),
        PostHogClient.ENV_PROJECT_ID, "1");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** One run: exit status and what was printed. */
  private static final class Run {
    int status;
    String out;
    String err;

    JsonNode json() throws IOException {
      return MAPPER.readTree(out);
    }
  }

  private static Run run(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Run r = new Run();
    r.status = PostHogCli.run(args, environment,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    r.out = out.toString(StandardCharsets.UTF_8);
    r.err = err.toString(StandardCharsets.UTF_8);
    return r;
  }

  @Test
  void callPrintsTheEnvelope() throws IOException {
    Run r = run(env, "call", FLAGS, "limit=2", "search=beta flag");
    assertEquals(0, r.status, r.out + r.err);
    JsonNode envelope = r.json();
    assertTrue(envelope.get("successful").asBoolean());
    assertTrue(envelope.get("error").isNull());
    assertTrue(envelope.get("data").isObject(), r.out);
    assertTrue(r.out.contains("\n"), "pretty printed");
    assertEquals(3, envelope.size());
  }

  @Test
  void callWithJson() throws IOException {
    Run r = run(env, "call", FLAGS, "--json", "{\"project_id\": \"1\", \"limit\": 5}",
        "offset=0");
    assertEquals(0, r.status, r.out + r.err);
    assertTrue(r.json().get("successful").asBoolean());
  }

  @Test
  void failedCallExitsWithOne() throws IOException {
    Run r = run(env, "call", FLAGS, "limit=abc");
    assertEquals(1, r.status);
    JsonNode envelope = r.json();
    assertFalse(envelope.get("successful").asBoolean());
    assertEquals("parameter 'limit' of " + FLAGS + ": expected integer, got string \"abc\"",
        envelope.get("error").asText());
    assertTrue(envelope.get("data").isNull());
  }

  @Test
  void apiErrorExitsWithOne() throws IOException {
    // The sandbox answers hard deletes of annotations with PostHog's 405, as PostHog does.
    Run r = run(env, "call", "POSTHOG_FLAG_ANNOTATION_AS_DELETED", "id=7");
    assertEquals(1, r.status, r.out);
    String error = r.json().get("error").asText();
    assertTrue(error.startsWith("PostHog answered 405 to DELETE /api/projects/1/annotations/7/"),
        error);
    assertFalse(r.out.contains("phx_cli_test_key"));
  }

  @Test
  void unknownSlugExitsWithOne() throws IOException {
    Run r = run(env, "call", "POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAG");
    assertEquals(1, r.status);
    assertTrue(r.json().get("error").asText().contains("did you mean '" + FLAGS + "'"), r.out);
  }

  @Test
  void defaultsToTheEmbeddedSandbox() throws IOException {
    Run r = run(Map.of(), "call", FLAGS, "limit=1");
    assertEquals(0, r.status, r.out + r.err);
    assertTrue(r.json().get("successful").asBoolean());
    assertTrue(r.err.contains("sandbox at http://127.0.0.1:"), r.err);
  }

  /** Slugs of operations PostHog still serves, counted from the spec JSON. */
  private static int servedActions(String area) {
    int n = 0;
    for (JsonNode item : SandboxServer.loadSpec().get("paths")) {
      for (JsonNode op : item) {
        if (op.has("x-composio-slugs")
            && !"removed".equals(op.path("x-hedgekit-upstream").asText())
            && (area == null || area.equals(op.path("tags").path(0).asText()))) {
          n += op.get("x-composio-slugs").size();
        }
      }
    }
    return n;
  }

  @Test
  void listAndFilter() {
    Run all = run(Map.of(), "actions", "list");
    assertEquals(0, all.status);
    assertEquals(servedActions(null), all.out.lines().count(), "removed operations left out");
    assertEquals(servedActions(null) + " actions", all.err.trim());
    Run retired = run(Map.of(), "actions", "list", "--include-retired");
    assertEquals(CliJar.slugs(null, false, true).size(), retired.out.lines().count());
    assertTrue(retired.out.lines().anyMatch(l -> l.endsWith(" (removed upstream)")), retired.out);
    Run some = run(Map.of(), "actions", "list", "--filter", "feature_flag");
    assertEquals(0, some.status);
    assertTrue(some.out.lines().anyMatch(l -> l.startsWith(FLAGS + "\tGET /api/projects/")),
        some.out);
    assertTrue(some.out.lines().count() < servedActions(null) && some.out.lines().count() > 5);
    assertTrue(some.err.trim().endsWith("actions"), some.err);
    Run area = run(Map.of(), "actions", "list", "--area", "feature_flags", "--read-only");
    assertEquals(0, area.status, area.err);
    assertTrue(area.out.lines().allMatch(l -> l.contains("\tGET /api/projects/{project_id}/"
        + "feature_flags/")), area.out);
  }

  @Test
  void describePrintsTheSchema() throws IOException {
    Run r = run(Map.of(), "actions", "describe", FLAGS);
    assertEquals(0, r.status, r.err);
    JsonNode schema = r.json();
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertEquals("integer", schema.at("/properties/limit/type").asText());
    Run unknown = run(Map.of(), "actions", "describe", "POSTHOG_NOPE");
    assertEquals(1, unknown.status);
    assertTrue(unknown.err.contains("action 'POSTHOG_NOPE': unknown"), unknown.err);
  }

  @Test
  void toolsInBothFormats() throws IOException {
    Run flags = run(Map.of(), "tools", "openai", "--area", "feature_flags");
    assertEquals(0, flags.status, flags.err);
    assertEquals("", flags.err);
    assertEquals(servedActions("feature_flags"), flags.json().size());
    assertEquals("function", flags.json().get(0).get("type").asText());
    Run anthropic = run(Map.of(), "tools", "anthropic");
    assertEquals(0, anthropic.status);
    assertEquals(servedActions(null), anthropic.json().size());
    assertTrue(anthropic.json().get(0).has("input_schema"));
    Run compact = run(Map.of(), "tools", "openai", "--compact");
    assertEquals(0, compact.status);
    assertEquals(2, compact.json().size());
    Run unlimited = run(Map.of(), "tools", "openai", "--no-limit");
    assertEquals(servedActions(null), unlimited.json().size());
  }

  @Test
  void openAiToolsBeyond128AreAUsageError() {
    Run r = run(Map.of(), "tools", "openai");
    assertEquals(2, r.status);
    assertEquals("", r.out);
    assertEquals("error: " + servedActions(null) + " tools selected, but OpenAI accepts at most"
        + " 128 tools in one request; narrow the selection (areas, slugs, patterns, read-only) or"
        + " use the compact mode, which gives 2 tools that describe and run any selected action"
        + " (or pass --no-limit)", r.err.trim());
  }

  @Test
  void selectionMistakesAreUsageErrors() {
    Run area = run(Map.of(), "tools", "openai", "--area", "feature_flag");
    assertEquals(2, area.status);
    assertEquals("", area.out);
    assertTrue(area.err.startsWith("error: unknown area 'feature_flag'; did you mean"
        + " 'feature_flags'?"), area.err);
    assertTrue(area.err.contains("(see: posthog tools --help)"), area.err);
    Run pattern = run(Map.of(), "mcp", "--pattern", "*NOPE*");
    assertEquals(2, pattern.status);
    assertTrue(pattern.err.startsWith("error: pattern '*NOPE*' matches no action"), pattern.err);
  }

  @Test
  void everyCommandHasHelp() {
    String[][] asks = {
        {"--help"}, {"help"}, {"call", "--help"}, {"tools", "--help"}, {"mcp", "--help"},
        {"actions", "list", "--help"}, {"actions", "describe", "-h"}, {"help", "tools"},
        {"help", "actions"}, {"tools", "openai", "--area", "nope", "--help"},
    };
    String[] starts = {
        "usage: posthog [--sandbox] COMMAND", "usage: posthog [--sandbox] COMMAND",
        "usage: posthog call SLUG", "usage: posthog tools openai|anthropic",
        "usage: posthog mcp [SELECTION]", "usage: posthog actions list",
        "usage: posthog actions list", "usage: posthog tools openai|anthropic",
        "usage: posthog actions list", "usage: posthog tools openai|anthropic",
    };
    for (int i = 0; i < asks.length; i++) {
      Run r = run(env, asks[i]);
      assertEquals(0, r.status, String.join(" ", asks[i]));
      assertTrue(r.out.startsWith(starts[i]), String.join(" ", asks[i]) + ": " + r.out);
      assertEquals("", r.err);
    }
    assertTrue(run(env, "mcp", "--help").out.contains("--read-only"));
  }

  @Test
  void usageErrorsExitWithTwo() {
    String[][] bad = {
        {},
        {"frobnicate"},
        {"actions"},
        {"actions", "show"},
        {"actions", "describe"},
        {"actions", "list", "--filter"},
        {"call"},
        {"call", "limit=2"},
        {"call", FLAGS, "limit"},
        {"call", FLAGS, "--json", "[1]"},
        {"call", FLAGS, "--json", "{oops"},
        {"tools"},
        {"tools", "xml"},
        {"tools", "openai", "--area"},
        {"tools", "openai", "--area", "a,,b"},
        {"tools", "openai", "--frobnicate"},
        {"mcp", "extra"},
        {"actions", "list", "--compact"},
        {"help", "nothing"},
    };
    for (String[] args : bad) {
      Run r = run(env, args);
      assertEquals(2, r.status, String.join(" ", args));
      assertTrue(r.err.startsWith("error: "), r.err);
      assertTrue(r.err.contains("usage: posthog"), r.err);
      assertEquals("", r.out);
    }
    Run help = run(env, "--help");
    assertEquals(0, help.status);
    assertTrue(help.out.startsWith("usage: posthog"));
  }

  @Test
  void valuesAreJsonWhenTheyParse() {
    assertEquals(MAPPER.valueToTree(5), CliArguments.value("5"));
    assertEquals(MAPPER.valueToTree(true), CliArguments.value("true"));
    assertEquals(MAPPER.valueToTree("5"), CliArguments.value("\"5\""));
    assertEquals(MAPPER.valueToTree(java.util.List.of(1, 2)), CliArguments.value("[1,2]"));
    assertEquals("beta flag", CliArguments.value("beta flag"));
    assertEquals("1 2", CliArguments.value("1 2"));
    assertEquals("", CliArguments.value(""));
    assertEquals("@current", CliArguments.value("@current"));
  }
}
