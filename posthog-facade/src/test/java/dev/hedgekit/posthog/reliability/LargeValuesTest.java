package dev.hedgekit.posthog.reliability;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolError;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.toolkit.ValidationRule;
import dev.hedgekit.posthog.internal.config.UrlLimits;
import dev.hedgekit.posthog.generated.api.NotebooksApi.NotebooksListQuery;
import dev.hedgekit.posthog.generated.model.Notebook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Strings of 1 MB: in a request body they are sent intact (the server receives exactly the
 * 1,048,576 characters, and gets them back), while as a path or query value they are refused
 * before anything is sent, naming the parameter ({@link UrlLimits}: 8,192 characters per
 * encoded value, 16,384 per URL). Also unicode bodies round-trip byte for byte.
 */
class LargeValuesTest {

  private static final int MB = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 1 MB of varied ASCII text, so that a cut, a repeat or a shift would show. */
  private static final String ONE_MB = text(MB, new Random(42));

  private static LoopbackServer server;
  private static PostHogClient client;
  private static volatile byte[] lastBody;
  private int before;

  private static String text(int length, Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_\"\\/";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @BeforeAll
  static void start() throws IOException {
    // Echoes the request body (a notebook) back as the answer; a GET gets an empty object.
    server = LoopbackServer.start(ex -> {
      lastBody = ex.body;
      ex.respondJson(ex.method.equals("GET") ? 200 : 201,
          ex.body.length == 0 ? "{\"short_id\":\"ok\"}" : ex.bodyText());
    });
    client = PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).maxRetries(0)
        .readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    server.close();
  }

  @BeforeEach
  void mark() {
    before = server.requests();
    lastBody = null;
  }

  private void assertNothingSent() {
    assertEquals(before, server.requests(), "requests sent");
  }

  private static JsonNode received() throws IOException {
    return JSON.readTree(lastBody);
  }

  // ------------------------------------------------------------------ bodies: sent intact

  @Test
  void aOneMegabyteFieldOfATypedBodyIsSentAndReturnedIntact() throws IOException {
    Notebook created = client.project(1).notebooks().create(new Notebook().title("big").textContent(ONE_MB));
    assertEquals(before + 1, server.requests());
    String sent = received().get("text_content").asText();
    assertEquals(MB, sent.length(), "characters the server received");
    assertEquals(ONE_MB, sent);
    assertEquals(ONE_MB, created.getTextContent());
  }

  @Test
  void aOneMegabyteFieldOfAnActionBodyIsSentAndReturnedIntact() throws IOException {
    ToolResult r = client.toolkit().execute("POSTHOG_CREATE_A_NOTEBOOK_IN_A_PROJECT",
        Map.of("project_id", 1, "title", "big", "text_content", ONE_MB));
    assertTrue(r.successful(), () -> r.error().message());
    assertEquals(ONE_MB, received().get("text_content").asText());
    assertEquals(ONE_MB, r.data().get("text_content").asText());
  }

  @Test
  void unicodeBodiesRoundTripByteForByte() throws IOException {
    // Accents, CJK, emoji (surrogate pairs), a combining mark and a right-to-left word.
    String text = "Café naïve — 数据分析 🚀📈👩🏽‍💻 e\u0301 שלום ".repeat(20_000);
    Notebook created = client.project(1).notebooks().create(new Notebook().title("ü日🙂").textContent(text));
    JsonNode sent = received();
    assertEquals(text, sent.get("text_content").asText());
    assertEquals("ü日🙂", sent.get("title").asText());
    assertEquals(text, created.getTextContent());
    // The body is UTF-8: accents and CJK as their UTF-8 bytes; characters outside the BMP
    // (emoji) as a JSON surrogate-pair escape, which Jackson writes and every JSON parser
    // (PostHog's included) reads back as the same character.
    String raw = new String(lastBody, StandardCharsets.UTF_8);
    assertTrue(raw.startsWith("{\"title\":\"ü日\\uD83D\\uDE42\""), () -> raw.substring(0, 200));

    ToolResult r = client.toolkit().execute("POSTHOG_PARTIAL_UPDATE_OF_PROJECT_NOTEBOOK",
        Map.of("project_id", 1, "short_id", "n1", "title", "数据 ✓", "text_content", text));
    assertTrue(r.successful(), () -> r.error().message());
    assertEquals(text, received().get("text_content").asText());
    assertEquals("数据 ✓", r.data().get("title").asText());
  }

  // ------------------------------------------------------------------ URLs: refused

