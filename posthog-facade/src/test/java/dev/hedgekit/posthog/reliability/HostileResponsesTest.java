package dev.hedgekit.posthog.reliability;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.PostHogClientBuilder;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.support.InvalidValueException;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.toolkit.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that answer wrongly on purpose, on loopback: the key echoed back in odd places,
 * responses out of step with their framing, pagination links that try to leave the base path or
 * loop, and bodies JSON does not allow. Each case must end in a clear SDK exception (or the
 * right answer), never in the key shown, another call's response, or an endless loop.
 */
class HostileResponsesTest {

  private static final String FLAGS = TestApi.flagsPath(1);

  private LoopbackServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private PostHogClientBuilder builder() {
    return PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
        .rateLimits(RateLimits.off()).maxRetries(0);
  }

  // ------------------------------------------------------------------ the key echoed back

  @Test
  void aKeyEchoedInABodyThatDoesNotDecodeIsMasked() throws Exception {
    server = LoopbackServer.start(ex -> ex.respond(200, "application/json",
        ("{\"id\": 7, \"key\": " + API_KEY + "}").getBytes(StandardCharsets.UTF_8)));
    try (PostHogClient client = builder().build()) {
      PostHogDecodeException e = assertThrows(PostHogDecodeException.class,
          () -> client.project(1).featureFlags().get(7));
      assertNoKey(e);
      assertTrue(e.getMessage().contains("[redacted]"), e.getMessage());
      ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "1", "id", 7));
      assertFalse(r.successful());
      assertNoKey(r.error().message());
      assertNoKey(r.toJsonString());
    }
  }

  @Test
  void aKeyEchoedInANextPageThatDoesNotDecodeIsMasked() throws Exception {
    server = LoopbackServer.start(ex -> {
      if (ex.rawQuery() == null) {
        ex.respondJson(200, "{\"results\":[{\"id\":1}],\"next\":\"" + server.baseUrl() + FLAGS
            + "?offset=1\",\"previous\":null}");
      } else {
        ex.respond(200, "application/json", ("{\"results\": [" + API_KEY)
            .getBytes(StandardCharsets.UTF_8));
      }
    });
    try (PostHogClient client = builder().build()) {
      PostHogDecodeException e = assertThrows(PostHogDecodeException.class,
          () -> client.project(1).featureFlags().listAll().stream().count());
      assertNoKey(e);
    }
  }

  @Test
  void aKeyEchoedEscapedInAnErrorDetailIsNotShown() throws Exception {
    StringBuilder escaped = new StringBuilder();
    for (char c : API_KEY.toCharArray()) {
      escaped.append(String.format("\\u%04x", (int) c));
    }
    server = LoopbackServer.start(ex -> ex.respondJson(400,
        "{\"type\":\"validation_error\",\"detail\":\"bad key " + escaped + "\"}"));
    try (PostHogClient client = builder().build()) {
      PostHogApiException e = assertThrows(PostHogApiException.class,
          () -> client.project(1).featureFlags().get(7));
      assertNoKey(e);
      assertNoKey(e.body());
      assertNoKey(String.valueOf(e.detail()));
    }
  }

  @Test
  void aKeyEchoedPercentEncodedIsNotShown() throws Exception {
    StringBuilder encoded = new StringBuilder();
    for (byte b : API_KEY.getBytes(StandardCharsets.UTF_8)) {
      encoded.append(String.format("%%%02X", b));
    }
    server = LoopbackServer.start(ex -> ex.respondJson(404,
        "{\"type\":\"invalid_request\",\"detail\":\"no flag at /x?k=" + encoded + "\"}"));
    try (PostHogClient client = builder().build()) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> client.project(1).featureFlags().get(7));
      assertNoKey(e);
      assertFalse(e.getMessage().contains(encoded.toString()), e.getMessage());
    }
  }

  // ------------------------------------------------------------------ framing

  @Test
  void bytesAfterTheBodyNeverBecomeTheNextCallsResponse() throws Exception {
    server = LoopbackServer.start(ex -> {
      String id = ex.rawPath().replaceAll(".*/(\\d+)/$", "$1");
      String body = "{\"id\":" + id + ",\"key\":\"flag-" + id + "\"}";
      String smuggled = "{\"id\":8,\"key\":\"flag-8\"}";
      // The answer, then a whole second answer nobody asked for, on the same connection.
      ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length() + "\r\n\r\n" + body
          + "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + smuggled.length() + "\r\n\r\n" + smuggled);
    });
    try (PostHogClient client = builder().maxConnections(1).build()) {
      assertEquals("flag-7", client.project(1).featureFlags().get(7).getKey());
      assertEquals("flag-9", client.project(1).featureFlags().get(9).getKey());
      assertEquals("flag-10", client.project(1).featureFlags().get(10).getKey());
    }
    assertEquals(3, server.requests());
  }

  @Test
  void aResponseWithBothTransferEncodingAndLengthIsNotFollowedOnItsConnection() throws Exception {
    server = LoopbackServer.start(ex -> {
      String id = ex.rawPath().replaceAll(".*/(\\d+)/$", "$1");
      String body = "{\"id\":" + id + ",\"key\":\"flag-" + id + "\"}";
      ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
          + "Content-Length: 5\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
          + "\r\n0\r\n\r\n");
    });
    try (PostHogClient client = builder().maxConnections(1).build()) {
      assertEquals("flag-7", client.project(1).featureFlags().get(7).getKey());
      assertEquals("flag-9", client.project(1).featureFlags().get(9).getKey());
    }
    assertEquals(2, server.connectionsAccepted(), "each ambiguous response ends its connection");
  }

  // ------------------------------------------------------------------ pagination

  @Test
  void linksWithDotSegmentsAreNotFollowed() throws Exception {
    for (String next : List.of("/base/../evil/feature_flags/", "/base/%2e%2e/evil/",
        "/base/%2E%2E/api/projects/1/feature_flags/?offset=2", "/base/./x/")) {
      server = LoopbackServer.start(ex -> ex.respondJson(200, "{\"results\":[{\"id\":1}],\"next\":\""
          + server.baseUrl() + next + "\",\"previous\":null}"));
      try (PostHogClient client = PostHogClient.builder().apiKey(API_KEY)
          .baseUrl(server.baseUrl() + "/base").rateLimits(RateLimits.off()).build()) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> client.project(1).featureFlags().listAll().stream().count(), next);
        assertTrue(e.getMessage().contains("refusing to follow"), e.getMessage());
      }
      assertEquals(1, server.requests(), "only the first page was asked for: " + next);
      server.close();
    }
    server = null;
  }

  @Test
  void aLinkCycleStopsWithAClearError() throws Exception {
    server = LoopbackServer.start(ex -> {
      String other = "offset=1".equals(ex.rawQuery()) ? "offset=2" : "offset=1";
      ex.respondJson(200, "{\"results\":[{\"id\":1}],\"next\":\"" + server.baseUrl() + FLAGS + "?"
          + other + "\",\"previous\":null}");
    });
    try (PostHogClient client = builder().build()) {
      PostHogException e = assertThrows(PostHogException.class,
          () -> client.project(1).featureFlags().listAll().stream().count());
      assertTrue(e.getMessage().contains("already fetched"), e.getMessage());
    }
    assertEquals(3, server.requests(), "first page, A, B, then the loop back to A is refused");
  }

  @Test
  void aRunOfEmptyPagesStopsWithAClearError() throws Exception {
    AtomicInteger page = new AtomicInteger();
    server = LoopbackServer.start(ex -> ex.respondJson(200, "{\"results\":[],\"next\":\""
        + server.baseUrl() + FLAGS + "?offset=" + page.incrementAndGet() + "\",\"previous\":null}"));
    try (PostHogClient client = builder().build()) {
      PostHogException e = assertThrows(PostHogException.class,
          () -> client.project(1).featureFlags().listAll().iterator().hasNext());
      assertTrue(e.getMessage().contains("empty pages in a row"), e.getMessage());
    }
    assertTrue(server.requests() <= 22, "requests: " + server.requests());
  }

  // ------------------------------------------------------------------ JSON PostHog cannot send

  @Test
  void duplicateKeysAreADecodeErrorTypedAndByToolkit() throws Exception {
    server = LoopbackServer.start(ex -> ex.respondJson(200, "{\"id\":7,\"key\":\"a\",\"key\":\"b\"}"));
    try (PostHogClient client = builder().build()) {
      PostHogDecodeException e = assertThrows(PostHogDecodeException.class,
          () -> client.project(1).featureFlags().get(7));
      assertTrue(e.getMessage().contains("Duplicate field"), e.getMessage());
      ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "1", "id", 7));
      assertInstanceOf(PostHogDecodeException.class, r.exception().orElseThrow());
    }
  }

  @Test
  void aFractionInAnIntegerFieldFailsOnlyThatFieldAndIsKeptAsSent() throws Exception {
    server = LoopbackServer.start(ex -> ex.respondJson(200, "{\"id\":7.9,\"key\":\"beta\"}"));
    try (PostHogClient client = builder().build()) {
      FeatureFlag flag = client.project(1).featureFlags().get(7);
      assertEquals("beta", flag.getKey());
      InvalidValueException e = assertThrows(InvalidValueException.class, flag::getId);
      assertEquals("/id", e.pointer());
      assertEquals("7.9", flag.rawValue("id").toString());
      // The toolkit hands the value on as PostHog sent it, not rounded.
      ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "1", "id", 7));
      assertEquals("7.9", r.data().get("id").toString());
    }
  }

  @Test
  void invalidUtf8IsADecodeError() throws Exception {
    byte[] overlong = {'{', '"', 'k', 'e', 'y', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    server = LoopbackServer.start(ex -> ex.respond(200, "application/json", overlong));
    try (PostHogClient client = builder().build()) {
      PostHogDecodeException e = assertThrows(PostHogDecodeException.class,
          () -> client.generated(TestApi.class).getFlagJson(1, 7));
      assertTrue(e.getMessage().contains("not valid UTF-8: an overlong encoding"), e.getMessage());
      ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "1", "id", 7));
      assertInstanceOf(PostHogDecodeException.class, r.exception().orElseThrow());
    }
  }

  // ------------------------------------------------------------------ messages

  @Test
  void aHugeErrorDetailMakesABoundedMessageWithoutControlCharacters() throws Exception {
    String detail = "\u001b[31mred\r\nX-Injected: yes\n" + "d".repeat(4 * 1024 * 1024);
    server = LoopbackServer.start(ex -> ex.respondJson(400, "{\"type\":\"validation_error\","
        + "\"detail\":\"" + detail.replace("\u001b", "\\u001b").replace("\r", "\\r")
            .replace("\n", "\\n") + "\"}"));
    try (PostHogClient client = builder().build()) {
      PostHogApiException e = assertThrows(PostHogApiException.class,
          () -> client.project(1).featureFlags().get(7));
      assertTrue(e.getMessage().length() < 2000, "message length " + e.getMessage().length());
      assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
      assertTrue(e.body().length() > 4 * 1024 * 1024, "the whole body stays available");
    }
  }

  // ------------------------------------------------------------------ stale connections

  @Test
  @Timeout(20)
  void aPostAfterTheServerDroppedAnIdleConnectionGoesThroughOnce() throws Exception {
    server = LoopbackServer.start(ex -> {
      ex.respondJson(ex.method.equals("POST") ? 201 : 200, "{\"id\":7,\"key\":\"k\"}");
      // Like a load balancer closing idle connections: the connection ends after each answer,
      // without the Connection: close header that would have told the client.
      ex.closeConnection();
    });
    try (PostHogClient client = builder().build()) {
      client.project(1).featureFlags().get(7);
      Thread.sleep(700);
      assertEquals("k", client.project(1).featureFlags().create(new FeatureFlag().key("k")).getKey());
    }
    assertEquals(2, server.requests(), "the POST was sent once, on a fresh connection");
  }

  // ------------------------------------------------------------------ threads

  @Test
  @Timeout(30)
  void asyncCallsWithoutAnExecutorRunOnABoundedPool() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server = LoopbackServer.start(ex -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.respondJson(200, "{\"id\":7}");
    });
    try (PostHogClient client = builder().build()) {
      List<java.util.concurrent.CompletableFuture<JsonNode>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 600; i++) {
        futures.add(client.async(c -> c.generated(TestApi.class).getFlagJson(1, 7)));
      }
      Thread.sleep(300);
      long asyncThreads = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("posthog-async-")).count();
      assertTrue(asyncThreads <= 16, "async threads: " + asyncThreads);
      release.countDown();
      for (java.util.concurrent.CompletableFuture<JsonNode> f : futures) {
        assertEquals(7, f.get(20, TimeUnit.SECONDS).get("id").asInt());
      }
    }
  }

  @Test
  void clientsThatAreNeverUsedStartNoThread() throws Exception {
    server = LoopbackServer.start(ex -> ex.respondJson(200, "{}"));
    List<PostHogClient> clients = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      clients.add(builder().build());
    }
    long watchdogs = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("posthog-")).count();
    for (PostHogClient c : clients) {
      c.close();
    }
    assertEquals(0, watchdogs, "threads of unused clients");
  }

  @Test
  @Timeout(20)
  void closeWakesACallWaitingForAConnectionAtOnce() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    server = LoopbackServer.start(ex -> {
      held.countDown();
      ex.hang();
    });
    PostHogClient client = builder().maxConnections(1)
        .readTimeout(java.time.Duration.ofSeconds(30)).callTimeout(java.time.Duration.ofSeconds(60))
        .build();
    Thread holder = new Thread(() -> {
      try {
        client.generated(TestApi.class).getFlagJson(1, 1);
      } catch (RuntimeException expected) {
        // ends when the client closes
      }
    });
    holder.start();
    assertTrue(held.await(5, TimeUnit.SECONDS));
    java.util.concurrent.CompletableFuture<Throwable> waiting = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> {
          try {
            client.generated(TestApi.class).getFlagJson(1, 2);
            return null;
          } catch (RuntimeException e) {
            return e;
          }
        });
    Thread.sleep(300);
    long start = System.nanoTime();
    client.close();
    Throwable t = waiting.get(5, TimeUnit.SECONDS);
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3000);
    assertInstanceOf(IllegalStateException.class, t, String.valueOf(t));
    assertEquals("this PostHogClient is closed", t.getMessage());
    holder.join(5000);
  }

  // ------------------------------------------------------------------ 429 storms

  /**
   * Runs 32 callers into a 429 with Retry-After: 1 each (on its first request), through a client made by
   * {@code settings} (given the server's URL), and returns when each retry arrived.
   */
  private List<Long> retryArrivals(java.util.function.Function<String, PostHogClientBuilder> settings)
      throws Exception {
    List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    server = LoopbackServer.start(ex -> {
      // each caller's first request is refused, however late it arrives
      if (seen.add(ex.rawPath())) {
        ex.respondJson(429, "{\"type\":\"throttled_error\",\"detail\":\"slow down\"}",
            "Retry-After: 1");
      } else {
        arrivals.add(System.nanoTime());
        ex.respondJson(200, "{\"id\":7}");
      }
    });
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
    try (PostHogClient client = settings.apply(server.baseUrl()).build()) {
      List<java.util.concurrent.Future<JsonNode>> done = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        long flag = 100 + i;
        done.add(pool.submit(() -> client.generated(TestApi.class).getFlagJson(1, flag)));
      }
      for (java.util.concurrent.Future<JsonNode> f : done) {
        assertEquals(7, f.get(30, TimeUnit.SECONDS).get("id").asInt());
      }
    } finally {
      pool.shutdownNow();
    }
    return arrivals;
  }

  @Test
  @Timeout(30)
  void callersToldTheSameRetryAfterDoNotReturnAsOneWave() throws Exception {
    List<Long> arrivals = retryArrivals(url -> PostHogClient.builder().apiKey(API_KEY)
        .baseUrl(url).rateLimits(RateLimits.off()).maxRetries(1));
    long spread = java.util.Collections.max(arrivals) - java.util.Collections.min(arrivals);
    assertEquals(32, arrivals.size());
    assertTrue(TimeUnit.NANOSECONDS.toMillis(spread) >= 100,
        "the retries came within " + TimeUnit.NANOSECONDS.toMillis(spread) + " ms of each other");
  }

  @Test
  @Timeout(30)
  void withTheLimiterOnRetriesResumeOneAfterAnother() throws Exception {
    RateLimits limits = RateLimits.posthogDefaults()
        .with(dev.hedgekit.posthog.config.LimitClass.CRUD, 1200, 72_000);
    List<Long> arrivals = retryArrivals(url -> PostHogClient.builder().apiKey(API_KEY)
        .baseUrl(url).rateLimits(limits).maxRetries(1));
    java.util.Collections.sort(arrivals);
    long span = arrivals.get(arrivals.size() - 1) - arrivals.get(0);
    // 1200 a minute is one every 50 ms: 32 retries after the pause span at least 31 intervals.
    assertTrue(TimeUnit.NANOSECONDS.toMillis(span) >= 31 * 50 - 20,
        "the retries spanned " + TimeUnit.NANOSECONDS.toMillis(span) + " ms");
  }

  // ------------------------------------------------------------------ requests we refuse

  @Test
  void headersTheClientOwnsAreRefusedInRequestOptions() {
    for (String name : List.of("Authorization", "Accept", "User-Agent", "Content-Type",
        "Content-Length", "Host")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RequestOptions.builder().header(name, "x"), name);
      assertTrue(e.getMessage().contains("is set by the client"), e.getMessage());
    }
  }

  @Test
  void anUnpairedSurrogateInAPathValueIsRefusedBeforeSending() throws Exception {
    server = LoopbackServer.start(ex -> ex.respondJson(200, "{}"));
    try (PostHogClient client = builder().build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> client.generated(FeatureFlagsApi.class).featureFlagsRetrieve("1\uD800", 7L));
      assertTrue(e.getMessage().contains("unpaired surrogate (U+D800)"), e.getMessage());
    }
    assertEquals(0, server.requests());
  }

  @Test
  void plainHttpGoesOnlyToLiteralLoopbackWithoutTheOptIn() {
    for (String url : List.of("http://evil.localhost:8000", "http://localhost.evil.example",
        "http://10.0.0.1")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PostHogClient.builder().apiKey(API_KEY).baseUrl(url).build(), url);
      assertTrue(e.getMessage().contains("plain http"), e.getMessage());
    }
  }
}
