package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.hedgekit.posthog.support.Trees;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.Sleeper;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import dev.hedgekit.posthog.errors.QueryFailedException;
import dev.hedgekit.posthog.errors.QueryTimeoutException;
import dev.hedgekit.posthog.errors.ServerErrorException;
import dev.hedgekit.posthog.generated.model.QueryRequest;
import dev.hedgekit.posthog.generated.model.QueryStatus;
import dev.hedgekit.posthog.generated.model.RefreshType;
import dev.hedgekit.posthog.support.RecordingSleeper;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QueryTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String QUERY = "/api/projects/1/query/";
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private PostHogClient client;

  private PostHogClient client(Sleeper s) {
    client = PostHogClient.builder().apiKey("phx_test").baseUrl(wm.baseUrl()).maxRetries(0)
        .sleeper(s).build();
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private static String statusPath(String id) {
    return QUERY + id + "/";
  }

  private static ResponseDefinitionBuilder running(String id) {
    return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
        .withBody("{\"query_status\":{\"id\":\"" + id + "\",\"team_id\":1,\"complete\":false,"
            + "\"error\":false,\"query_async\":true}}");
  }

  private static ResponseDefinitionBuilder done(String id, String results) {
    return okJson("{\"query_status\":{\"id\":\"" + id + "\",\"team_id\":1,\"complete\":true,"
        + "\"error\":false,\"end_time\":\"2025-01-02T03:04:05Z\",\"results\":" + results + "}}");
  }

  private static List<Duration> millis(long... values) {
    return Arrays.stream(values).mapToObj(Duration::ofMillis).collect(Collectors.toList());
  }

  // ------------------------------------------------------------------ blocking

  @Test
  void hogqlRunsBlockingAndSendsTheQueryNode() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson(
        "{\"results\":[[\"$pageview\",42]],\"columns\":[\"event\",\"count()\"],\"hogql\":\"...\"}")));
    JsonNode answer = client(sleeper).project(1).query().hogql("select event, count() from events group by event");

    assertEquals(42, answer.get("results").get(0).get(1).asInt());
    assertEquals("event", answer.get("columns").get(0).asText());
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY))
        .withHeader("Content-Type", matching("application/json.*"))
        .withRequestBody(equalToJson("{\"query\":{\"kind\":\"HogQLQuery\","
            + "\"query\":\"select event, count() from events group by event\"},"
            + "\"refresh\":\"blocking\"}")));
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void hogqlWithValuesSendsThemForThePlaceholders() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{\"results\":[[3]]}")));
    JsonNode answer = client(sleeper).project("1").query()
        .hogql("select count() from events where event = {event}", Map.of("event", "it's"));

    assertEquals(3, answer.at("/results/0/0").asInt());
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY)).withRequestBody(equalToJson(
        "{\"query\":{\"kind\":\"HogQLQuery\",\"query\":\"select count() from events where event = {event}\","
            + "\"values\":{\"event\":\"it's\"}},\"refresh\":\"blocking\"}")));
  }

  @Test
  void runSendsAnyQueryNodeAndARequestAsItIs() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson("{\"results\":[]}")));
    Query query = client(sleeper).project(1).query();
    query.run(Trees.json(Map.of("kind", "EventsQuery", "select", List.of("event"))));
    query.run(new QueryRequest().query(Trees.json(Map.of("kind", "HogQLQuery", "query", "select 1")))
        .name("weekly").refresh(RefreshType.FORCE_BLOCKING));

    wm.verify(1, postRequestedFor(urlEqualTo(QUERY)).withRequestBody(equalToJson(
        "{\"query\":{\"kind\":\"EventsQuery\",\"select\":[\"event\"]},\"refresh\":\"blocking\"}")));
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY)).withRequestBody(equalToJson(
        "{\"query\":{\"kind\":\"HogQLQuery\",\"query\":\"select 1\"},\"name\":\"weekly\","
            + "\"refresh\":\"force_blocking\"}")));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    Query query = client(sleeper).project(1).query();
    assertThrows(IllegalArgumentException.class, () -> query.hogql("  "));
    assertThrows(NullPointerException.class, () -> query.hogql(null));
    IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
        () -> query.run(TextNode.valueOf("select 1")));
    assertTrue(text.getMessage().contains("hogql(sql)"), text.getMessage());
    assertThrows(NullPointerException.class, () -> query.run(new QueryRequest()));
    assertThrows(NullPointerException.class, () -> query.start((JsonNode) null));
    assertThrows(IllegalArgumentException.class, () -> query.status(""));
    assertThrows(NullPointerException.class, () -> query.cancel(null));
    assertThrows(IllegalArgumentException.class,
        () -> PollOptions.defaults().withMultiplier(0.5));
    assertThrows(IllegalArgumentException.class,
        () -> PollOptions.defaults().withTimeout(Duration.ZERO));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void queryEstimatedTooLongFailsWith512AsServerError() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(aResponse().withStatus(512)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"server_error\",\"code\":\"estimated_query_execution_time_too_long\","
            + "\"detail\":\"Estimated query execution time is too long.\"}")));
    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> client(sleeper).project(1).query().hogql("select * from events"));

    assertEquals(512, e.status());
    assertEquals("estimated_query_execution_time_too_long", e.code());
    assertTrue(e.getMessage().contains("estimated this query would run too long"), e.getMessage());
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY)));
  }

  // ------------------------------------------------------------------ async + polling

  @Test
  void startThenAwaitPollsWithBackoffUntilComplete() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-1")));
    sequence(() -> get(urlEqualTo(statusPath("q-1"))),
        running("q-1"), running("q-1"),
        done("q-1", "{\"results\":[[7]],\"columns\":[\"count()\"]}"));
    Query query = client(sleeper).project(1).query();

    QueryRun run = query.start(QueryNodes.hogql("select count() from events"));
    assertEquals("q-1", run.id());
    assertFalse(run.isComplete());
    assertEquals(Boolean.FALSE, run.lastStatus().orElseThrow().getComplete());
    wm.verify(0, getRequestedFor(urlEqualTo(statusPath("q-1"))));

    JsonNode answer = query.await(run, PollOptions.defaults());

    assertEquals(7, answer.at("/results/0/0").asInt());
    assertEquals("count()", answer.at("/columns/0").asText());
    assertEquals(millis(250, 500, 1000), sleeper.sleeps());
    wm.verify(3, getRequestedFor(urlEqualTo(statusPath("q-1"))));
    assertTrue(run.isComplete());
    QueryStatus last = run.lastStatus().orElseThrow();
    assertEquals(Boolean.TRUE, last.getComplete());
    assertEquals(2025, last.getEndTime().getYear());
    assertInstanceOf(JsonNode.class, last.getResults());
    // The SDK names the query itself, so it can be cancelled before PostHog answers.
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY))
        .withRequestBody(matchingJsonPath("$.client_query_id", matching(UUID_PATTERN)))
        .withRequestBody(matchingJsonPath("$.refresh", equalTo("async")))
        .withRequestBody(matchingJsonPath("$.query.kind", equalTo("HogQLQuery"))));
    // Awaiting a complete run sends nothing more.
    assertEquals(7, run.await().at("/results/0/0").asInt());
    wm.verify(3, getRequestedFor(urlEqualTo(statusPath("q-1"))));
  }

  @Test
  void backoffIsCappedAtTheMaxDelay() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-cap")));
    sequence(() -> get(urlEqualTo(statusPath("q-cap"))),
        running("q-cap"), running("q-cap"), running("q-cap"), running("q-cap"), running("q-cap"),
        running("q-cap"), done("q-cap", "{\"results\":[]}"));
    Query query = client(sleeper).project(1).query();

    query.start(new QueryRequest().query(QueryNodes.hogql("select 1")).clientQueryId("q-cap"))
        .await(PollOptions.defaults().withInitialDelay(Duration.ofMillis(100))
            .withMultiplier(3).withMaxDelay(Duration.ofSeconds(1)));

    assertEquals(millis(100, 300, 900, 1000, 1000, 1000, 1000), sleeper.sleeps());
    wm.verify(7, getRequestedFor(urlEqualTo(statusPath("q-cap"))));
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY))
        .withRequestBody(matchingJsonPath("$.client_query_id", equalTo("q-cap"))));
  }

  @Test
  void anAsyncAnswerToRunIsPolledToo() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-run")));
    sequence(() -> get(urlEqualTo(statusPath("q-run"))),
        running("q-run"), done("q-run", "{\"results\":[[1]]}"));

    JsonNode answer = client(sleeper).project(1).query()
        .run(new QueryRequest().query(QueryNodes.hogql("select 1")).refresh(RefreshType.FORCE_ASYNC));

    assertEquals(1, answer.at("/results/0/0").asInt());
    assertEquals(millis(250, 500), sleeper.sleeps());
  }

  @Test
  void cachedResultsAnsweredAtOnceNeedNoPolling() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(okJson(
        "{\"results\":[[5]],\"is_cached\":true,\"query_status\":null}")));
    Query query = client(sleeper).project(1).query();

    QueryRun run = query.start(QueryNodes.hogql("select 5"));
    assertTrue(run.isComplete());
    assertTrue(run.lastStatus().isEmpty());
    assertEquals(5, query.await(run).at("/results/0/0").asInt());
    assertEquals(List.of(), sleeper.sleeps());
    wm.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void aFailedQueryThrowsWithPostHogsErrorMessage() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-2")));
    // PostHog answers the status of a failed query with 400 (the same body with 200 works too).
    sequence(() -> get(urlEqualTo(statusPath("q-2"))),
        running("q-2"),
        aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"query_status\":{\"id\":\"q-2\",\"team_id\":1,\"complete\":true,"
                + "\"error\":true,\"error_message\":\"Unknown table `evnts`.\"}}"));
    Query query = client(sleeper).project(1).query();
    QueryRun run = query.start(QueryNodes.hogql("select * from evnts"));

    QueryFailedException e = assertThrows(QueryFailedException.class, () -> query.await(run));

    assertEquals("q-2", e.queryId());
    assertEquals("Unknown table `evnts`.", e.errorMessage());
    assertTrue(e.getMessage().contains("Unknown table `evnts`."), e.getMessage());
    assertEquals(millis(250, 500), sleeper.sleeps());
    wm.verify(2, getRequestedFor(urlEqualTo(statusPath("q-2"))));
    wm.verify(0, deleteRequestedFor(anyUrl()));
    // status() reports the failure as a status, not an exception.
    QueryStatus status = query.status("q-2");
    assertEquals(Boolean.TRUE, status.getError());
    assertEquals("Unknown table `evnts`.", status.getErrorMessage());
  }

  @Test
  void aFailureReportedWith200IsAlsoAnError() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-5")));
    wm.stubFor(get(urlEqualTo(statusPath("q-5"))).willReturn(okJson(
        "{\"query_status\":{\"id\":\"q-5\",\"team_id\":1,\"complete\":true,\"error\":true,"
            + "\"error_message\":\"Query exceeded memory limit\"}}")));

    QueryFailedException e = assertThrows(QueryFailedException.class,
        () -> client(sleeper).project(1).query().start(QueryNodes.hogql("select 1")).await());
    assertEquals("Query exceeded memory limit", e.errorMessage());
  }

  @Test
  void timeoutCancelsTheQueryOnPostHog() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-3")));
    wm.stubFor(get(urlEqualTo(statusPath("q-3"))).willReturn(running("q-3")));
    wm.stubFor(delete(urlEqualTo(statusPath("q-3"))).willReturn(aResponse().withStatus(204)));
    Query query = client(sleeper).project(1).query();
    QueryRun run = query.start(QueryNodes.hogql("select sleep(100)"));

    QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
        () -> query.await(run, PollOptions.defaults().withTimeout(Duration.ofSeconds(1))));

    assertInstanceOf(PostHogTimeoutException.class, e);
    assertEquals("q-3", e.queryId());
    assertEquals(3, e.polls());
    assertTrue(e.getMessage().contains("cancel"), e.getMessage());
    assertEquals(0, e.getSuppressed().length);
    // 250 + 500, then the last wait is cut to end at the timeout; one last poll, then cancel.
    assertEquals(millis(250, 500, 250), sleeper.sleeps());
    wm.verify(3, getRequestedFor(urlEqualTo(statusPath("q-3"))));
    wm.verify(1, deleteRequestedFor(urlEqualTo(statusPath("q-3"))));
    assertTrue(run.isCancelled());
    assertFalse(run.cancel(), "the DELETE is sent once per run");
    wm.verify(1, deleteRequestedFor(urlEqualTo(statusPath("q-3"))));
  }

  @Test
  void aFailedCancelIsAttachedToTheTimeout() {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-6")));
    wm.stubFor(get(urlEqualTo(statusPath("q-6"))).willReturn(running("q-6")));
    wm.stubFor(delete(urlEqualTo(statusPath("q-6"))).willReturn(aResponse().withStatus(500)));
    Query query = client(sleeper).project(1).query();

    QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> query
        .start(QueryNodes.hogql("select 1"))
        .await(PollOptions.defaults().withTimeout(Duration.ofMillis(100))));

    assertEquals(millis(100), sleeper.sleeps());
    assertEquals(1, e.getSuppressed().length);
    assertInstanceOf(ServerErrorException.class, e.getSuppressed()[0]);
  }

  @Test
  void cancellingRunAsyncStopsPollingAndCancelsTheQuery() throws Exception {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-4")));
    wm.stubFor(get(urlEqualTo(statusPath("q-4"))).willReturn(running("q-4")));
    wm.stubFor(delete(urlEqualTo(statusPath("q-4"))).willReturn(aResponse().withStatus(204)));
    CountDownLatch sleeping = new CountDownLatch(1);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    Sleeper real = d -> {
      waits.add(d);
      sleeping.countDown();
      Thread.sleep(d.toMillis());
    };
    Query query = client(real).project(1).query();

    CompletableFuture<JsonNode> f = query.runAsync(QueryNodes.hogql("select 1"),
        PollOptions.defaults().withInitialDelay(Duration.ofSeconds(30))
            .withMaxDelay(Duration.ofSeconds(30)));
    assertTrue(sleeping.await(5, TimeUnit.SECONDS), "polling never started");
    long start = System.nanoTime();
    assertTrue(f.cancel(true));

    assertTrue(f.isCancelled());
    assertThrows(CancellationException.class, () -> f.get(1, TimeUnit.SECONDS));
    awaitCount(1, deleteRequestedFor(urlEqualTo(statusPath("q-4"))));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
    Thread.sleep(300);
    wm.verify(1, postRequestedFor(urlEqualTo(QUERY)));
    wm.verify(0, getRequestedFor(urlEqualTo(statusPath("q-4"))));
    wm.verify(1, deleteRequestedFor(urlEqualTo(statusPath("q-4"))));
    assertEquals(List.of(Duration.ofSeconds(30)), waits);
  }

  @Test
  void runAsyncCompletesWithTheAnswerOrTheFailure() throws Exception {
    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(running("q-7")));
    sequence(() -> get(urlEqualTo(statusPath("q-7"))),
        running("q-7"), done("q-7", "{\"results\":[[9]]}"));
    Query query = client(sleeper).project(1).query();

    assertEquals(9, query.runAsync(QueryNodes.hogql("select 9")).get(5, TimeUnit.SECONDS)
        .at("/results/0/0").asInt());
    assertEquals(millis(250, 500), sleeper.sleeps());

    wm.stubFor(post(urlEqualTo(QUERY)).willReturn(aResponse().withStatus(512)));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> query.runAsync(QueryNodes.hogql("select 9")).get(5, TimeUnit.SECONDS));
    assertInstanceOf(ServerErrorException.class, e.getCause());
  }

  // ------------------------------------------------------------------ by id

  @Test
  void statusCancelAndDraftSqlById() {
    wm.stubFor(get(urlEqualTo(statusPath("abc"))).willReturn(done("abc", "{\"results\":[[1]]}")));
    wm.stubFor(delete(urlEqualTo(statusPath("abc"))).willReturn(aResponse().withStatus(204)));
    wm.stubFor(get(urlEqualTo(QUERY + "draft_sql/?prompt=count%20pageviews"))
        .willReturn(okJson("{\"sql\":\"select 1\"}")));
    Query query = client(sleeper).project(1).query();

    QueryStatus status = query.status("abc");
    assertEquals("abc", status.getId());
    assertEquals(Boolean.TRUE, status.getComplete());
    assertEquals(1, ((JsonNode) status.getResults()).at("/results/0/0").asInt());
    query.cancel("abc");
    assertEquals("select 1", query.draftSql("count pageviews").getSql());

    wm.verify(1, getRequestedFor(urlEqualTo(statusPath("abc"))));
    wm.verify(1, deleteRequestedFor(urlEqualTo(statusPath("abc"))));
    wm.verify(1, getRequestedFor(urlEqualTo(QUERY + "draft_sql/?prompt=count%20pageviews")));
  }

  @Test
  void anUnknownQueryIdIsNotFound() {
    wm.stubFor(get(urlEqualTo(statusPath("gone"))).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\"}")));
    assertThrows(NotFoundException.class,
        () -> client(sleeper).project(1).query().status("gone"));
  }

  /** Stubs a sequence of answers for one request; the last answer repeats. */
  private static void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
    String scenario = "seq-" + System.nanoTime();
    for (int i = 0; i < answers.length; i++) {
      ScenarioMappingBuilder m = request.get().inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
      if (i < answers.length - 1) {
        m = m.willSetStateTo("step-" + (i + 1));
      }
      wm.stubFor(m.willReturn(answers[i]));
    }
  }

  private static void awaitCount(int n, RequestPatternBuilder pattern) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (wm.findAll(pattern).size() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + n + " request(s) matching " + pattern);
      }
      Thread.sleep(10);
    }
  }
}
