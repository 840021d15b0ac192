package dev.hedgekit.posthog.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AsyncTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  // The slow request of the cancel test uses its own path: WireMock journals a delayed request
  // when its answer is done, which could otherwise be counted by a later test.
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @Test
  void callAsyncCompletesWithTheResult() throws Exception {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 7))).willReturn(okJson("{\"id\":7,\"key\":\"beta\"}")));
    try (PostHogClient client = TestClients.builder(wm, sleeper).build()) {
      TestApi api = client.generated(TestApi.class);
      RequestOptions tagged = RequestOptions.builder().header("X-Async", "yes").build();
      CompletableFuture<Map<String, Object>> f = client.withOptions(tagged).async(c -> c.generated(TestApi.class).getFlag(1, 7));
      assertEquals("beta", f.get(5, TimeUnit.SECONDS).get("key"));
    }
    // The call's options travel to the worker thread.
    wm.verify(1, getRequestedFor(urlEqualTo(TestApi.flagPath(1, 7)))
        .withHeader("X-Async", com.github.tomakehurst.wiremock.client.WireMock.equalTo("yes")));
  }

  @Test
  void callAsyncCompletesExceptionallyWithTheApiError() throws Exception {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 7))).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"type\":\"invalid_request\",\"detail\":\"Not found.\"}")));
    try (PostHogClient client = TestClients.builder(wm, sleeper).build()) {
      TestApi api = client.generated(TestApi.class);
      CompletableFuture<Map<String, Object>> f = client.async(c -> api.getFlag(1, 7));
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertInstanceOf(NotFoundException.class, e.getCause());
    }
  }

  @Test
  void cancellingASlowCallAbortsItPromptlyAndTheClientStaysUsable() throws Exception {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 70))).willReturn(okJson("{\"id\":7}").withFixedDelay(5000)));
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 71))).willReturn(okJson("{\"id\":8}")));
    // One worker thread and one pooled connection: the next call can only run if the cancelled
    // one really released both.
    ExecutorService one = Executors.newSingleThreadExecutor();
    try (PostHogClient client = TestClients.builder(wm, sleeper).executor(one).maxConnections(1)
        .readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(20)).build()) {
      TestApi api = client.generated(TestApi.class);
      CompletableFuture<Map<String, Object>> slow =
          client.async(ignored -> api.getFlag(1, 70));
      awaitRequest(TestApi.flagPath(1, 70));
      long start = System.nanoTime();
      assertTrue(slow.cancel(true));
      assertTrue(slow.isCancelled());
      assertThrows(CancellationException.class, () -> slow.get(1, TimeUnit.SECONDS));

      CompletableFuture<Map<String, Object>> next =
          client.async(ignored -> api.getFlag(1, 71));
      assertEquals(8, next.get(3, TimeUnit.SECONDS).get("id"));
      assertEquals(8, api.getFlag(1, 71).get("id"));
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      assertTrue(elapsed < 2000, "the cancelled call held the client for " + elapsed + " ms");
      assertEquals(java.util.List.of(), sleeper.sleeps(), "a cancelled call is not retried");
      wm.verify(1, getRequestedFor(urlEqualTo(TestApi.flagPath(1, 70))));
    } finally {
      one.shutdownNow();
    }
  }

  private static void awaitRequest(String path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (wm.findAll(getRequestedFor(urlEqualTo(path))).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server never received " + path);
      }
      Thread.sleep(10);
    }
  }
}
