package dev.hedgekit.posthog.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.examples.CliJar;
import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/posthog-cli.jar} as a real process: only the command's output on
 * stdout, exit statuses, help, the sandbox by default and PostHog (here: a sandbox started by
 * the test) when the environment names a key and a host, and the key never printed.
 */
class CliJarIT {

  private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final String RETRIEVE = "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS";
  private static final String KEY = "phx_CliJarSecretKey0123456789";

  @Test
  void toolsForOneAreaPrintOnlyValidJson() {
    CliJar.Result r = CliJar.run(Map.of(), "tools", "openai", "--area", "feature_flags");
    assertEquals(0, r.status, r::toString);
    assertEquals("", r.err, "nothing on stderr either: no SLF4J or sandbox notes");
    JsonNode tools = r.json();
    Set<String> names = new TreeSet<>();
    for (JsonNode t : tools) {
      assertEquals("function", t.get("type").asText());
      String name = t.at("/function/name").asText();
      assertTrue(TOOL_NAME.matcher(name).matches(), name);
      assertEquals("object", t.at("/function/parameters/type").asText(), name);
      assertFalse(t.at("/function/description").asText().isEmpty(), name);
      names.add(name);
    }
    assertEquals(CliJar.slugs("feature_flags", false, false), names);
  }

  @Test
  void moreThan128OpenAiToolsIsRefusedOnStderr() {
    CliJar.Result r = CliJar.run(Map.of(), "tools", "openai");
    assertEquals(2, r.status, r::toString);
    assertEquals("", r.out);
    assertTrue(r.err.contains(CliJar.slugs(null, false, false).size() + " tools selected, but"
        + " OpenAI accepts at most 128 tools in one request"), r.err);
  }

  @Test
  void aColdCallAgainstTheSandbox() {
    CliJar.Result r = CliJar.run(Map.of(), "call", RETRIEVE, "id=101");
    assertEquals(0, r.status, r::toString);
    JsonNode envelope = r.json();
    assertTrue(envelope.get("successful").asBoolean());
    assertEquals(101, envelope.at("/data/id").asInt());
    assertTrue(r.err.startsWith("(sandbox at http://127.0.0.1:"), r.err);
    assertFalse(r.err.contains("SLF4J"), r.err);
    System.out.println("cold call against the sandbox: " + r.millis + " ms");
  }

  @Test
  void anUnsuccessfulCallExitsWithOne() {
    CliJar.Result r = CliJar.run(Map.of(), "call", RETRIEVE, "id=abc");
    assertEquals(1, r.status, r::toString);
    assertEquals("parameter 'id' of " + RETRIEVE + ": expected integer, got string \"abc\"",
        r.json().get("error").asText());
  }

  @Test
  void usageErrorsExitWithTwoAndPrintNothingOnStdout() {
    CliJar.Result r = CliJar.run(Map.of(), "tools", "openai", "--area");
    assertEquals(2, r.status, r::toString);
    assertEquals("", r.out);
    assertTrue(r.err.startsWith("error: --area needs a value"), r.err);
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] args : new String[][] {
        {"--help"}, {"actions", "list", "--help"}, {"actions", "describe", "--help"},
        {"call", "--help"}, {"tools", "--help"}, {"mcp", "--help"}}) {
      CliJar.Result r = CliJar.run(Map.of(), args);
      assertEquals(0, r.status, r::toString);
      assertTrue(r.out.startsWith("usage: posthog "), r::toString);
      assertEquals("", r.err);
    }
  }

  @Test
  void theEnvironmentConfiguresTheClientAndTheKeyIsNeverPrinted() {
    try (SandboxServer posthog = SandboxServer.start()) {
      Map<String, String> env = Map.of(PostHogClient.ENV_API_KEY, KEY,
          PostHogClient.ENV_HOST, posthog.baseUrl(), PostHogClient.ENV_PROJECT_ID, "1");
      CliJar.Result ok = CliJar.run(env, "call", "POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS",
          "limit=1");
      assertEquals(0, ok.status, ok::toString);
      assertEquals("", ok.err, "no sandbox of its own");
      assertTrue(posthog.requestLog().contains("GET /api/projects/1/feature_flags/?limit=1"),
          posthog.requestLog()::toString);

      CliJar.Result refused = CliJar.run(env, "call", "POSTHOG_FLAG_ANNOTATION_AS_DELETED",
          "id=7");
      assertEquals(1, refused.status, refused::toString);
      assertTrue(refused.json().get("error").asText().startsWith("PostHog answered 405"),
          refused::toString);
      for (CliJar.Result r : new CliJar.Result[] {ok, refused}) {
        assertFalse(r.out.contains("CliJarSecretKey") || r.err.contains("CliJarSecretKey"));
      }

      CliJar.Result badHost = CliJar.run(Map.of(PostHogClient.ENV_API_KEY, KEY,
          PostHogClient.ENV_HOST, "ftp://nowhere"), "call", RETRIEVE, "id=1");
      assertEquals(2, badHost.status, badHost::toString);
      assertTrue(badHost.err.startsWith("error: the PostHog settings in the environment are not"
          + " usable"), badHost.err);
      assertFalse(badHost.err.contains("CliJarSecretKey"));
    }
  }
}
