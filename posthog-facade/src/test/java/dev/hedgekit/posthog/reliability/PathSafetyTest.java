package dev.hedgekit.posthog.reliability;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.generated.api.NotebooksApi;
import dev.hedgekit.posthog.generated.api.NotebooksApi.NotebooksListQuery;
import dev.hedgekit.posthog.generated.model.Notebook;
import dev.hedgekit.posthog.generated.model.NotebookMinimal;
import dev.hedgekit.posthog.generated.model.SessionRecordingPlaylist;
import dev.hedgekit.posthog.pagination.Page;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path parameter value travels as exactly one percent-encoded segment and every query
 * value as exactly one encoded value: slashes, dots, {@code ?}, {@code #}, {@code %}, spaces,
 * line breaks and unicode can never change the path, add a query or split the request. The
 * server here records the raw request line (WireMock would normalize it), checks the exact
 * bytes against an encoder written from RFC 3986 in this package, decodes them strictly and
 * echoes the decoded value, which must equal the input: unicode round-trips intact.
 *
 * <p>Pagination links pointing at another host, port or scheme are refused before anything is
 * sent: see {@code pagination/PaginationTest}.
 */
class PathSafetyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LoopbackServer server;
  private static PostHogClient client;

  /** Values that would be dangerous if they were not encoded as one segment or value. */
  static Stream<String> hostileValues() {
    return Stream.of(
        "../../organizations/x", ".", "..", "...", "%2F", "a?b=c#d", "%41", "a/b", "/",
        "a b", "?", "#", "&", "+", "=", ";", "a;b=c", "\\..\\x", "%", "%%", "%zz", "~user",
        "a\r\nX-Injected: 1", "tab\there", "nul\u0000", "é", "Ünïcödé/..", "日本語",
        "emoji 🙂👍🏽", "mixed ü?ß#€&x=1");
  }

  static Stream<String> hostileQueryValues() {
    return Stream.concat(Stream.of("&", "=", "#", "+", "%", "a&limit=1", "x=1&y=2#frag",
        "100%", "a+b", " ", "", "%26"), hostileValues());
  }

  @BeforeAll
  static void start() throws IOException {
    server = LoopbackServer.start(PathSafetyTest::answer);
    client = PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl()).maxRetries(0)
        .readTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    server.close();
  }

  private int before;

  @BeforeEach
  void mark() {
    before = server.requests();
  }

  /**
   * Answers {@code /api/projects/<p>/<collection>/<segment>/} with the decoded segment as
   * {@code short_id}, and a list with the decoded {@code contains} value as a title.
   */
  private static void answer(LoopbackServer.Exchange ex) throws IOException {
    String[] segments = ex.rawPath().split("/", -1);
    ObjectNode out = JSON.createObjectNode();
    if (segments.length == 7 && segments[6].isEmpty()) {
      out.put("project", Rfc3986.decode(segments[3]));
      out.put("short_id", Rfc3986.decode(segments[5]));
      out.put("title", "found");
      out.put("name", "found");
    } else if (segments.length == 6 && segments[5].isEmpty()) {
      out.put("count", 1).putNull("next").putNull("previous");
      ObjectNode item = out.putArray("results").addObject();
      String query = ex.rawQuery();
      item.put("short_id", "listed");
      int eq = query == null ? -1 : query.indexOf('=');
      item.put("title", query == null ? null : eq < 0 ? "" : Rfc3986.decode(query.substring(eq + 1)));
    } else {
      ex.respondJson(404, "{\"type\":\"invalid_request\",\"detail\":\"segments: "
          + segments.length + "\"}");
      return;
    }
    ex.respondJson(200, JSON.writeValueAsString(out));
  }

  private List<String> linesSinceStart() {
    List<String> all = server.requestLines();
    return all.subList(before, all.size());
  }

  private void assertOnlyRequest(String expectedLine) {
    assertEquals(List.of(expectedLine), linesSinceStart());
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void typedNotebookIdIsOneSegment(String id) {
    Notebook n = client.project(1).notebooks().get(id);
    assertOnlyRequest("GET /api/projects/1/notebooks/" + Rfc3986.segment(id) + "/ HTTP/1.1");
    assertEquals(id, n.getShortId(), "the server decoded exactly the value given");
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void typedPlaylistIdIsOneSegment(String id) {
    SessionRecordingPlaylist p = client.project(1).sessionRecordingPlaylists().get(id);
    assertOnlyRequest("GET /api/projects/1/session_recording_playlists/" + Rfc3986.segment(id)
        + "/ HTTP/1.1");
    assertEquals(id, p.getShortId());
  }

  @ParameterizedTest
  @MethodSource("hostileValues")
  void actionPathValueIsOneSegment(String id) {
    ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_NOTEBOOK_DETAILS",
        Map.of("project_id", "1", "short_id", id));
    assertTrue(r.successful(), r::toJsonString);
    assertOnlyRequest("GET /api/projects/1/notebooks/" + Rfc3986.segment(id) + "/ HTTP/1.1");
    assertEquals(id, r.data().get("short_id").asText());
  }

  @Test
  void aHostileProjectIdIsOneSegmentToo() {
    String project = "1/../../2";
    // The typed scope refuses an id that is not a project id before anything is sent...
    assertThrows(IllegalArgumentException.class, () -> client.project(project));
    // ...and the generated interface keeps whatever it is given inside one path segment.
    Notebook n = client.generated(NotebooksApi.class).notebooksRetrieve(project, "..");
    assertOnlyRequest("GET /api/projects/1%2F..%2F..%2F2/notebooks/%2E%2E/ HTTP/1.1");
    assertEquals("..", n.getShortId());
    ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_NOTEBOOK_DETAILS",
        Map.of("project_id", project, "short_id", "../../organizations/x"));
    assertTrue(r.successful(), r::toJsonString);
    assertEquals(project, r.data().get("project").asText());
    assertEquals("GET /api/projects/1%2F..%2F..%2F2/notebooks/..%2F..%2Forganizations%2Fx/ HTTP/1.1",
        linesSinceStart().get(1));
  }

  @ParameterizedTest
  @MethodSource("hostileQueryValues")
  void typedQueryValueIsOneValue(String value) {
    Page<NotebookMinimal> page = client.project(1).notebooks().list(new NotebooksListQuery().contains(value));
    assertOnlyRequest("GET /api/projects/1/notebooks/?" + expectedQuery(value) + " HTTP/1.1");
    assertEquals(value, page.results().get(0).getTitle());
  }

  @ParameterizedTest
  @MethodSource("hostileQueryValues")
  void actionQueryValueIsOneValue(String value) {
    ToolResult r = client.toolkit().execute("POSTHOG_LIST_NOTEBOOKS_WITH_FILTERS_AND_PAGINATION",
        Map.of("project_id", 1, "contains", value));
    assertTrue(r.successful(), r::toJsonString);
    assertOnlyRequest("GET /api/projects/1/notebooks/?" + expectedQuery(value) + " HTTP/1.1");
    JsonNode title = r.data().get("results").get(0).get("title");
    assertEquals(value, title.asText());
  }

  /**
   * The query as the SDK sends it: the value encoded like a segment (a dot-only value is
   * encoded too, which decodes to the same text), and an empty value as the bare name, which
   * servers (Django's QueryDict among them) read as the empty string.
   */
  private static String expectedQuery(String value) {
    return value.isEmpty() ? "contains" : "contains=" + Rfc3986.segment(value);
  }

  @Test
  void unicodeIsSentAsUtf8PercentEncoding() {
    // Spelled out once by hand, independently of both encoders.
    client.project(1).notebooks().get("é日🙂");
    assertOnlyRequest("GET /api/projects/1/notebooks/%C3%A9%E6%97%A5%F0%9F%99%82/ HTTP/1.1");
  }
}
