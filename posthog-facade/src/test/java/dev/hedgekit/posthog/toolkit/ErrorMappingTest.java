package dev.hedgekit.posthog.toolkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.toolkit.ActionTestSupport.KEY_FRAGMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.NotFoundException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import dev.hedgekit.posthog.errors.RateLimitedException;
import dev.hedgekit.posthog.errors.ServerErrorException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failures while a call runs: each is a failed result of the right kind, with readable text
 * naming the status and PostHog's detail, the typed exception, and never the API key.
 */
class ErrorMappingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).configureStaticDsl(false).build();

  private static final String SLUG = "POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS";
  private static final String PATH = "/api/projects/1/feature_flags/";
  private static final Map<String, Object> PARAMS = Map.of("project_id", "1");

  private static PostHogClient client;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder(wm).build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private static ToolResult failed(ToolResult r, ToolError.Kind kind) {
    assertFalse(r.successful(), r::toJsonString);
    assertEquals(kind, r.error().kind(), r::toJsonString);
    assertNull(r.data());
    String envelope = r.toJsonString();
    assertFalse(envelope.contains(KEY_FRAGMENT), envelope);
    assertFalse(r.error().message().contains(KEY_FRAGMENT));
    assertEquals(r.error().message(), r.toJson().get("error").asText());
    assertTrue(r.toJson().get("data").isNull());
    assertFalse(r.toJson().get("successful").asBoolean());
    return r;
  }

  private static void answer(int status, String body) {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void notFound() {
    answer(404, "{\"type\":\"invalid_request\",\"code\":\"not_found\","
        + "\"detail\":\"Not found.\",\"attr\":null}");
    ToolResult r = failed(client.toolkit().execute(SLUG, PARAMS), ToolError.Kind.API);
    assertInstanceOf(NotFoundException.class, r.exception().orElseThrow());
    assertEquals(404, r.error().status());
    assertEquals(404, r.status());
    assertEquals("invalid_request", r.error().type());
    assertEquals("not_found", r.error().code());
    assertEquals("Not found.", r.error().detail());
    assertNull(r.error().attr());
    assertEquals("PostHog answered 404 to GET " + PATH + ": invalid_request/not_found: Not found.",
        r.error().message());
  }

  @Test
  void rateLimited() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"throttled_error\",\"code\":\"throttled\","
            + "\"detail\":\"Request was throttled. Expected available in 30 seconds.\","
            + "\"attr\":null}")));
    ToolResult r = failed(client.toolkit().execute(SLUG, PARAMS), ToolError.Kind.API);
    assertInstanceOf(RateLimitedException.class, r.exception().orElseThrow());
    assertEquals(429, r.error().status());
    assertTrue(r.error().message().contains("429"), r.error().message());
    assertTrue(r.error().message().contains("Request was throttled"), r.error().message());
  }

  @Test
  void serverError() {
    answer(500, "{\"type\":\"server_error\",\"code\":\"error\","
        + "\"detail\":\"A server error occurred.\",\"attr\":null}");
    ToolResult r = failed(client.toolkit().execute(SLUG, PARAMS), ToolError.Kind.API);
    assertInstanceOf(ServerErrorException.class, r.exception().orElseThrow());
    assertEquals(500, r.error().status());
    assertTrue(r.error().message().startsWith("PostHog answered 500 to GET " + PATH),
        r.error().message());
    assertTrue(r.error().message().contains("A server error occurred."), r.error().message());
  }

  @Test
  void validationErrorFromPostHogKeepsTheField() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"validation_error\",\"code\":\"unique\","
            + "\"detail\":\"There is already a feature flag with this key.\",\"attr\":\"key\"}")));
    ToolResult r = failed(client.toolkit().execute("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT",
        Map.of("project_id", "1", "key", "beta")), ToolError.Kind.API);
    assertEquals("key", r.error().attr());
    assertEquals("unique", r.error().code());
  }

  @Test
  void networkFailureOnAClosedPort() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (PostHogClient dead = ActionTestSupport.builder("http://127.0.0.1:" + port).build()) {
      ToolResult r = failed(dead.toolkit().execute(SLUG, PARAMS), ToolError.Kind.NETWORK);
      PostHogException e = r.exception().orElseThrow();
      assertInstanceOf(PostHogIoException.class, e);
      assertFalse(((PostHogIoException) e).requestMayHaveBeenSent());
      assertNull(r.error().status());
      assertNull(r.status());
    }
  }

  @Test
  void connectionReset() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse()
        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ToolResult r = failed(client.toolkit().execute(SLUG, PARAMS), ToolError.Kind.NETWORK);
    assertInstanceOf(PostHogIoException.class, r.exception().orElseThrow());
  }

  @Test
  void malformedJson() {
    answer(200, "{\"results\": [1, 2");
    ToolResult r = failed(client.toolkit().execute(SLUG, PARAMS), ToolError.Kind.DECODE);
    assertInstanceOf(PostHogDecodeException.class, r.exception().orElseThrow());
    assertEquals(200, r.error().status());
    assertTrue(r.error().message().startsWith("could not decode the response to GET " + PATH
        + " (status 200) as JsonNode: "), r.error().message());
    assertTrue(r.error().message().endsWith("; the body starts with: {\"results\": [1, 2"),
        r.error().message());
  }

  @Test
  void readTimeout() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withFixedDelay(1500).withBody("{}")));
    RequestOptions quick = RequestOptions.builder().readTimeout(Duration.ofMillis(200)).build();
    ToolResult r = failed(client.toolkit().execute(SLUG, PARAMS, quick),
        ToolError.Kind.TIMEOUT);
    assertInstanceOf(PostHogTimeoutException.class, r.exception().orElseThrow());
  }

  @Test
  void cancellingTheFutureAbortsTheCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withFixedDelay(2000).withBody("{}")));
    CompletableFuture<ToolResult> f = client.toolkit().executeAsync(SLUG, PARAMS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (wm.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(f.cancel(true));
    assertTrue(f.isCancelled());
  }

  @Test
  void closedClient() {
    PostHogClient closed = ActionTestSupport.builder(wm).build();
    closed.close();
    ToolResult r = failed(closed.toolkit().execute(SLUG, PARAMS), ToolError.Kind.CLIENT);
    assertTrue(r.error().message().contains("closed"), r.error().message());
    ToolResult async = closed.toolkit().executeAsync(SLUG, PARAMS).join();
    assertEquals(ToolError.Kind.CLIENT, async.error().kind());
  }

  @Test
  void successAnd204() {
    answer(200, "[{\"id\":1}]");
    ToolResult ok = client.toolkit().execute(SLUG, PARAMS);
    assertTrue(ok.successful());
    assertTrue(ok.data().isArray());
    assertEquals("{\"data\":[{\"id\":1}],\"successful\":true,\"error\":null}", ok.toJsonString());
    assertTrue(ok.exception().isEmpty());
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    ToolResult none = client.toolkit().execute("POSTHOG_DELETE_ORGANIZATION_BY_UUID",
        Map.of("id", "5f0c2b8e-1d2a-4c3b-9e4f-0a1b2c3d4e5f"));
    assertTrue(none.successful(), none::toJsonString);
    assertNull(none.data());
    assertEquals(204, none.status());
    assertEquals("{\"data\":null,\"successful\":true,\"error\":null}", none.toJsonString());
  }
}
