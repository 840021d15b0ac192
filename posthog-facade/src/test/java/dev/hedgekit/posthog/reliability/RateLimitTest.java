package dev.hedgekit.posthog.reliability;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolError;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.config.LimitClass;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.support.RecordingSleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optional client-side rate limiter: one budget per {@link LimitClass}, shared by every
 * thread and view of one client; like PostHog's throttles it allows n requests in any window
 * (a minute, an hour): a full window's worth goes at once, and the next goes when the oldest
 * has left the window (plus a margin of 1% of the window); a call whose slot lies beyond its
 * call timeout fails at once and sends nothing. Time is injected ({@link Clock} and sleeper), so the waits are
 * asserted exactly and nothing waits for real.
 */
class RateLimitTest {

  private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
  /** A minute and its 1% margin: when the oldest of a minute's requests has left the window. */
  private static final Duration M = Duration.ofMillis(60_600);
  /** An hour and its 1% margin. */
  private static final Duration H = Duration.ofSeconds(3636);

  private LoopbackServer server;
  /** Virtual send times, as seen by the server (for tests that use {@link VirtualTime}). */
  private final List<Duration> arrivals = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
  private volatile VirtualTime time;
  private final List<PostHogClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = LoopbackServer.start(ex -> {
      VirtualTime t = time;
      if (t != null) {
        arrivals.add(t.elapsed());
      }
      int n = perPath.computeIfAbsent(ex.rawPath(), k -> new AtomicInteger()).incrementAndGet();
      if (ex.rawPath().endsWith("/77/") && n == 1) {
        ex.respondJson(503, "{\"type\":\"server_error\"}");
        return;
      }
      if (ex.rawPath().endsWith("/429/") && n == 1) {
        // as PostHog's throttles answer (DRF Throttled): whole seconds in Retry-After
        ex.respondJson(429, "{\"type\":\"throttled_error\",\"code\":\"throttled\","
            + "\"detail\":\"Request was throttled. Expected available in 10 seconds.\"}",
            "Retry-After: 10");
        return;
      }
      String[] seg = ex.rawPath().split("/");
      String id = seg.length > 5 ? seg[5] : "0";
      ex.respondJson(200, "{\"id\":" + (id.matches("\\d+") ? id : "0")
          + ",\"key\":\"k\",\"results\":[],\"count\":0,"
          + "\"query_status\":{\"id\":\"q\",\"complete\":true}}");
    });
  }

  @AfterEach
  void stop() throws InterruptedException {
    clients.forEach(PostHogClient::close);
    server.close();
  }

  private PostHogClient client(RateLimits limits, Clock clock,
      dev.hedgekit.posthog.config.Sleeper sleeper, Duration callTimeout) {
    PostHogClient c = PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
        .rateLimits(limits).clock(clock).sleeper(sleeper).callTimeout(callTimeout)
        .maxConnections(64).build();
    clients.add(c);
    return c;
  }

  private static Clock fixed() {
    return Clock.fixed(T0, ZoneOffset.UTC);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(2);
    }
  }

  // ------------------------------------------------------------------ shared by all threads

  @Test
  void threadsTogetherSendTheWindowsWorthThenWaitForItToPass() throws Exception {
    time = new VirtualTime(T0);
    PostHogClient c = client(RateLimits.off().with(LimitClass.CRUD, 5, 100), time,
        time.sleeper(), Duration.ofMinutes(10));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<FeatureFlag>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int id = 100 + i;
        results.add(pool.submit(() -> {
          go.await();
          return c.project(1).featureFlags().get(id);
        }));
      }
      go.countDown();
      // A minute's worth (5) goes at once; the other 3 threads wait for the window to pass.
      await(() -> server.requests() == 5 && time.sleeping() == 3, "5 sent and 3 waiting");
      Thread.sleep(150);
      assertEquals(5, server.requests(), "no more than the window allows before time moves");
      time.advance(M.minusMillis(1));
      Thread.sleep(150);
      assertEquals(5, server.requests(), "nothing before the window has passed");
      time.advance(Duration.ofMillis(1));
      await(() -> server.requests() == 8, "8 sent");
      List<Long> ids = new ArrayList<>();
      for (Future<FeatureFlag> f : results) {
        ids.add(f.get(5, TimeUnit.SECONDS).getId());
      }
      Collections.sort(ids);
      assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L), ids);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ZERO, M, M, M), arrivals, "virtual send times");
    assertEquals(List.of(M, M, M), time.waits());
  }

  @Test
  void manyThreadsWaitExactlyTheComputedTimes() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    PostHogClient c = client(RateLimits.posthogDefaults().with(LimitClass.CRUD, 5, 1000), fixed(),
        sleeper, Duration.ofMinutes(10));
    int threads = 24;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int id = i;
        done.add(pool.submit(() -> {
          go.await();
          return c.project(1).featureFlags().get(id);
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // 5 went at once; the 19 others went 5 a window, each given its slot exactly once.
    List<Duration> waits = new ArrayList<>(sleeper.sleeps());
    Collections.sort(waits);
    List<Duration> expected = new ArrayList<>();
    for (int k = 5; k < threads; k++) {
      expected.add(M.multipliedBy(k / 5));
    }
    assertEquals(expected, waits);
    assertEquals(threads, server.requests());
  }

  @Test
  void theHourlyBudgetIsEnforcedToo() {
    RecordingSleeper sleeper = new RecordingSleeper();
    PostHogClient c = client(RateLimits.off().with(LimitClass.CRUD, 60, 10), fixed(), sleeper,
        Duration.ofHours(2));
    for (int i = 0; i < 12; i++) {
      c.project(1).featureFlags().get(i);
    }
    // 10 per hour: the 11th and 12th wait until the first 10 have left the hour.
    assertEquals(List.of(H, H), sleeper.sleeps());
  }

  // ------------------------------------------------------------------ classes are separate

  @Test
  void eachClassHasItsOwnBudget() {
    RecordingSleeper sleeper = new RecordingSleeper();
    PostHogClient c = client(RateLimits.posthogDefaults().with(LimitClass.CRUD, 5, 1000)
        .with(LimitClass.QUERY, 2, 1000), fixed(), sleeper, Duration.ofMinutes(10));
    for (int i = 0; i < 5; i++) {
      c.project(1).featureFlags().get(i);                                  // CRUD: the whole burst
    }
    c.project(1).query().status("q-1");                                    // QUERY: not CRUD's budget
    ToolResult r = c.toolkit().execute("POSTHOG_RETRIEVE_ASYNC_QUERY_STATUS_BY_ID",
        Map.of("project_id", 1, "id", "q-2"));                   // QUERY, through an action
    assertTrue(r.successful(), r::toJsonString);
    c.project(1).persons().list();                                         // ANALYTICS: 240/min
    assertEquals(List.of(), sleeper.sleeps(), "no class waited for another's budget");
    assertEquals(8, server.requests());

    c.project(1).query().status("q-3");                                    // QUERY's 3rd: a window
    c.project(1).featureFlags().get(5);                                    // CRUD's 6th: a window
    assertEquals(List.of(M, M), sleeper.sleeps());
  }

  @Test
  void viewsShareTheirClientsBudgetAndOtherClientsDoNot() {
    RecordingSleeper sleeper = new RecordingSleeper();
    PostHogClient c = client(RateLimits.off().with(LimitClass.CRUD, 5, 1000), fixed(), sleeper,
        Duration.ofMinutes(10));
    PostHogClient view = c.withOptions(RequestOptions.builder().header("X-View", "v").build());
    for (int i = 0; i < 3; i++) {
      c.project(1).featureFlags().get(i);
    }
    view.project(1).featureFlags().get(3);
    view.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS", Map.of("project_id", 1, "id", 4));
    assertEquals(List.of(), sleeper.sleeps());
    view.project(1).featureFlags().get(5);
    assertEquals(List.of(M), sleeper.sleeps());

    PostHogClient other = client(RateLimits.off().with(LimitClass.CRUD, 5, 1000), fixed(), sleeper,
        Duration.ofMinutes(10));
    other.project(1).featureFlags().get(6);
    assertEquals(List.of(M), sleeper.sleeps(), "a second client has a budget of its own");
  }

  @Test
  void everyAttemptTakesASlotRetriesIncluded() {
    RecordingSleeper sleeper = new RecordingSleeper();
    PostHogClient c = PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
        .rateLimits(RateLimits.off().with(LimitClass.CRUD, 2, 1000)).clock(fixed())
        .sleeper(sleeper).jitterSource(() -> 0.5).callTimeout(Duration.ofMinutes(10)).build();
    clients.add(c);
    // Flag 77 answers 503 once: attempt 1, the 200 ms backoff, attempt 2 use the burst of 2.
    assertEquals(77, c.project(1).featureFlags().get(77).getId());
    assertEquals(2, server.requests());
    c.project(1).featureFlags().get(1);
    assertEquals(List.of(Duration.ofMillis(200), M), sleeper.sleeps());
  }

  @Test
  void after429TheClassResumesWhenPostHogSaidThenOneSlotAtATime() {
    RecordingSleeper sleeper = new RecordingSleeper();
    PostHogClient c = PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
        .rateLimits(RateLimits.off().with(LimitClass.CRUD, 5, 1000)).clock(fixed())
        .sleeper(sleeper).jitterSource(() -> 0.5).callTimeout(Duration.ofMinutes(10)).build();
    clients.add(c);
    // Another process used up the key: PostHog says 10 s. The retry pauses 10 s plus a tenth
    // (the spread), then the class counts as full from T0 + 10 s, freeing one slot per 12 s.
    assertEquals(429, c.project(1).featureFlags().get(429).getId());
    c.project(1).featureFlags().get(1);
    c.project(1).featureFlags().get(2);
    assertEquals(List.of(Duration.ofSeconds(11), Duration.ofSeconds(10), Duration.ofSeconds(22),
        Duration.ofSeconds(34)), sleeper.sleeps());
    assertEquals(4, server.requests());
  }

  // ------------------------------------------------------------------ beyond the call timeout

  @Test
  void aSlotBeyondTheCallTimeoutFailsAtOnceAndSendsNothing() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    PostHogClient c = client(RateLimits.off().with(LimitClass.CRUD, 1, 60), fixed(), sleeper,
        Duration.ofSeconds(5));
    c.project(1).featureFlags().get(1);
    assertEquals(1, server.requests());

    long start = System.nanoTime();
    PostHogTimeoutException e = assertThrows(PostHogTimeoutException.class,
        () -> c.project(1).featureFlags().get(2));
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    assertTrue(elapsed < 500, "failed at once, not after waiting: " + elapsed + " ms");
    assertEquals("client-side CRUD rate limit: the next free slot is later than the call timeout"
        + " allows; nothing was sent", e.getMessage());
    assertFalse(e.requestMayHaveBeenSent());

    ToolResult r = c.toolkit().execute("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT",
        Map.of("project_id", 1, "key", "beta"));
    assertEquals(ToolError.Kind.TIMEOUT, r.error().kind(), r::toJsonString);
    assertEquals(e.getMessage(), r.error().message());
    Exception async = assertThrows(Exception.class,
        () -> c.async(x -> x.project(1).featureFlags().get(3)).get(5, TimeUnit.SECONDS));
    assertInstanceOf(PostHogTimeoutException.class, async.getCause());
    assertEquals(1, server.requests(), "nothing was sent");
    assertEquals(List.of(), sleeper.sleeps());

    // Refused calls reserved nothing: a call allowed to wait gets the very next slot.
    c.withOptions(RequestOptions.builder().callTimeout(Duration.ofMinutes(2)).build())
        .project(1).featureFlags().get(4);
    assertEquals(List.of(M), sleeper.sleeps());
    assertEquals(2, server.requests());
  }
}
