package dev.hedgekit.posthog.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.settledCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.config.Sleeper;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-attempt read timeouts and the overall call timeout, with real (short) waits. */
class TimeoutTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  // Each test uses its own flag id: WireMock journals a delayed request when its answer is
  // done, so a slow request abandoned by one test could otherwise be counted by the next.
  private static final String FLAG_JSON = "{\"id\":7,\"key\":\"beta\"}";

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Test
  void slowAnswerTripsTheReadTimeout() {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 101))).willReturn(okJson(FLAG_JSON).withFixedDelay(3000)));
    try (PostHogClient client = TestClients.builder(wm, sleeper)
        .readTimeout(Duration.ofMillis(200)).maxRetries(0).build()) {
      TestApi api = client.generated(TestApi.class);
      long start = System.nanoTime();
      PostHogTimeoutException e = assertThrows(PostHogTimeoutException.class, () -> api.getFlag(1, 101));
      long elapsed = millisSince(start);
      assertTrue(elapsed >= 150 && elapsed < 2000, "elapsed " + elapsed + " ms");
      assertTrue(e.requestMayHaveBeenSent());
      assertTrue(e.getMessage().startsWith("read timed out waiting for GET " + TestApi.flagPath(1, 101)), e.getMessage());
    }
  }

  @Test
  void getTimedOutIsRetriedButPostIsNot() throws InterruptedException {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 102))).willReturn(okJson(FLAG_JSON).withFixedDelay(2000)));
    wm.stubFor(post(urlEqualTo(TestApi.flagsPath(102))).willReturn(okJson(FLAG_JSON).withFixedDelay(2000)));
    try (PostHogClient client = TestClients.builder(wm, sleeper)
        .readTimeout(Duration.ofMillis(300)).maxRetries(1).build()) {
      TestApi api = client.generated(TestApi.class);
      assertThrows(PostHogTimeoutException.class, () -> api.getFlag(1, 102));
      assertEquals(List.of(Duration.ofMillis(200)), sleeper.sleeps());
      assertEquals(2, settledCount(wm, getRequestedFor(urlEqualTo(TestApi.flagPath(1, 102))), 2));

      PostHogTimeoutException e = assertThrows(PostHogTimeoutException.class,
          () -> api.createFlag(102, Map.of("key", "beta")));
      assertTrue(e.requestMayHaveBeenSent());
      assertTrue(e.getMessage().endsWith("(1 attempt(s))"), e.getMessage());
      assertEquals(1, sleeper.sleeps().size(), "no wait before a POST replay");
      assertEquals(1, settledCount(wm, postRequestedFor(urlEqualTo(TestApi.flagsPath(102))), 1));
    }
  }

  @Test
  void requestOptionsReadTimeoutOverridesTheClientsForOneCall() {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 103))).willReturn(okJson(FLAG_JSON).withFixedDelay(400)));
    try (PostHogClient client = TestClients.builder(wm, sleeper)
        .readTimeout(Duration.ofMillis(150)).maxRetries(0).build()) {
      TestApi api = client.generated(TestApi.class);
      RequestOptions longer = RequestOptions.builder().readTimeout(Duration.ofSeconds(3)).build();
      assertEquals("beta", client.withOptions(longer).generated(TestApi.class).getFlag(1, 103).get("key"));
      // The next call without options uses the client's 150 ms again.
      assertThrows(PostHogTimeoutException.class, () -> api.getFlag(1, 103));
    }
  }

  @Test
  void requestOptionsCanShortenTheReadTimeout() {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 104))).willReturn(okJson(FLAG_JSON).withFixedDelay(3000)));
    try (PostHogClient client = TestClients.builder(wm, sleeper)
        .readTimeout(Duration.ofSeconds(5)).maxRetries(0).build()) {
      TestApi api = client.generated(TestApi.class);
      RequestOptions shorter = RequestOptions.builder().readTimeout(Duration.ofMillis(150)).build();
      long start = System.nanoTime();
      assertThrows(PostHogTimeoutException.class, () -> client.withOptions(shorter).generated(TestApi.class).getFlag(1, 104));
      long elapsed = millisSince(start);
      assertTrue(elapsed >= 100 && elapsed < 2000, "elapsed " + elapsed + " ms");
    }
  }

  @Test
  void callTimeoutStopsRetries() throws InterruptedException {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 105))).willReturn(aResponse().withStatus(503).withFixedDelay(100)
        .withHeader("Content-Type", "application/json").withBody("{\"type\":\"server_error\"}")));
    // Without a deadline this would take 4 x 100 ms + 200 + 400 + 800 ms of real waits.
    try (PostHogClient client = TestClients.builder(wm, sleeper).sleeper(Sleeper.system())
        .callTimeout(Duration.ofMillis(300)).build()) {
      TestApi api = client.generated(TestApi.class);
      long start = System.nanoTime();
      assertThrows(PostHogException.class, () -> api.getFlag(1, 105));
      long elapsed = millisSince(start);
      assertTrue(elapsed < 1000, "elapsed " + elapsed + " ms");
      int requests = settledCount(wm, getRequestedFor(urlEqualTo(TestApi.flagPath(1, 105))), 1);
      assertTrue(requests >= 1 && requests < 4, "requests " + requests);
    }
  }

  @Test
  void perCallTimeoutStopsRetries() {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 106))).willReturn(aResponse().withStatus(503).withFixedDelay(100)));
    try (PostHogClient client = TestClients.builder(wm, sleeper).sleeper(Sleeper.system()).build()) {
      TestApi api = client.generated(TestApi.class);
      RequestOptions opts = RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build();
      long start = System.nanoTime();
      assertThrows(PostHogException.class, () -> client.withOptions(opts).generated(TestApi.class).getFlag(1, 106));
      long elapsed = millisSince(start);
      assertTrue(elapsed < 1000, "elapsed " + elapsed + " ms");
    }
  }

  @Test
  void callTimeoutCutsAnAnswerThatTricklesIn() {
    // 20 chunks over 3 s: every read gets data well within the 1 s read timeout.
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 107))).willReturn(okJson("{\"id\":7,\"key\":\"" + "b".repeat(200) + "\"}")
        .withChunkedDribbleDelay(20, 3000)));
    try (PostHogClient client = TestClients.builder(wm, sleeper)
        .readTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofMillis(500)).build()) {
      TestApi api = client.generated(TestApi.class);
      long start = System.nanoTime();
      PostHogException e = assertThrows(PostHogException.class, () -> api.getFlag(1, 107));
      long elapsed = millisSince(start);
      assertInstanceOf(PostHogTimeoutException.class, e, e.toString());
      assertTrue(elapsed >= 400 && elapsed < 1500, "elapsed " + elapsed + " ms");
      assertTrue(e.getMessage().startsWith("call timeout expired"), e.getMessage());
    }
  }
}