  @Test
  void aOneMegabytePathValueIsRefusedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.project(1).notebooks().get(ONE_MB));
    assertTrue(e.getMessage().startsWith("shortId (a path or query value) is too long for a URL: "
        + MB + " characters, "), e.getMessage());
    assertTrue(e.getMessage().contains("limited to 8192"), e.getMessage());
    assertTrue(e.getMessage().length() < 400, "the message does not carry the value");
    e = assertThrows(IllegalArgumentException.class, () -> client.project(ONE_MB).notebooks());
    assertTrue(e.getMessage().startsWith("the project id must be a number"), e.getMessage());
    assertTrue(e.getMessage().length() < 400, "the message does not carry the whole value");
    e = assertThrows(IllegalArgumentException.class,
        () -> client.project(1).sessionRecordingPlaylists().update(ONE_MB, null));
    assertTrue(e.getMessage().startsWith("shortId (a path or query value) is too long"), e.getMessage());
    assertNothingSent();
  }

  @Test
  void aOneMegabyteQueryValueOfATypedQueryIsRefusedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.project(1).notebooks().list(new NotebooksListQuery().contains(ONE_MB)));
    assertTrue(e.getMessage().startsWith("query parameter 'contains' of GET /api/projects/1/notebooks/"
        + " is too long for a URL: "), e.getMessage());
    assertTrue(e.getMessage().contains("limited to 8192"), e.getMessage());
    assertTrue(e.getMessage().length() < 400, "the message does not carry the value");
    assertNoKey(e);
    assertNothingSent();
  }

  @Test
  void oneMegabytePathAndQueryValuesOfActionsAreValidationErrors() {
    ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_NOTEBOOK_DETAILS",
        Map.of("project_id", 1, "short_id", ONE_MB));
    ToolError e = r.error();
    assertEquals(ToolError.Kind.VALIDATION, e.kind(), r::toJsonString);
    assertEquals(ValidationRule.TOO_LONG, e.rule());
    assertEquals("short_id", e.parameter());
    assertTrue(e.message().startsWith("parameter 'short_id' of POSTHOG_RETRIEVE_NOTEBOOK_DETAILS:"
        + " too long for a URL: " + MB + " characters"), e.message());
    assertTrue(e.message().endsWith("(path parameter)"), e.message());

    r = client.toolkit().execute("POSTHOG_LIST_NOTEBOOKS_WITH_FILTERS_AND_PAGINATION",
        Map.of("project_id", 1, "contains", ONE_MB, "user", ONE_MB));
    assertEquals(ValidationRule.TOO_LONG, r.error().rule(), r::toJsonString);
    assertEquals(List.of("contains", "user"), r.error().problems().stream()
        .map(p -> p.parameter()).sorted().toList(), "every over-long value is reported");
    assertTrue(r.error().message().contains("(query parameter)"), r.error().message());
    assertNothingSent();
  }

  // ------------------------------------------------------------------ the limits exactly

  @Test
  void valuesUpToTheLimitAreSentAndOneMoreIsRefused() {
    String fits = "a".repeat(UrlLimits.MAX_VALUE_LENGTH);
    client.project(1).notebooks().get(fits);
    assertEquals(before + 1, server.requests());
    List<String> lines = server.requestLines();
    assertEquals("GET /api/projects/1/notebooks/" + fits + "/ HTTP/1.1", lines.get(lines.size() - 1));
    assertThrows(IllegalArgumentException.class, () -> client.project(1).notebooks().get(fits + "a"));

    // Counted after encoding: an accented letter is two UTF-8 bytes, six characters.
    String accents = "é".repeat(UrlLimits.MAX_VALUE_LENGTH / 6);
    client.project(1).notebooks().get(accents);
    assertEquals(before + 2, server.requests());
    assertThrows(IllegalArgumentException.class, () -> client.project(1).notebooks().get(accents + "é"));
    ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_NOTEBOOK_DETAILS",
        Map.of("project_id", 1, "short_id", accents + "é"));
    assertEquals(ValidationRule.TOO_LONG, r.error().rule());
    assertEquals(before + 2, server.requests());
  }

  @Test
  void aUrlOverTheTotalLimitIsRefusedEvenWhenEachValueFits() {
    String part = "q".repeat(6000);
    NotebooksListQuery query = new NotebooksListQuery().contains(part).user(part).dateFrom(part);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.project(1).notebooks().list(query));
    assertTrue(e.getMessage().startsWith("the URL of GET /api/projects/1/notebooks/ is too long: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("request URLs are limited to 16384"), e.getMessage());

    ToolResult r = client.toolkit().execute("POSTHOG_LIST_NOTEBOOKS_WITH_FILTERS_AND_PAGINATION",
        Map.of("project_id", 1, "contains", part, "user", part, "date_from", part));
    assertFalse(r.successful());
    assertEquals(ToolError.Kind.CLIENT, r.error().kind(), r::toJsonString);
    assertInstanceOf(IllegalArgumentException.class, r.exception().orElseThrow().getCause());
    assertTrue(r.error().message().contains("request URLs are limited to 16384"), r.error().message());
    assertNull(r.status());
    assertNothingSent();
  }
}
