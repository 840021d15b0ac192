package dev.hedgekit.posthog.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static dev.hedgekit.posthog.support.TestClients.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.PostHogClientBuilder;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.RateLimitedException;
import dev.hedgekit.posthog.errors.ServerErrorException;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retry rules, with an injected recording sleeper and constant jitter so waits are exact. */
class RetryTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG = TestApi.flagPath(1, 7);
  private static final String FLAGS = TestApi.flagsPath(1);
  private static final String FLAG_JSON = "{\"id\":7,\"key\":\"beta\"}";

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private PostHogClient client;

  private TestApi api(PostHogClientBuilder builder) {
    client = builder.build();
    return client.generated(TestApi.class);
  }

  private TestApi api() {
    return api(TestClients.builder(wm, sleeper));
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private static ResponseDefinitionBuilder status(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"server_error\",\"detail\":\"status " + status + "\"}");
  }

  private static ResponseDefinitionBuilder throttled(String retryAfter) {
    ResponseDefinitionBuilder r = status(429);
    return retryAfter == null ? r : r.withHeader("Retry-After", retryAfter);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void retryAfterSecondsIsWaitedWithATenthOnTopAtMidJitter() {
    sequence(wm, () -> get(urlEqualTo(FLAG)), throttled("2"), okJson(FLAG_JSON));
    assertEquals("beta", api().getFlag(1, 7).get("key"));
    // Jitter 0.5 adds a tenth: callers told the same Retry-After do not return together.
    assertEquals(List.of(Duration.ofMillis(2200)), sleeper.sleeps());
    wm.verify(2, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void retryAfterHttpDateIsRelativeToTheClientClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-10-21T07:27:57Z"), ZoneOffset.UTC);
    sequence(wm, () -> get(urlEqualTo(FLAG)), throttled("Wed, 21 Oct 2026 07:28:00 GMT"), okJson(FLAG_JSON));
    assertEquals(7, api(TestClients.builder(wm, sleeper).clock(clock)).getFlag(1, 7).get("id"));
    assertEquals(List.of(Duration.ofMillis(3300)), sleeper.sleeps());
    wm.verify(2, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void retryAfterDateInThePastRetriesAtOnce() {
    Clock clock = Clock.fixed(Instant.parse("2026-10-21T07:30:00Z"), ZoneOffset.UTC);
    sequence(wm, () -> get(urlEqualTo(FLAG)), throttled("Wed, 21 Oct 2026 07:28:00 GMT"), okJson(FLAG_JSON));
    api(TestClients.builder(wm, sleeper).clock(clock)).getFlag(1, 7);
    assertEquals(List.of(Duration.ZERO), sleeper.sleeps());
  }

  @Test
  void throttledWithoutRetryAfterUsesTheBackoff() {
    sequence(wm, () -> get(urlEqualTo(FLAG)), throttled(null), okJson(FLAG_JSON));
    api().getFlag(1, 7);
    assertEquals(List.of(ms(200)), sleeper.sleeps());
    wm.verify(2, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void getIsRetriedOn503WithDoublingBackoff() {
    sequence(wm, () -> get(urlEqualTo(FLAG)), status(503), status(503), okJson(FLAG_JSON));
    assertEquals("beta", api().getFlag(1, 7).get("key"));
    assertEquals(List.of(ms(200), ms(400)), sleeper.sleeps());
    wm.verify(3, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void jitterSpreadsTheBackoff() {
    sequence(wm, () -> get(urlEqualTo(FLAG)), status(503), okJson(FLAG_JSON));
    api(TestClients.builder(wm, sleeper).jitterSource(() -> 0.0)).getFlag(1, 7);
    assertEquals(List.of(ms(160)), sleeper.sleeps(), "-20% jitter at 0.0");
  }

  @Test
  void retriesAreExhaustedAfterFourAttempts() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(status(503)));
    TestApi api = api();
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> api.getFlag(1, 7));
    assertEquals(503, e.status());
    assertEquals(List.of(ms(200), ms(400), ms(800)), sleeper.sleeps());
    wm.verify(4, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void perCallMaxRetriesOverridesThePolicy() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(status(503)));
    TestApi api = api();
    RequestOptions once = RequestOptions.builder().maxRetries(1).build();
    assertThrows(ServerErrorException.class, () -> client.withOptions(once).generated(TestApi.class).getFlag(1, 7));
    assertEquals(List.of(ms(200)), sleeper.sleeps());
    wm.verify(2, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void postAnswered500IsNotReplayed() {
    wm.stubFor(post(urlEqualTo(FLAGS)).willReturn(status(500)));
    TestApi api = api();
    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> api.createFlag(1, Map.of("key", "beta")));
    assertEquals(500, e.status());
    wm.verify(1, postRequestedFor(urlEqualTo(FLAGS)));
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void postAnswered503IsNotReplayed() {
    wm.stubFor(post(urlEqualTo(FLAGS)).willReturn(status(503)));
    TestApi api = api();
    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> api.createFlag(1, Map.of("key", "beta")));
    assertEquals(503, e.status());
    wm.verify(1, postRequestedFor(urlEqualTo(FLAGS)));
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void postAnswered429IsReplayedWithTheSameBody() {
    sequence(wm, () -> post(urlEqualTo(FLAGS)), throttled("1"),
        aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(FLAG_JSON));
    Map<String, Object> created = api().createFlag(1, Map.of("key", "beta", "active", true));
    assertEquals(7, created.get("id"));
    assertEquals(List.of(Duration.ofMillis(1100)), sleeper.sleeps());
    wm.verify(2, postRequestedFor(urlEqualTo(FLAGS))
        .withRequestBody(equalToJson("{\"key\":\"beta\",\"active\":true}")));
  }

  @Test
  void putAndDeleteAreRetriedOn503() {
    sequence(wm, () -> put(urlEqualTo(FLAG)), status(503), okJson(FLAG_JSON));
    sequence(wm, () -> delete(urlEqualTo(FLAG)), status(503), aResponse().withStatus(204));
    TestApi api = api();
    assertEquals(7, api.replaceFlag(1, 7, Map.of("key", "beta")).get("id"));
    api.deleteFlag(1, 7);
    wm.verify(2, putRequestedFor(urlEqualTo(FLAG)).withRequestBody(equalToJson("{\"key\":\"beta\"}")));
    wm.verify(2, deleteRequestedFor(urlEqualTo(FLAG)));
    assertEquals(List.of(ms(200), ms(200)), sleeper.sleeps());
  }

  @Test
  void retryAfterBeyondTheMaximumIsNotWaitedFor() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(throttled("120")));
    // A call timeout long enough for the wait, so that only maxRetryAfter (60 s) refuses it.
    TestApi api = api(TestClients.builder(wm, sleeper).callTimeout(Duration.ofMinutes(5)));
    RateLimitedException e = assertThrows(RateLimitedException.class, () -> api.getFlag(1, 7));
    assertEquals(Optional.of(Duration.ofSeconds(120)), e.retryAfter());
    assertEquals(List.of(), sleeper.sleeps());
    wm.verify(1, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void connectionRefusedIsRetriedEvenForPostAndSaysNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    TestApi api = api(TestClients.builder(wm, sleeper).baseUrl("http://127.0.0.1:" + closedPort));
    PostHogIoException e = assertThrows(PostHogIoException.class,
        () -> api.createFlag(1, Map.of("key", "beta")));
    assertSame(PostHogIoException.class, e.getClass(), "not a timeout: " + e);
    assertFalse(e.requestMayHaveBeenSent());
    assertTrue(e.getMessage().startsWith("could not connect for POST " + FLAGS), e.getMessage());
    assertTrue(e.getMessage().endsWith("(4 attempt(s))"), e.getMessage());
    assertEquals(List.of(ms(200), ms(400), ms(800)), sleeper.sleeps());
    assertNoKey(e);
  }

  @Test
  void getIsRetriedAfterAConnectionReset() {
    sequence(wm, () -> get(urlEqualTo(FLAG)),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(FLAG_JSON));
    assertEquals("beta", api().getFlag(1, 7).get("key"));
    wm.verify(2, getRequestedFor(urlEqualTo(FLAG)));
    assertEquals(List.of(ms(200)), sleeper.sleeps());
  }

  @Test
  void postIsNotReplayedAfterAConnectionReset() {
    sequence(wm, () -> post(urlEqualTo(FLAGS)),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(FLAG_JSON));
    TestApi api = api();
    PostHogIoException e = assertThrows(PostHogIoException.class,
        () -> api.createFlag(1, Map.of("key", "beta")));
    assertTrue(e.requestMayHaveBeenSent());
    assertTrue(e.getMessage().startsWith("network failure during POST " + FLAGS), e.getMessage());
    assertTrue(e.getMessage().endsWith("(1 attempt(s))"), e.getMessage());
    wm.verify(1, postRequestedFor(urlEqualTo(FLAGS)));
    assertEquals(List.of(), sleeper.sleeps());
    assertNoKey(e);
  }
}
