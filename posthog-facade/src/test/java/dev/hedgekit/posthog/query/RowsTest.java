package dev.hedgekit.posthog.query;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.LimitClass;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.errors.BadRequestException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestClients;
import dev.hedgekit.posthog.support.Trees;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HogQL row stream over WireMock. Each page answer has the shape of a recorded HogQL
 * response (frontend/src/scenes/surveys/Surveys.stories.tsx, MOCK_SURVEY_SHOWN: clickhouse,
 * columns, hogql, query, results, types); with an explicit LIMIT PostHog sets no hasMore,
 * limit or offset (posthog/hogql_queries/hogql_query_runner.py).
 */
class RowsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String QUERY = "/api/projects/1/query/";
  private static final String SQL = "select event, timestamp, n from events order by timestamp";

  private PostHogClient client;
  private Query query;

  @BeforeEach
  void setUp() {
    client = TestClients.builder(wm, new RecordingSleeper()).projectId("1").build();
    query = client.project().query();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** A page of {@code count} rows numbered from {@code first}. */
  private static String page(int first, int count) {
    ObjectNode r = Trees.object();
    r.put("clickhouse", "SELECT ... SETTINGS readonly=2, max_execution_time=60");
    r.putArray("columns").add("event").add("timestamp").add("n");
    r.put("hogql", "SELECT event, timestamp, n FROM events ORDER BY timestamp ASC");
    r.put("query", SQL);
    ArrayNode rows = r.putArray("results");
    for (int i = first; i < first + count; i++) {
      rows.addArray().add("e" + i).add("2026-12-0" + (1 + i % 9) + "T10:00:00Z").add(i);
    }
    ArrayNode types = r.putArray("types");
    types.addArray().add("event").add("String");
    types.addArray().add("timestamp").add("DateTime64(6, 'UTC')");
    types.addArray().add("n").add("UInt64");
    return r.toString();
  }

  private static void answer(String sqlEnd, String body) {
    wm.stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query",
        containing(sqlEnd))).willReturn(okJson(body)));
  }

  private static List<String> sentSql() {
    return wm.findAll(postRequestedFor(urlEqualTo(QUERY))).stream()
        .map(LoggedRequest::getBodyAsString)
        .map(b -> Trees.read(b).path("query").path("query").asText())
        .collect(Collectors.toList());
  }

  @Test
  void pagesThroughEveryRowWithLimitAndOffset() {
    answer("LIMIT 2 OFFSET 0", page(0, 2));
    answer("LIMIT 2 OFFSET 2", page(2, 2));
    answer("LIMIT 2 OFFSET 4", page(4, 1));
    try (Stream<Row> rows = query.rows(SQL, Map.of(), RowsOptions.defaults().withPageSize(2))) {
      List<Row> all = rows.collect(Collectors.toList());
      assertEquals(List.of("e0", "e1", "e2", "e3", "e4"),
          all.stream().map(r -> r.get("event").asText()).collect(Collectors.toList()));
      assertEquals(4L, all.get(4).get("n").asLong());
      assertEquals(List.of("event", "timestamp", "n"), all.get(0).columns());
    }
    assertEquals(List.of(SQL + "\nLIMIT 2 OFFSET 0", SQL + "\nLIMIT 2 OFFSET 2",
        SQL + "\nLIMIT 2 OFFSET 4"), sentSql());
  }

  @Test
  void pagesArePacedByTheQueryRateLimit() {
    answer("LIMIT 2 OFFSET 0", page(0, 2));
    answer("LIMIT 2 OFFSET 2", page(2, 2));
    answer("LIMIT 2 OFFSET 4", page(4, 2));
    answer("LIMIT 2 OFFSET 6", page(6, 1));
    RecordingSleeper sleeper = new RecordingSleeper();
    // a clock that never moves: 2 query requests a minute allow two at once, then two more
    // when those have left the window (a minute and its 1% margin)
    try (PostHogClient paced = TestClients.builder(wm, sleeper).projectId("1")
        .rateLimits(RateLimits.off().with(LimitClass.QUERY, 2, 1000))
        .clock(Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC))
        .callTimeout(Duration.ofMinutes(5)).build();
        Stream<Row> rows = paced.project().query().rows(SQL, Map.of(),
            RowsOptions.defaults().withPageSize(2))) {
      assertEquals(7, rows.count());
    }
    assertEquals(List.of(Duration.ofMillis(60_600), Duration.ofMillis(60_600)), sleeper.sleeps());
    assertEquals(4, sentSql().size());
  }

  @Test
  void aFullLastPageCostsOneEmptyRequest() {
    answer("LIMIT 2 OFFSET 0", page(0, 2));
    answer("LIMIT 2 OFFSET 2", page(2, 0));
    try (Stream<Row> rows = query.rows(SQL, Map.of(), RowsOptions.defaults().withPageSize(2))) {
      assertEquals(2, rows.count());
    }
    assertEquals(2, sentSql().size());
  }

  @Test
  void aPageCappedByAnOlderPostHogIsFollowedUp() {
    // older PostHog versions cap a HogQL answer at 10,000 rows whatever LIMIT says
    answer("LIMIT 50000 OFFSET 0", page(0, RowPages.CAP_FLOOR));
    answer("LIMIT 50000 OFFSET 10000", page(RowPages.CAP_FLOOR, 3));
    try (Stream<Row> rows = query.rows(SQL)) {
      assertEquals(RowPages.CAP_FLOOR + 3, rows.count());
    }
    assertEquals(2, sentSql().size());
  }

  @Test
  void nothingIsSentBeforeARowIsNeededAndAnEarlyStopFetchesNoMore() {
    answer("LIMIT 2 OFFSET 0", page(0, 2));
    answer("LIMIT 2 OFFSET 2", page(2, 2));
    Stream<Row> rows = query.rows(SQL, Map.of(), RowsOptions.defaults().withPageSize(2));
    assertEquals(0, sentSql().size());
    assertEquals(List.of("e0", "e1", "e2"),
        rows.limit(3).map(r -> r.get(0).asText()).collect(Collectors.toList()));
    assertEquals(2, sentSql().size());

    Stream<Row> again = query.rows(SQL, Map.of(), RowsOptions.defaults().withPageSize(2));
    Iterator<Row> it = again.iterator();
    assertEquals("e0", it.next().get("event").asText());
    again.close();
    assertEquals(false, it.hasNext());
    assertEquals(3, sentSql().size());
  }

  @Test
  void theCallersTrailingLimitAndOffsetBecomeTheWindow() {
    answer("LIMIT 2 OFFSET 1", page(1, 2));
    answer("LIMIT 1 OFFSET 3", page(3, 1));
    try (Stream<Row> rows = query.rows(SQL + " LIMIT 3 OFFSET 1;", Map.of(),
        RowsOptions.defaults().withPageSize(2))) {
      assertEquals(3, rows.count());
    }
    assertEquals(List.of(SQL + "\nLIMIT 2 OFFSET 1", SQL + "\nLIMIT 1 OFFSET 3"), sentSql());
  }

  @Test
  void placeholderValuesGoWithEveryPage() {
    wm.stubFor(post(urlEqualTo(QUERY))
        .withRequestBody(matchingJsonPath("$.query.values.name", containing("signup")))
        .willReturn(okJson(page(0, 1))));
    try (Stream<Row> rows = query.rows("select event from events where event = {name}",
        Map.of("name", "signup"))) {
      assertEquals(1, rows.count());
    }
    JsonNode sent = Trees.read(wm.findAll(postRequestedFor(urlEqualTo(QUERY))).get(0)
        .getBodyAsString());
    assertEquals("HogQLQuery", sent.path("query").path("kind").asText());
    assertEquals("blocking", sent.path("refresh").asText());
  }

  @Test
  void unionsArePagedAsAWhole() {
    answer("OFFSET 0", page(0, 1));
    try (Stream<Row> rows = query.rows("select 1 union all select 2")) {
      assertEquals(1, rows.count());
    }
    assertEquals("SELECT * FROM (\nselect 1 union all select 2\n)\nLIMIT 50000 OFFSET 0",
        sentSql().get(0));
  }

  @Test
  void aFailedPageEndsTheStreamWithPostHogsError() {
    answer("LIMIT 2 OFFSET 0", page(0, 2));
    wm.stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query",
        containing("LIMIT 2 OFFSET 2"))).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"validation_error\",\"code\":\"query_error\","
            + "\"detail\":\"Timeout while running query\",\"attr\":null}")));
    Stream<Row> rows = query.rows(SQL, Map.of(), RowsOptions.defaults().withPageSize(2));
    Iterator<Row> it = rows.iterator();
    it.next();
    it.next();
    BadRequestException e = assertThrows(BadRequestException.class, it::hasNext);
    assertTrue(e.getMessage().contains("Timeout while running query"), e.getMessage());
    assertEquals(false, it.hasNext());
    assertEquals(2, sentSql().size());
  }

  @Test
  void anAnswerWithoutResultsIsADecodeError() {
    answer("OFFSET 0", "{\"columns\":[\"event\"],\"types\":[]}");
    try (Stream<Row> rows = query.rows(SQL)) {
      PostHogDecodeException e = assertThrows(PostHogDecodeException.class, rows::count);
      assertTrue(e.getMessage().contains("'results'"), e.getMessage());
    }
  }

  @Test
  void limitsThatCannotBePagedAreRefusedBeforeAnythingIsSent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> query.rows(SQL + " limit {n}", Map.of("n", 5)));
    assertTrue(e.getMessage().startsWith("sql:"), e.getMessage());
    assertTrue(e.getMessage().contains("hogql(sql)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> query.rows(" "));
    assertThrows(IllegalArgumentException.class,
        () -> RowsOptions.defaults().withPageSize(50_001));
    assertEquals(0, sentSql().size());
  }

  /** A row type for the mapping tests. */
  public record Event(String event, Instant timestamp, long n) {
  }

  /** A row type with a component that no column fills. */
  public record Unmatched(String event, String personId) {
  }

  /** A row type with a component that cannot take the column's value. */
  public record Mistyped(String event, boolean n) {
  }

  @Test
  void rowsMapToRecordsByColumnName() {
    answer("OFFSET 0", page(0, 2));
    try (Stream<Event> rows = query.rows(SQL, Event.class)) {
      List<Event> all = rows.collect(Collectors.toList());
      assertEquals(new Event("e1", Instant.parse("2026-12-02T10:00:00Z"), 1), all.get(1));
    }
  }

  @Test
  void aComponentWithoutAColumnIsNamed() {
    answer("OFFSET 0", page(0, 2));
    try (Stream<Unmatched> rows = query.rows(SQL, Unmatched.class)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, rows::count);
      assertTrue(e.getMessage().contains("'personId'"), e.getMessage());
      assertTrue(e.getMessage().contains("AS personId"), e.getMessage());
    }
  }

  @Test
  void aValueThatDoesNotFitNamesColumnAndComponent() {
    answer("OFFSET 0", page(0, 2));
    try (Stream<Mistyped> rows = query.rows(SQL, Mistyped.class)) {
      PostHogDecodeException e = assertThrows(PostHogDecodeException.class, rows::count);
      assertTrue(e.getMessage().contains("row 1"), e.getMessage());
      assertTrue(e.getMessage().contains("column 'n'"), e.getMessage());
    }
  }
}
