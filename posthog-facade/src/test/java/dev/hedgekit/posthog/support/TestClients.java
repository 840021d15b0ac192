package dev.hedgekit.posthog.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.PostHogClientBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Shared fixtures: the test key, a client builder aimed at WireMock, scenario sequences. */
public final class TestClients {

  /** A distinctive key; no message, log record or toString may ever contain it. */
  public static final String API_KEY = "phx_TopSecretTestKey0123456789abcdefZZ";

  /** A fragment of the key, to catch partial leaks too. */
  public static final String KEY_FRAGMENT = "TopSecretTestKey";

  private TestClients() {
  }

  /**
   * A builder aimed at the WireMock server with short timeouts, the recording sleeper, a
   * constant jitter source (0.5 = the backoff without jitter, and a tenth on top of a
   * Retry-After) and client-side rate limiting off (RateLimitTest turns it on).
   */
  public static PostHogClientBuilder builder(WireMockExtension wm, RecordingSleeper sleeper) {
    return PostHogClient.builder()
        .rateLimits(RateLimits.off())
        .apiKey(API_KEY)
        .baseUrl(wm.baseUrl())
        .sleeper(sleeper)
        .jitterSource(() -> 0.5)
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(2))
        .callTimeout(Duration.ofSeconds(5));
  }

  /**
   * Stubs a sequence of answers for one request pattern; the last answer repeats.
   *
   * @param wm the server
   * @param request builds a fresh mapping for the request pattern
   * @param answers the answers in order
   */
  public static void sequence(WireMockExtension wm, Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder... answers) {
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

  /**
   * The number of requests matching {@code pattern}, once it reached {@code expected} (or after
   * 3 s) and then stayed put for 200 ms. WireMock may journal a request whose answer the client
   * stopped waiting for (a timeout) some time after the client gave up, so an exact count
   * read at once could be short.
   */
  public static int settledCount(WireMockExtension wm, RequestPatternBuilder pattern, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (wm.findAll(pattern).size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(200);
    return wm.findAll(pattern).size();
  }

  /** Asserts that a text holds neither the key nor a fragment of it. */
  public static void assertNoKey(String text) {
    if (text == null) {
      return;
    }
    assertFalse(text.contains(API_KEY), () -> "the API key leaked into: " + text);
    assertFalse(text.contains(KEY_FRAGMENT), () -> "part of the API key leaked into: " + text);
  }

  /** Asserts that no message in a throwable's cause chain, nor its toString, holds the key. */
  public static void assertNoKey(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertNoKey(c.getMessage());
      assertNoKey(c.toString());
    }
  }
}
