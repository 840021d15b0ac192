package dev.hedgekit.posthog.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.KEY_FRAGMENT;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.TestAccess;
import dev.hedgekit.posthog.PostHogClientBuilder;
import dev.hedgekit.posthog.toolkit.ToolError;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.config.HttpLogLevel;
import dev.hedgekit.posthog.config.LimitClass;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.BadRequestException;
import dev.hedgekit.posthog.errors.ForbiddenException;
import dev.hedgekit.posthog.errors.MethodNotAllowedException;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import dev.hedgekit.posthog.errors.QueryFailedException;
import dev.hedgekit.posthog.errors.QueryTimeoutException;
import dev.hedgekit.posthog.errors.RateLimitedException;
import dev.hedgekit.posthog.errors.ServerErrorException;
import dev.hedgekit.posthog.errors.UnauthorizedException;
import dev.hedgekit.posthog.errors.UnexpectedStatusException;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.query.PollOptions;
import dev.hedgekit.posthog.query.Query;
import dev.hedgekit.posthog.query.QueryNodes;
import dev.hedgekit.posthog.query.QueryRun;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API key never shows: not in any toString, not in the message, cause chain or printed
 * stack trace of any error the SDK can raise (each class forced here), not in any log record
 * at any level, and not in the actions envelope. The key is {@link TestClients#API_KEY};
 * every check also looks for a fragment of it. (The builder's, client's, config's and
 * transport's toString are also pinned by {@code PostHogClientConfigTest}.)
 */
class SecretRedactionTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG = "/api/projects/1/feature_flags/7/";
  private static final String FLAGS = "/api/projects/1/feature_flags/";
  private static final String QUERY = "/api/projects/1/query/";

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private Logger http;
  private Logger root;
  private Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private final List<PostHogClient> clients = new ArrayList<>();

  @BeforeEach
  void captureEveryLogger() {
    http = Logger.getLogger("dev.hedgekit.posthog.http");
    previousLevel = http.getLevel();
    http.setLevel(Level.ALL);
    root = Logger.getLogger("");
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void release() {
    root.removeHandler(capture);
    http.setLevel(previousLevel);
    clients.forEach(PostHogClient::close);
  }

  private PostHogClient client(HttpLogLevel level) {
    PostHogClient c = TestClients.builder(wm, new RecordingSleeper()).maxRetries(1)
        .httpLogging(level).build();
    clients.add(c);
    return c;
  }

  /** Every text a failure shows: message, toString, causes, suppressed, the whole stack trace. */
  private static void assertNoKeyAnywhere(Throwable t) {
    assertNoKey(t);
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    assertNoKey(trace.toString());
    for (Throwable s : t.getSuppressed()) {
      assertNoKeyAnywhere(s);
    }
  }

  private static ResponseDefinitionBuilder error(int status, String type) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"" + type + "\",\"code\":\"c\",\"detail\":\"status " + status + "\"}");
  }

  // ------------------------------------------------------------------ toString

  @Test
  void noToStringShowsTheKey() {
    PostHogClientBuilder builder = PostHogClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl())
        .header("X-Team", "growth").rateLimits(RateLimits.posthogDefaults());
    assertNoKey(builder.toString());
    PostHogClient c = builder.build();
    clients.add(c);
    PostHogClient view = c.withOptions(RequestOptions.builder().header("X-Trace", "t").build());
    List<Object> shown = List.of(c, view, TestAccess.config(c), TestAccess.config(c).apiKey(), TestAccess.config(c).endpoint(),
        TestAccess.config(c).defaultOptions(), TestAccess.config(c).retryPolicy(), TestAccess.config(c).rateLimits(),
        TestAccess.core(c), c.toolkit(), view.toolkit(), view.requestOptions(), c.project(1).featureFlags(),
        c.project(1).query(), c.generated(FeatureFlagsApi.class));
    for (Object o : shown) {
      assertNoKey(String.valueOf(o));
    }
    assertEquals("ApiKey[redacted]", TestAccess.config(c).apiKey().toString());
    assertTrue(c.toString().contains("apiKey=ApiKey[redacted]"), c.toString());
  }

  // ------------------------------------------------------------------ every error class

  @Test
  void noErrorClassShowsTheKey() throws Exception {
    wm.stubFor(post(urlPathEqualTo(FLAGS)).willReturn(error(400, "validation_error")));
    Map<Integer, Class<? extends Throwable>> byStatus = new LinkedHashMap<>();
    byStatus.put(401, UnauthorizedException.class);
    byStatus.put(403, ForbiddenException.class);
    byStatus.put(404, NotFoundException.class);
    byStatus.put(405, MethodNotAllowedException.class);
    byStatus.put(409, UnexpectedStatusException.class);
    byStatus.put(429, RateLimitedException.class);
    byStatus.put(500, ServerErrorException.class);
    byStatus.put(512, ServerErrorException.class);
    PostHogClient c = client(HttpLogLevel.FULL);
    List<Throwable> failures = new ArrayList<>();
    failures.add(assertThrows(BadRequestException.class,
        () -> c.project(1).featureFlags().create(new FeatureFlag().key("beta"))));
    for (Map.Entry<Integer, Class<? extends Throwable>> e : byStatus.entrySet()) {
      String path = "/api/projects/1/feature_flags/" + e.getKey() + "/";
      wm.stubFor(get(urlPathEqualTo(path)).willReturn(error(e.getKey(), "t")));
      int id = e.getKey();
      failures.add(assertThrows(e.getValue(), () -> c.project(1).featureFlags().get(id)));
    }
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/1/")).willReturn(okJson("{\"id\":")));
    failures.add(assertThrows(PostHogDecodeException.class, () -> c.project(1).featureFlags().get(1)));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/2/"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    failures.add(assertThrows(PostHogIoException.class, () -> c.project(1).featureFlags().get(2)));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/3/"))
        .willReturn(okJson("{}").withFixedDelay(1000)));
    RequestOptions quick = RequestOptions.builder().readTimeout(Duration.ofMillis(100)).maxRetries(0).build();
    failures.add(assertThrows(PostHogTimeoutException.class,
        () -> c.withOptions(quick).project(1).featureFlags().get(3)));

    // The client-side rate limiter's refusal.
    PostHogClient limited = TestClients.builder(wm, new RecordingSleeper())
        .rateLimits(RateLimits.off().with(LimitClass.CRUD, 1, 1)).build();
    clients.add(limited);
    wm.stubFor(get(urlPathEqualTo(FLAG)).willReturn(okJson("{\"id\":7}")));
    limited.project(1).featureFlags().get(7);
    failures.add(assertThrows(PostHogTimeoutException.class, () -> limited.project(1).featureFlags().get(7)));

    // Queries: a failed one, and one that never completes.
    wm.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"query_status\":{\"id\":\"q-1\","
            + "\"team_id\":1,\"complete\":false,\"error\":false,\"query_async\":true}}")));
    wm.stubFor(get(urlPathEqualTo(QUERY + "q-1/")).willReturn(okJson("{\"query_status\":{\"id\":"
        + "\"q-1\",\"complete\":true,\"error\":true,\"error_message\":\"Unknown table\"}}")));
    failures.add(assertThrows(QueryFailedException.class,
        () -> c.project(1).query().start(QueryNodes.hogql("select 1")).await()));
    wm.stubFor(get(urlPathEqualTo(QUERY + "q-1/")).willReturn(okJson("{\"query_status\":{\"id\":"
        + "\"q-1\",\"complete\":false,\"error\":false}}")));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(QUERY + "q-1/"))
        .willReturn(aResponse().withStatus(204)));
    failures.add(assertThrows(QueryTimeoutException.class, () -> c.project(1).query()
        .start(QueryNodes.hogql("select 1"))
        .await(PollOptions.defaults().withTimeout(Duration.ofMillis(50)))));

    // Refusals before sending, a closed client, a cancelled call.
    failures.add(assertThrows(IllegalArgumentException.class, () -> c.project(1).notebooks().get("x".repeat(9000))));
    failures.add(assertThrows(IllegalArgumentException.class,
        () -> {
          wm.stubFor(get(urlEqualTo("/api/projects/77/feature_flags/")).willReturn(okJson(
              "{\"results\":[],\"next\":\"https://evil.example/api/projects/77/feature_flags/?page=2\"}")));
          c.project(77).featureFlags().listAll().stream().count();
        }));
    PostHogClient closed = TestClients.builder(wm, new RecordingSleeper()).build();
    closed.close();
    failures.add(assertThrows(IllegalStateException.class, () -> closed.project(1).featureFlags().get(7)));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/4/"))
        .willReturn(okJson("{}").withFixedDelay(3000)));
    CompletableFuture<FeatureFlag> slow = c.async(x -> x.project(1).featureFlags().get(4));
    Thread.sleep(100);
    slow.cancel(true);
    failures.add(assertThrows(CancellationException.class, () -> slow.get(1, TimeUnit.SECONDS)));

    for (Throwable t : failures) {
      assertNoKeyAnywhere(t);
    }
    assertEquals(19, failures.size());
    assertLogsHaveNoKey();
  }

  // ------------------------------------------------------------------ logs at every level

  /** Runs a success, a POST with a body, a 401, a retried 503, a reset and an action. */
  private void trafficOfEveryKind(PostHogClient c) {
    wm.stubFor(get(urlPathEqualTo(FLAG)).willReturn(okJson("{\"id\":7,\"key\":\"beta\"}")));
    wm.stubFor(post(urlPathEqualTo(FLAGS)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":8,\"key\":\"new\"}")));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/401/"))
        .willReturn(error(401, "authentication_error")));
    TestClients.sequence(wm, () -> get(urlPathEqualTo("/api/projects/1/feature_flags/503/")),
        error(503, "server_error"), okJson("{\"id\":503}"));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/2/"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    c.project(1).featureFlags().get(7);
    c.project(1).featureFlags().create(new FeatureFlag().key("new"));
    assertThrows(UnauthorizedException.class, () -> c.project(1).featureFlags().get(401));
    c.project(1).featureFlags().get(503);
    assertThrows(PostHogIoException.class, () -> c.project(1).featureFlags().get(2));
    ToolResult r = c.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
        Map.of("project_id", 1, "id", 401));
    assertNoKey(r.toJsonString());
  }

  private List<String> logLines() {
    SimpleFormatter f = new SimpleFormatter();
    List<String> out = new ArrayList<>();
    for (LogRecord r : records) {
      StringBuilder sb = new StringBuilder(r.getLoggerName() + " " + f.formatMessage(r));
      if (r.getParameters() != null) {
        for (Object p : r.getParameters()) {
          sb.append(' ').append(p);
        }
      }
      if (r.getThrown() != null) {
        StringWriter trace = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(trace));
        sb.append(' ').append(trace);
      }
      out.add(sb.toString());
    }
    return out;
  }

  private void assertLogsHaveNoKey() {
    for (String line : logLines()) {
      assertNoKey(line);
    }
  }

  private long count(String suffix) {
    return logLines().stream().filter(l -> l.endsWith(suffix)).count();
  }

  @ParameterizedTest
  @EnumSource(HttpLogLevel.class)
  void noLogRecordAtAnyLevelShowsTheKey(HttpLogLevel level) {
    trafficOfEveryKind(client(level));
    assertLogsHaveNoKey();
    List<String> sdk = logLines().stream().filter(l -> l.startsWith("dev.hedgekit")).toList();
    String all = String.join("\n", sdk);
    switch (level) {
      case NONE:
        assertEquals(List.of(), sdk, "nothing is logged by default");
        break;
      case BASIC:
        assertTrue(count("---> GET " + wm.baseUrl() + FLAG) == 1, all);
        assertFalse(all.contains("Authorization"), "no headers at BASIC: " + all);
        break;
      default:
        // One request line per call (retries happen beneath Feign's logger): 6 calls.
        assertEquals(6, count("Authorization: Bearer [redacted]"), all);
        assertEquals(level == HttpLogLevel.FULL, all.contains("{\"key\":\"new\"}"), all);
    }
  }

  @Test
  void aKeyEchoedBackByTheServerIsMaskedInMessagesAndLogs() {
    String echo = "{\"type\":\"authentication_error\",\"code\":\"bad_key\","
        + "\"detail\":\"Key " + API_KEY + " is not valid\"}";
    wm.stubFor(get(urlPathEqualTo(FLAG)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(echo)));
    wm.stubFor(get(urlPathEqualTo(FLAGS)).willReturn(okJson("{\"echo\":\"" + API_KEY + "\"}")));
    PostHogClient c = client(HttpLogLevel.FULL);

    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> c.project(1).featureFlags().get(7));
    assertNoKeyAnywhere(e);
    assertEquals("Key [redacted] is not valid", e.detail());
    // A successful answer is data, handed over as received; only the log masks it.
    assertEquals(API_KEY, c.toolkit().execute("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS",
        java.util.Map.of("project_id", "1")).data().path("echo").asText());
    assertLogsHaveNoKey();
    assertTrue(String.join("\n", logLines()).contains("Key [redacted] is not valid"));
  }

  // ------------------------------------------------------------------ the actions envelope

  @Test
  void noActionsEnvelopeShowsTheKey() {
    PostHogClient c = client(HttpLogLevel.FULL);
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/401/"))
        .willReturn(error(401, "authentication_error")));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/2/"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/3/")).willReturn(okJson("{\"id\":")));
    wm.stubFor(get(urlPathEqualTo("/api/projects/1/feature_flags/4/"))
        .willReturn(okJson("{}").withFixedDelay(1000)));
    wm.stubFor(get(urlPathEqualTo(FLAG)).willReturn(okJson("{\"id\":7}")));
    String slug = "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS";
    RequestOptions quick = RequestOptions.builder().readTimeout(Duration.ofMillis(100)).maxRetries(0).build();
    List<ToolResult> results = List.of(
        c.toolkit().execute(slug, Map.of("project_id", 1, "id", 401)),
        c.toolkit().execute(slug, Map.of("project_id", 1, "id", 2)),
        c.toolkit().execute(slug, Map.of("project_id", 1, "id", 3)),
        c.toolkit().execute(slug, Map.of("project_id", 1, "id", 4), quick),
        c.toolkit().execute(slug, Map.of("project_id", 1, "id", "seven")),
        c.toolkit().execute("POSTHOG_NO_SUCH_ACTION", Map.of()),
        c.toolkit().execute(slug, Map.of("project_id", 1, "id", 7)));
    List<ToolError.Kind> kinds = new ArrayList<>();
    for (ToolResult r : results) {
      kinds.add(r.successful() ? null : r.error().kind());
      assertNoKey(r.toJsonString());
      assertNoKey(r.toJson().toString());
      assertNoKey(r.toString());
      if (!r.successful()) {
        assertNoKey(r.error().message());
        assertNoKey(r.error().toString());
        r.error().problems().forEach(p -> assertNoKey(p.message()));
        r.exception().ifPresent(SecretRedactionTest::assertNoKeyAnywhere);
      }
    }
    List<ToolError.Kind> expected = new ArrayList<>(List.of(ToolError.Kind.API,
        ToolError.Kind.NETWORK, ToolError.Kind.DECODE, ToolError.Kind.TIMEOUT,
        ToolError.Kind.VALIDATION, ToolError.Kind.VALIDATION));
    expected.add(null);
    assertEquals(expected, kinds);
    PostHogClient closed = TestClients.builder(wm, new RecordingSleeper()).build();
    closed.close();
    ToolResult r = closed.toolkit().execute(slug, Map.of("project_id", 1, "id", 7));
    assertEquals(ToolError.Kind.CLIENT, r.error().kind());
    assertNoKey(r.toJsonString());
    assertLogsHaveNoKey();
  }

  @Test
  void theKeyTravelsOnlyInTheAuthorizationHeader() {
    wm.stubFor(get(urlPathEqualTo(FLAG)).willReturn(okJson("{\"id\":7}")));
    client(HttpLogLevel.FULL).project(1).featureFlags().get(7);
    var request = wm.getAllServeEvents().get(0).getRequest();
    assertEquals("Bearer " + API_KEY, request.getHeader("Authorization"));
    assertFalse(request.getUrl().contains(KEY_FRAGMENT), request.getUrl());
    request.getHeaders().all().stream()
        .filter(h -> !h.key().equalsIgnoreCase("Authorization"))
        .forEach(h -> assertNoKey(h.toString()));
  }
}
