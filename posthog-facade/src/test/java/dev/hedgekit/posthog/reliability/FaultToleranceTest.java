package dev.hedgekit.posthog.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.PostHogClientBuilder;
import dev.hedgekit.posthog.toolkit.ToolError;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.config.RetryPolicy;
import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.RateLimitedException;
import dev.hedgekit.posthog.errors.ServerErrorException;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PatchedFeatureFlagPartialUpdateRequestSchema;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestClients;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on the wire and failing statuses, through the typed API and through
 * {@code actions().execute}: each ends in a correct retry and success, or in the right typed
 * exception (or failed envelope), and POST/PATCH are never replayed once the request may have
 * reached the server (requests are counted on the server). Waits go through a recording
 * sleeper with constant jitter, so every wait is asserted exactly; each test also bounds its
 * real elapsed time. Real-time budgets (read timeouts, the overall deadline, servers that never
 * answer) are in {@link TimeBudgetTest}.
 *
 * <p>WireMock produces the connection reset, the empty response (connection closed without a
 * byte) and the statuses; the {@link LoopbackServer} produces what WireMock cannot: a body
 * shorter than its Content-Length and a chunked body cut off before its last chunk.
 */
class FaultToleranceTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG = "/api/projects/1/feature_flags/7/";
  private static final String FLAGS = "/api/projects/1/feature_flags/";
  private static final String FLAG_JSON = "{\"id\":7,\"key\":\"beta\",\"name\":\"Beta\"}";
  private static final List<Duration> THREE_BACKOFFS = List.of(ms(200), ms(400), ms(800));

  /** A fault after which nothing usable was received. */
  enum WireFault {
    CONNECTION_RESET, EMPTY_RESPONSE, TRUNCATED_BODY, CHUNKED_BODY_CUT_OFF;

    boolean byWireMock() {
      return this == CONNECTION_RESET || this == EMPTY_RESPONSE;
    }
  }

  /** What the loopback server does for one method and path: faults first, then an answer. */
  private static final class Plan {
    final WireFault fault;
    final AtomicInteger failuresLeft;
    final int status;
    final String body;

    Plan(WireFault fault, int failures, int status, String body) {
      this.fault = fault;
      this.failuresLeft = new AtomicInteger(failures);
      this.status = status;
      this.body = body;
    }
  }

  private static LoopbackServer loop;
  private static final Map<String, Plan> plans = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> loopCounts = new ConcurrentHashMap<>();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<PostHogClient> clients = new ArrayList<>();
  private long start;

  @BeforeAll
  static void startLoopback() throws IOException {
    loop = LoopbackServer.start(FaultToleranceTest::serveLoopback);
  }

  @AfterAll
  static void stopLoopback() throws InterruptedException {
    loop.close();
  }

  @BeforeEach
  void reset() {
    plans.clear();
    loopCounts.clear();
    start = System.nanoTime();
  }

  @AfterEach
  void closeClientsAndCheckTheBudget() {
    clients.forEach(PostHogClient::close);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    // Every wait here is recorded, not slept: a test that takes seconds waited for real.
    assertTrue(elapsed < 3000, "elapsed " + elapsed + " ms");
    assertEquals(List.of(), loop.handlerFailures());
  }

  private static void serveLoopback(LoopbackServer.Exchange ex) throws IOException {
    String key = ex.method + " " + ex.rawPath();
    loopCounts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    Plan plan = plans.get(key);
    if (plan == null) {
      ex.respondJson(404, "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\"}");
      return;
    }
    if (plan.failuresLeft.getAndDecrement() <= 0) {
      ex.respondJson(plan.status, plan.body);
      return;
    }
    switch (plan.fault) {
      case TRUNCATED_BODY:
        ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
            + "{\"id\":7,\"key\":\"be");
        ex.closeConnection();
        break;
      case CHUNKED_BODY_CUT_OFF:
        // One 16-byte chunk, then the connection ends without the terminating 0-size chunk.
        ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"id\":7,\"key\":\"b\r\n");
        ex.closeConnection();
        break;
      default:
        throw new IllegalStateException("not a loopback fault: " + plan.fault);
    }
  }

  // ------------------------------------------------------------------ fixtures

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private PostHogClient client(String baseUrl) {
    return client(TestClients.builder(wm, sleeper).baseUrl(baseUrl));
  }

  private PostHogClient client(PostHogClientBuilder builder) {
    PostHogClient c = builder.build();
    clients.add(c);
    return c;
  }

  private PostHogClient client() {
    return client(wm.baseUrl());
  }

  private static String baseUrl(WireFault f) {
    return f.byWireMock() ? wm.baseUrl() : loop.baseUrl();
  }

  private static ResponseDefinitionBuilder wireMockFault(WireFault f) {
    return aResponse().withFault(f == WireFault.CONNECTION_RESET
        ? Fault.CONNECTION_RESET_BY_PEER : Fault.EMPTY_RESPONSE);
  }

  /** The first {@code failures} requests to method+path meet the fault; later ones the answer. */
  private static void arm(WireFault f, String method, String path, int failures, int status,
      String body) {
    if (f.byWireMock()) {
      ResponseDefinitionBuilder ok = aResponse().withStatus(status)
          .withHeader("Content-Type", "application/json").withBody(body);
      ResponseDefinitionBuilder[] answers = new ResponseDefinitionBuilder[failures + 1];
      for (int i = 0; i < failures; i++) {
        answers[i] = wireMockFault(f);
      }
      answers[failures] = failures >= 100 ? wireMockFault(f) : ok;
      TestClients.sequence(wm, () -> request(method, urlPathEqualTo(path)), answers);
    } else {
      plans.put(method + " " + path, new Plan(f, failures, status, body));
    }
  }

  private static int count(WireFault f, String method, String path) {
    if (f.byWireMock()) {
      return wm.findAll(new RequestPatternBuilder(RequestMethod.fromString(method),
          urlPathEqualTo(path))).size();
    }
    AtomicInteger n = loopCounts.get(method + " " + path);
    return n == null ? 0 : n.get();
  }

  private static int count(String method, String path) {
    return count(WireFault.CONNECTION_RESET, method, path);
  }

  private static ToolResult failed(ToolResult r, ToolError.Kind kind) {
    assertFalse(r.successful(), r::toJsonString);
    assertEquals(kind, r.error().kind(), r::toJsonString);
    assertNull(r.data());
    assertEquals(r.error().message(), r.toJson().get("error").asText());
    assertNoKey(r.toJsonString());
    return r;
  }

  private static void stub(String method, String path, ResponseDefinitionBuilder... answers) {
    TestClients.sequence(wm, () -> request(method, urlPathEqualTo(path)), answers);
  }

  private static ResponseDefinitionBuilder status(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"server_error\",\"code\":\"error\",\"detail\":\"status " + status + "\"}");
  }

  private static ResponseDefinitionBuilder throttled(String retryAfter) {
    ResponseDefinitionBuilder r = aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"throttled_error\",\"code\":\"throttled\","
            + "\"detail\":\"Request was throttled.\"}");
    return retryAfter == null ? r : r.withHeader("Retry-After", retryAfter);
  }

  // ------------------------------------------------------------------ faults on the wire

  @ParameterizedTest
  @EnumSource(WireFault.class)
  void aGetMeetingOneFaultIsRetriedOnceAndSucceeds(WireFault f) {
    arm(f, "GET", FLAG, 1, 200, FLAG_JSON);
    FeatureFlag flag = client(baseUrl(f)).project(1).featureFlags().get(7);
    assertEquals("beta", flag.getKey());
    assertEquals(2, count(f, "GET", FLAG));
    assertEquals(List.of(ms(200)), sleeper.sleeps());
  }

  @ParameterizedTest
  @EnumSource(WireFault.class)
  void anActionGetMeetingTwoFaultsIsRetriedAndSucceeds(WireFault f) {
    arm(f, "GET", FLAG, 2, 200, FLAG_JSON);
    ToolResult r = client(baseUrl(f)).toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
        Map.of("project_id", 1, "id", 7));
    assertTrue(r.successful(), r::toJsonString);
    assertEquals("beta", r.data().get("key").asText());
    assertEquals(3, count(f, "GET", FLAG));
    assertEquals(List.of(ms(200), ms(400)), sleeper.sleeps());
  }

  @ParameterizedTest
  @EnumSource(WireFault.class)
  void aGetMeetingTheFaultEveryTimeFailsAfterFourAttempts(WireFault f) {
    arm(f, "GET", FLAG, 100, 200, FLAG_JSON);
    PostHogClient c = client(baseUrl(f));
    PostHogIoException e = assertThrows(PostHogIoException.class, () -> c.project(1).featureFlags().get(7));
    assertSame(PostHogIoException.class, e.getClass(), e.toString());
    assertTrue(e.requestMayHaveBeenSent());
    assertTrue(e.getMessage().startsWith("network failure during GET " + FLAG + ": "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(4 attempt(s))"), e.getMessage());
    assertEquals(4, count(f, "GET", FLAG));
    assertEquals(THREE_BACKOFFS, sleeper.sleeps());
    assertNoKey(e);
  }

  @ParameterizedTest
  @EnumSource(WireFault.class)
  void aPostMeetingAFaultIsNotReplayedTypedOrByAction(WireFault f) {
    arm(f, "POST", FLAGS, 2, 201, FLAG_JSON);
    PostHogClient c = client(baseUrl(f));
    PostHogIoException e = assertThrows(PostHogIoException.class,
        () -> c.project(1).featureFlags().create(new FeatureFlag().key("beta")));
    assertSame(PostHogIoException.class, e.getClass(), e.toString());
    assertTrue(e.requestMayHaveBeenSent());
    assertTrue(e.getMessage().startsWith("network failure during POST " + FLAGS + ": "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(1 attempt(s))"), e.getMessage());
    assertEquals(1, count(f, "POST", FLAGS));

    ToolResult r = failed(c.toolkit().execute("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT",
        Map.of("project_id", 1, "key", "beta")), ToolError.Kind.NETWORK);
    assertTrue(r.error().message().startsWith("network failure during POST " + FLAGS), r.error().message());
    assertEquals(2, count(f, "POST", FLAGS), "one request per call, none replayed");
    assertEquals(List.of(), sleeper.sleeps());
  }

  @ParameterizedTest
  @EnumSource(WireFault.class)
  void aPatchMeetingAFaultIsNotReplayedTypedOrByAction(WireFault f) {
    arm(f, "PATCH", FLAG, 2, 200, FLAG_JSON);
    PostHogClient c = client(baseUrl(f));
    PostHogIoException e = assertThrows(PostHogIoException.class,
        () -> c.project(1).featureFlags().update(7, new PatchedFeatureFlagPartialUpdateRequestSchema().name("Beta 2")));
    assertTrue(e.requestMayHaveBeenSent());
    assertEquals(1, count(f, "PATCH", FLAG));

    ToolResult r = failed(c.toolkit().execute("POSTHOG_PARTIAL_UPDATE_OF_A_PROJECT_S_FEATURE_FLAG",
        Map.of("project_id", 1, "id", 7, "name", "Beta 2")), ToolError.Kind.NETWORK);
    PostHogIoException cause = assertInstanceOf(PostHogIoException.class, r.exception().orElseThrow());
    assertTrue(cause.requestMayHaveBeenSent());
    assertTrue(r.error().message().startsWith("network failure during PATCH " + FLAG), r.error().message());
    assertEquals(2, count(f, "PATCH", FLAG), "one request per call, none replayed");
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void malformedOrTruncatedJsonInACompleteAnswerIsADecodeErrorAndIsNotRetried() {
    stub("GET", FLAG, okJson("{\"id\":7,\"key\":\"be"));
    PostHogClient c = client();
    PostHogDecodeException e = assertThrows(PostHogDecodeException.class, () -> c.project(1).featureFlags().get(7));
    assertEquals(200, e.status());
    assertTrue(e.getMessage().startsWith("could not decode the response to GET " + FLAG
        + " (status 200) as "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; the body starts with: {\"id\":7,\"key\":\"be"), e.getMessage());
    assertEquals(1, count("GET", FLAG), "a complete answer is not asked for again");

    stub("GET", FLAG, okJson("<html>502 Bad Gateway</html>"));
    ToolResult r = failed(c.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
        Map.of("project_id", 1, "id", 7)), ToolError.Kind.DECODE);
    assertEquals(200, r.status());
    assertInstanceOf(PostHogDecodeException.class, r.exception().orElseThrow());
    assertEquals(2, count("GET", FLAG));
    assertEquals(List.of(), sleeper.sleeps());
  }

  // ------------------------------------------------------------------ failing statuses

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void aBurstOfGatewayErrorsIsRetriedUntilItRecovers(int code) {
    stub("GET", FLAG, status(code), status(code), status(code), okJson(FLAG_JSON));
    assertEquals("beta", client().project(1).featureFlags().get(7).getKey());
    assertEquals(4, count("GET", FLAG));
    assertEquals(THREE_BACKOFFS, sleeper.sleeps());
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void aBurstOfGatewayErrorsIsRetriedForActionsToo(int code) {
    stub("GET", FLAGS, status(code), status(code), okJson("{\"count\":0,\"results\":[]}"));
    ToolResult r = client().toolkit().execute("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS",
        Map.of("project_id", 1));
    assertTrue(r.successful(), r::toJsonString);
    assertEquals(200, r.status());
    assertEquals(3, count("GET", FLAGS));
    assertEquals(List.of(ms(200), ms(400)), sleeper.sleeps());
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void aBurstLongerThanTheRetriesEndsInServerErrorException(int code) {
    stub("GET", FLAG, status(code), status(code), status(code), status(code), okJson(FLAG_JSON));
    PostHogClient c = client();
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> c.project(1).featureFlags().get(7));
    assertEquals(code, e.status());
    assertEquals("status " + code, e.detail());
    assertEquals(4, count("GET", FLAG));
    assertEquals(THREE_BACKOFFS, sleeper.sleeps());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void postAndPatchAnsweredWithA5xxAreNotReplayed(int code) {
    stub("POST", FLAGS, status(code), aResponse().withStatus(201).withBody(FLAG_JSON));
    stub("PATCH", FLAG, status(code), okJson(FLAG_JSON));
    PostHogClient c = client();
    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> c.project(1).featureFlags().create(new FeatureFlag().key("beta")));
    assertEquals(code, e.status());
    ToolResult r = failed(c.toolkit().execute("POSTHOG_PARTIAL_UPDATE_OF_A_PROJECT_S_FEATURE_FLAG",
        Map.of("project_id", 1, "id", 7, "name", "x")), ToolError.Kind.API);
    assertEquals(code, r.status());
    assertInstanceOf(ServerErrorException.class, r.exception().orElseThrow());
    assertEquals(1, count("POST", FLAGS));
    assertEquals(1, count("PATCH", FLAG));
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void a500IsNotRetriedByDefaultButCanBeMadeRetryable() {
    stub("GET", FLAG, status(500), okJson(FLAG_JSON));
    PostHogClient c = client();
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> c.project(1).featureFlags().get(7));
    assertEquals(500, e.status());
    assertEquals(1, count("GET", FLAG));
    assertEquals(List.of(), sleeper.sleeps());

    wm.resetAll();
    stub("GET", FLAG, status(500), status(500), okJson(FLAG_JSON));
    PostHogClient lenient = client(TestClients.builder(wm, sleeper).retryPolicy(RetryPolicy.builder()
        .retryableStatuses(Set.of(500, 502, 503, 504)).build()));
    assertEquals("beta", lenient.project(1).featureFlags().get(7).getKey());
    assertEquals(3, count("GET", FLAG));
    assertEquals(List.of(ms(200), ms(400)), sleeper.sleeps());
  }

  // ------------------------------------------------------------------ 429

  @Test
  void a429WithRetryAfterInSecondsIsWaitedExactlyAndThePostIsSentAgain() {
    stub("POST", FLAGS, throttled("3"), aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(FLAG_JSON));
    ToolResult r = client().toolkit().execute("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT",
        Map.of("project_id", 1, "key", "beta"));
    assertTrue(r.successful(), r::toJsonString);
    assertEquals(201, r.status());
    // A 429 means PostHog did not act on the request, so even a POST is sent again.
    assertEquals(2, count("POST", FLAGS));
    assertEquals(List.of(Duration.ofMillis(3300)), sleeper.sleeps());
  }

  @Test
  void a429WithRetryAfterAsAnHttpDateIsWaitedRelativeToTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    stub("GET", FLAG, throttled("Sun, 01 Mar 2026 12:00:04 GMT"),
        throttled("Sun, 01 Mar 2026 12:00:02 GMT"), okJson(FLAG_JSON));
    PostHogClient c = client(TestClients.builder(wm, sleeper).clock(clock));
    ToolResult r = c.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
        Map.of("project_id", 1, "id", 7));
    assertTrue(r.successful(), r::toJsonString);
    assertEquals(List.of(Duration.ofMillis(4400), Duration.ofMillis(2200)), sleeper.sleeps());
    assertEquals(3, count("GET", FLAG));
  }

  @Test
  void a429WithoutRetryAfterUsesTheBackoffAndFinallyFailsTyped() {
    wm.stubFor(request("GET", urlPathEqualTo(FLAG)).willReturn(throttled(null)));
    PostHogClient c = client();
    RateLimitedException e = assertThrows(RateLimitedException.class, () -> c.project(1).featureFlags().get(7));
    assertEquals(429, e.status());
    assertEquals(Optional.empty(), e.retryAfter());
    assertEquals("throttled", e.code());
    assertEquals(4, count("GET", FLAG));
    assertEquals(THREE_BACKOFFS, sleeper.sleeps());

    ToolResult r = failed(c.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
        Map.of("project_id", 1, "id", 7)), ToolError.Kind.API);
    assertEquals(429, r.status());
    assertEquals("throttled_error", r.error().type());
    assertInstanceOf(RateLimitedException.class, r.exception().orElseThrow());
    assertEquals(8, count("GET", FLAG));
  }

  @Test
  void a429AskingForMoreThanTheCallHasLeftFailsAtOnceWithTheWait() {
    wm.stubFor(request("POST", urlPathEqualTo(FLAGS)).willReturn(throttled("30")));
    PostHogClient c = client();   // call timeout 5 s
    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> c.project(1).featureFlags().create(new FeatureFlag().key("beta")));
    assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    assertTrue(e.getMessage().contains("PostHog asked to retry after 30 s"), e.getMessage());
    assertEquals(1, count("POST", FLAGS));
    assertEquals(List.of(), sleeper.sleeps(), "no wait that the deadline cannot hold");
  }

  // ------------------------------------------------------------------ 512 from the query API

  @Test
  void a512FromTheQueryApiIsAServerErrorThatIsNeverRetried() {
    String query = "/api/projects/1/query/";
    String tooLong = "{\"type\":\"server_error\",\"code\":\"query_estimated_too_long\","
        + "\"detail\":\"Estimated query execution time is too long.\"}";
    stub("POST", query, aResponse().withStatus(512).withHeader("Content-Type", "application/json")
        .withBody(tooLong));
    stub("GET", query + "q-1/", aResponse().withStatus(512)
        .withHeader("Content-Type", "application/json").withBody(tooLong));
    PostHogClient c = client();

    ToolResult r = failed(c.toolkit().execute("POSTHOG_CREATE_QUERY_IN_PROJECT_BY_ID",
        Map.of("project_id", 1, "query", Map.of("kind", "HogQLQuery", "query", "select 1"))),
        ToolError.Kind.API);
    assertEquals(512, r.status());
    assertEquals("query_estimated_too_long", r.error().code());
    ServerErrorException e = assertInstanceOf(ServerErrorException.class, r.exception().orElseThrow());
    assertTrue(e.getMessage().contains("PostHog estimated this query would run too long"), e.getMessage());

    PostHogApiException typed = assertThrows(ServerErrorException.class,
        () -> c.project(1).query().hogql("select 1"));
    assertEquals(512, typed.status());
    // Even the idempotent GET of a query's status is not retried: asking again cannot help.
    PostHogException status = assertThrows(ServerErrorException.class, () -> c.project(1).query().status("q-1"));
    assertEquals(512, ((PostHogApiException) status).status());
    assertEquals(2, count("POST", query));
    assertEquals(1, count("GET", query + "q-1/"));
    assertEquals(List.of(), sleeper.sleeps());
  }
}
