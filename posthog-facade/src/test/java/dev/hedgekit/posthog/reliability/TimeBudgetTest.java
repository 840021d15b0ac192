package dev.hedgekit.posthog.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static dev.hedgekit.posthog.support.TestClients.settledCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolError;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real-time budgets, measured: per-attempt read timeouts against a slow answer, the overall
 * call deadline against a server that accepts and never answers (with and without retries,
 * blocking, async and through actions), and the connect timeout against a listener whose
 * accept queue is full. Each failure is a {@link PostHogTimeoutException} (or a TIMEOUT
 * envelope) that arrives inside the computed window. The trickling answer that never trips a
 * read timeout is in {@code http/TimeoutTest}.
 */
class TimeBudgetTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG_JSON = "{\"id\":7,\"key\":\"beta\"}";

  private LoopbackServer silent;
  private final List<PostHogClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    silent = LoopbackServer.start(LoopbackServer.Exchange::hang);
  }

  @AfterEach
  void stop() throws InterruptedException {
    clients.forEach(PostHogClient::close);
    silent.close();
  }

  /** Real sleeper, jitter fixed at 0.5: backoffs of exactly 200, 400, 800 ms. */
  private PostHogClient client(String baseUrl, Duration read, Duration call, int retries) {
    PostHogClient c = PostHogClient.builder().apiKey(API_KEY).baseUrl(baseUrl)
        .jitterSource(() -> 0.5).connectTimeout(Duration.ofMillis(300))
        .readTimeout(read).callTimeout(call).maxRetries(retries).build();
    clients.add(c);
    return c;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void assertWithin(long elapsed, long min, long max) {
    assertTrue(elapsed >= min && elapsed <= max,
        "elapsed " + elapsed + " ms, expected " + min + ".." + max);
  }

  // ------------------------------------------------------------------ slower than the read timeout

  @Test
  void aSlowAnswerTripsTheReadTimeoutOfEachAttempt() throws InterruptedException {
    String path = "/api/projects/1/feature_flags/201/";
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(FLAG_JSON).withFixedDelay(2000)));
    PostHogClient c = client(wm.baseUrl(), Duration.ofMillis(300), Duration.ofSeconds(10), 1);
    long start = System.nanoTime();
    PostHogTimeoutException e = assertThrows(PostHogTimeoutException.class,
        () -> c.project(1).featureFlags().get(201));
    // 300 ms attempt + 200 ms backoff + 300 ms attempt.
    assertWithin(millisSince(start), 780, 1500);
    assertTrue(e.getMessage().startsWith("read timed out waiting for GET " + path), e.getMessage());
    assertTrue(e.getMessage().endsWith("(2 attempt(s))"), e.getMessage());
    assertTrue(e.requestMayHaveBeenSent());
    assertEquals(2, settledCount(wm, getRequestedFor(urlPathEqualTo(path)), 2));
    assertNoKey(e);
  }

  @Test
  void aSlowAnswerToAnActionPostIsATimeoutEnvelopeAfterOneAttempt() throws InterruptedException {
    String path = "/api/projects/2/feature_flags/";
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(FLAG_JSON).withFixedDelay(2000)));
    PostHogClient c = client(wm.baseUrl(), Duration.ofMillis(300), Duration.ofSeconds(10), 3);
    long start = System.nanoTime();
    ToolResult r = c.toolkit().execute("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT",
        Map.of("project_id", 2, "key", "beta"));
    assertWithin(millisSince(start), 280, 1000);
    assertFalse(r.successful());
    assertEquals(ToolError.Kind.TIMEOUT, r.error().kind(), r::toJsonString);
    assertTrue(r.error().message().startsWith("read timed out waiting for POST " + path), r.error().message());
    assertTrue(r.error().message().endsWith("(1 attempt(s))"), r.error().message());
    assertEquals(1, settledCount(wm, postRequestedFor(urlPathEqualTo(path)), 1), "a POST is not replayed");
  }

  // ------------------------------------------------------------------ a server that never answers

  @Test
  void aServerThatNeverAnswersIsCutOffAtTheCallDeadline() {
    // The read timeout (60 s) would wait far longer: the 700 ms deadline ends the call.
    PostHogClient c = client(silent.baseUrl(), Duration.ofSeconds(60), Duration.ofMillis(700), 3);
    long start = System.nanoTime();
    PostHogTimeoutException e = assertThrows(PostHogTimeoutException.class,
        () -> c.project(1).featureFlags().get(7));
    assertWithin(millisSince(start), 680, 1300);
    assertTrue(e.requestMayHaveBeenSent());
    assertEquals(1, silent.connectionsAccepted(), "no retry once the deadline has passed");
    assertNoKey(e);

    start = System.nanoTime();
    e = assertThrows(PostHogTimeoutException.class,
        () -> c.project(1).featureFlags().create(new FeatureFlag().key("beta")));
    assertWithin(millisSince(start), 680, 1300);
    assertEquals(2, silent.connectionsAccepted());
  }

  @Test
  void aServerThatNeverAnswersIsRetriedWithinTheDeadline() {
    // 250 ms attempt, 200 ms backoff, 250 ms attempt; the next backoff (400 ms) would pass
    // the 1 s deadline, so the call ends there, at about 700 ms.
    PostHogClient c = client(silent.baseUrl(), Duration.ofMillis(250), Duration.ofSeconds(1), 3);
    long start = System.nanoTime();
    PostHogTimeoutException e = assertThrows(PostHogTimeoutException.class,
        () -> c.project(1).featureFlags().get(7));
    assertWithin(millisSince(start), 680, 1100);
    assertTrue(e.getMessage().startsWith("read timed out waiting for GET /api/projects/1/feature_flags/7/"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(2 attempt(s))"), e.getMessage());
    assertEquals(2, silent.connectionsAccepted());
  }

  @Test
  void aServerThatNeverAnswersGivesATimeoutEnvelopeInTime() {
    PostHogClient c = client(silent.baseUrl(), Duration.ofSeconds(60), Duration.ofMillis(600), 3);
    long start = System.nanoTime();
    ToolResult r = c.toolkit().execute("POSTHOG_PARTIAL_UPDATE_OF_A_PROJECT_S_FEATURE_FLAG",
        Map.of("project_id", 1, "id", 7, "name", "x"));
    assertWithin(millisSince(start), 580, 1200);
    assertEquals(ToolError.Kind.TIMEOUT, r.error().kind(), r::toJsonString);
    assertInstanceOf(PostHogTimeoutException.class, r.exception().orElseThrow());
    assertNoKey(r.toJsonString());
    assertEquals(1, silent.connectionsAccepted());
  }

  @Test
  void asyncCallsMeetTheSameDeadline() throws Exception {
    PostHogClient c = client(silent.baseUrl(), Duration.ofSeconds(60), Duration.ofMillis(500), 3);
    long start = System.nanoTime();
    CompletableFuture<FeatureFlag> typed = c.async(x -> x.project(1).featureFlags().get(7));
    CompletableFuture<ToolResult> action = c.toolkit().executeAsync(
        "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS", Map.of("project_id", 1, "id", 7));
    ExecutionException e = assertThrows(ExecutionException.class, () -> typed.get(5, TimeUnit.SECONDS));
    assertInstanceOf(PostHogTimeoutException.class, e.getCause());
    ToolResult r = action.get(5, TimeUnit.SECONDS);
    assertWithin(millisSince(start), 480, 1200);
    assertEquals(ToolError.Kind.TIMEOUT, r.error().kind(), r::toJsonString);
    assertEquals(2, silent.connectionsAccepted());
  }

  // ------------------------------------------------------------------ connect timeout

  @Test
  void aConnectTimeoutIsRetriedEvenForAPostBecauseNothingWasSent() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket full = new ServerSocket(0, 1, loopback)) {
      InetSocketAddress address = new InetSocketAddress(loopback, full.getLocalPort());
      List<Socket> queued = new ArrayList<>();
      try {
        // Never accepted: once the accept queue is full, further handshakes get no answer.
        boolean saturated = false;
        for (int i = 0; i < 16 && !saturated; i++) {
          Socket s = new Socket();
          queued.add(s);
          try {
            s.connect(address, 200);
          } catch (SocketTimeoutException e) {
            saturated = true;
          }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(saturated,
            "this kernel accepts handshakes beyond the backlog; no connect timeout to test");
        PostHogClient c = client("http://127.0.0.1:" + full.getLocalPort(),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 1);
        long start = System.nanoTime();
        PostHogTimeoutException e = assertThrows(PostHogTimeoutException.class,
            () -> c.project(1).featureFlags().create(new FeatureFlag().key("beta")));
        // 300 ms connect timeout, 200 ms backoff, 300 ms connect timeout.
        assertWithin(millisSince(start), 780, 1600);
        assertFalse(e.requestMayHaveBeenSent());
        assertTrue(e.getMessage().startsWith("connect timed out for POST /api/projects/1/feature_flags/"),
            e.getMessage());
        assertTrue(e.getMessage().endsWith("(2 attempt(s))"), e.getMessage());
      } finally {
        for (Socket s : queued) {
          s.close();
        }
      }
    }
  }
}
