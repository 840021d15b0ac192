package dev.hedgekit.posthog.toolkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls through a tool set, over HTTP to WireMock: the one-tool-per-action path and the two
 * compact tools, and that nothing outside the set is ever sent.
 */
class ToolSetCallTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).configureStaticDsl(false).build();

  private static final String RETRIEVE = "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS";

  private static PostHogClient client;
  private static ToolSet readFlags;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder(wm).projectId("7").build();
    readFlags = client.toolkit().select(ToolSelection.builder().areas("feature_flags")
        .readOnly(true).build());
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void answerEverything() {
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": 101, \"key\": \"k\"}")));
  }

  @Test
  void anActionOfTheSetRunsOverHttp() {
    ToolResult r = readFlags.call(RETRIEVE, Map.of("id", 101));
    assertTrue(r.successful(), r::toJsonString);
    assertEquals("k", r.data().get("key").asText());
    wm.verify(1, getRequestedFor(urlEqualTo("/api/projects/7/feature_flags/101/")));
  }

  @Test
  void anActionOutsideTheSetIsRefusedAndNothingIsSent() {
    ToolResult write = readFlags.call("POSTHOG_SOFT_DELETE_FEATURE_FLAG_BY_SETTING_STATUS", Map.of("id", 101));
    assertFalse(write.successful());
    assertEquals(ValidationRule.UNKNOWN_ACTION, write.error().rule());
    assertTrue(write.error().message().startsWith("action 'POSTHOG_SOFT_DELETE_FEATURE_FLAG_BY_SETTING_STATUS':"
        + " not in this tool set (the set is read-only)"), write.error().message());

    ToolResult viaCompact = readFlags.call(ToolSet.EXECUTE_TOOL, Map.of(
        "slug", "POSTHOG_SOFT_DELETE_FEATURE_FLAG_BY_SETTING_STATUS", "params", Map.of("id", 101)));
    assertEquals(write.error().message(), viaCompact.error().message());

    ToolResult typo = readFlags.call("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAIL", Map.of());
    assertTrue(typo.error().message().contains("unknown; did you mean '" + RETRIEVE + "'"),
        typo.error().message());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void theCompactToolsDescribeAndRun() {
    ArrayNode tools = readFlags.compactToolDefinitions(ToolFormat.OPENAI);
    assertEquals(2, tools.size());
    assertEquals(ToolSet.DESCRIBE_TOOL, tools.get(0).at("/function/name").asText());
    assertEquals(ToolSet.EXECUTE_TOOL, tools.get(1).at("/function/name").asText());
    JsonNode slugEnum = tools.get(1).at("/function/parameters/properties/slug/enum");
    assertEquals(readFlags.size(), slugEnum.size(), "a small set lists its slugs");

    ToolResult overview = readFlags.call(ToolSet.DESCRIBE_TOOL, Map.of());
    assertTrue(overview.successful(), overview::toJsonString);
    assertEquals(readFlags.size(), overview.data().at("/areas/feature_flags").asInt());

    ToolResult found = readFlags.call(ToolSet.DESCRIBE_TOOL, Map.of("search", "flag details"));
    List<String> slugs = new ArrayList<>();
    found.data().get("matches").forEach(m -> slugs.add(m.get("slug").asText()));
    assertEquals(RETRIEVE, slugs.get(0), found::toJsonString);
    assertTrue(readFlags.slugs().containsAll(slugs));

    ToolResult described = readFlags.call(ToolSet.DESCRIBE_TOOL, Map.of("slug", RETRIEVE));
    assertTrue(described.successful(), described::toJsonString);
    assertNull(described.status(), "nothing was sent");
    assertEquals("GET", described.data().get("method").asText());
    JsonNode params = described.data().get("parameters");
    assertEquals("integer", params.at("/properties/id/type").asText());
    assertEquals("7", params.at("/properties/project_id/default").asText(),
        "the client's project is the default");
    wm.verify(0, anyRequestedFor(anyUrl()));

    ToolResult ran = readFlags.call(ToolSet.EXECUTE_TOOL,
        Map.of("slug", RETRIEVE, "params", Map.of("id", "101")));
    assertTrue(ran.successful(), ran::toJsonString);
    assertEquals(101, ran.data().get("id").asInt());
    wm.verify(1, getRequestedFor(urlEqualTo("/api/projects/7/feature_flags/101/")));

    ToolResult beside = readFlags.call(ToolSet.EXECUTE_TOOL, Map.of("slug", RETRIEVE, "id", 101));
    assertTrue(beside.successful(), "parameters next to the slug are read as params");
    wm.verify(2, getRequestedFor(urlEqualTo("/api/projects/7/feature_flags/101/")));
  }

  @Test
  void badCompactArgumentsAreValidationErrors() {
    ToolResult notObject = readFlags.call(ToolSet.EXECUTE_TOOL,
        Map.of("slug", RETRIEVE, "params", "id=101"));
    assertEquals(ValidationRule.TYPE, notObject.error().rule());
    assertEquals("parameter 'params' of posthog_execute_action: expected object, got string"
        + " \"id=101\"", notObject.error().message());

    ToolResult noSlug = readFlags.call(ToolSet.EXECUTE_TOOL, Map.of("params", Map.of()));
    assertEquals(ValidationRule.REQUIRED, noSlug.error().rule());

    ToolResult invalid = readFlags.call(ToolSet.EXECUTE_TOOL,
        Map.of("slug", RETRIEVE, "params", Map.of("id", "abc")));
    assertEquals(ValidationRule.TYPE, invalid.error().rule());
    assertEquals("id", invalid.error().parameter());

    ToolResult extra = readFlags.call(ToolSet.DESCRIBE_TOOL, Map.of("slug", RETRIEVE, "x", 1));
    assertEquals(ValidationRule.UNKNOWN_PARAMETER, extra.error().rule());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void largeSetsDoNotListTheirSlugs() {
    ToolSet all = client.toolkit().select(ToolSelection.served());
    JsonNode slug = all.compactToolDefinitions(ToolFormat.ANTHROPIC)
        .get(0).at("/input_schema/properties/slug");
    assertFalse(slug.has("enum"));
    assertTrue(all.compactDefinitions().get(0).readOnly());
    assertFalse(all.compactDefinitions().get(1).readOnly());
    assertTrue(readFlags.compactDefinitions().get(1).readOnly(),
        "running actions of a read-only set only reads");
  }
}
