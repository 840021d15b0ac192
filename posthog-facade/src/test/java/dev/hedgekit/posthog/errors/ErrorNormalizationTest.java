package dev.hedgekit.posthog.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every non-success answer becomes the matching exception; retries are off here. */
class ErrorNormalizationTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG = TestApi.flagPath(1, 7);
  private static final String FLAGS = TestApi.flagsPath(1);

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private PostHogClient client;
  private TestApi api;

  @BeforeEach
  void open() {
    client = TestClients.builder(wm, sleeper).maxRetries(0).build();
    api = client.generated(TestApi.class);
  }

  @AfterEach
  void close() {
    client.close();
    assertEquals(List.of(), sleeper.sleeps(), "no retry waits with maxRetries(0)");
  }

  private static void answer(MappingBuilder request, int status, String json) {
    wm.stubFor(request.willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(json)));
  }

  private static <T extends Throwable> T expect(Class<T> type, String method, String path,
      Executable call) {
    T e = assertThrows(type, call);
    String m = e.getMessage();
    assertTrue(m.contains(method + " " + path), "method and path in: " + m);
    assertNoKey(e);
    if (e instanceof PostHogApiException) {
      PostHogApiException api = (PostHogApiException) e;
      assertEquals(method, api.method());
      assertEquals(path, api.path());
    }
    return e;
  }

  @Test
  void validationError400() {
    answer(post(urlEqualTo(FLAGS)), 400, "{\"type\":\"validation_error\",\"code\":\"required\","
        + "\"detail\":\"This field is required.\",\"attr\":\"key\"}");
    BadRequestException e = expect(BadRequestException.class, "POST", FLAGS,
        () -> api.createFlag(1, Map.of("name", "Beta")));
    assertEquals(400, e.status());
    assertEquals("validation_error", e.type());
    assertEquals("required", e.code());
    assertEquals("This field is required.", e.detail());
    assertEquals("key", e.attr());
    assertEquals(List.of(e.error()), e.errors());
    assertNull(e.bodyExcerpt());
    assertEquals("PostHog answered 400 to POST " + FLAGS
        + ": validation_error/required on key: This field is required.", e.getMessage());
  }

  @Test
  void unprocessable422IsABadRequest() {
    answer(post(urlEqualTo(FLAGS)), 422, "{\"type\":\"validation_error\",\"code\":\"invalid_input\","
        + "\"detail\":\"Filters are invalid.\",\"attr\":\"filters\"}");
    BadRequestException e = expect(BadRequestException.class, "POST", FLAGS,
        () -> api.createFlag(1, Map.of("key", "beta")));
    assertEquals(422, e.status());
    assertEquals("invalid_input", e.code());
    assertEquals("filters", e.attr());
    assertEquals("Filters are invalid.", e.detail());
  }

  @Test
  void multipleErrorsAreEachKept() {
    answer(post(urlEqualTo(FLAGS)), 400, "{\"type\":\"validation_error\",\"code\":\"multiple\","
        + "\"detail\":\"Several fields are invalid.\",\"attr\":null,\"list\":["
        + "{\"type\":\"validation_error\",\"code\":\"required\",\"detail\":\"This field is required.\",\"attr\":\"key\"},"
        + "{\"type\":\"validation_error\",\"code\":\"max_length\",\"detail\":\"At most 400 characters.\",\"attr\":\"name\"}]}");
    BadRequestException e = expect(BadRequestException.class, "POST", FLAGS,
        () -> api.createFlag(1, Map.of()));
    assertEquals("multiple", e.code());
    assertNull(e.attr());
    assertEquals(List.of(
        new ErrorDetail("validation_error", "required", "This field is required.", "key"),
        new ErrorDetail("validation_error", "max_length", "At most 400 characters.", "name")),
        e.errors());
    assertTrue(e.getMessage().contains("[validation_error/required on key: This field is required.;"
        + " validation_error/max_length on name: At most 400 characters.]"), e.getMessage());
  }

  @Test
  void plainFieldMessagesMapBecomesValidationErrors() {
    answer(post(urlEqualTo(FLAGS)), 400, "{\"key\":[\"This field may not be blank.\"],"
        + "\"name\":[\"Too long.\",\"Bad.\"]}");
    BadRequestException e = expect(BadRequestException.class, "POST", FLAGS,
        () -> api.createFlag(1, Map.of("key", "")));
    assertEquals(List.of(
        new ErrorDetail("validation_error", null, "This field may not be blank.", "key"),
        new ErrorDetail("validation_error", null, "Too long. Bad.", "name")), e.errors());
    assertEquals("multiple", e.type());
  }

  @Test
  void unauthorized401OnANonCloudHostHasNoRegionHint() {
    answer(get(urlEqualTo(FLAG)), 401, "{\"type\":\"authentication_error\","
        + "\"code\":\"authentication_failed\",\"detail\":\"Incorrect authentication credentials.\",\"attr\":null}");
    UnauthorizedException e = expect(UnauthorizedException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(401, e.status());
    assertEquals("authentication_failed", e.code());
    assertTrue(e.getMessage().endsWith(". Check the personal API key"), e.getMessage());
    assertFalse(e.getMessage().contains("region"), e.getMessage());
  }

  @Test
  void forbidden403() {
    answer(get(urlEqualTo(FLAG)), 403, "{\"type\":\"authentication_error\",\"code\":\"permission_denied\","
        + "\"detail\":\"API key missing required scope 'feature_flag:read'\",\"attr\":null}");
    ForbiddenException e = expect(ForbiddenException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(403, e.status());
    assertEquals("permission_denied", e.code());
    assertTrue(e.getMessage().contains("lacks a scope"), e.getMessage());
  }

  @Test
  void notFound404() {
    answer(get(urlEqualTo(FLAG)), 404, "{\"type\":\"invalid_request\",\"code\":\"not_found\","
        + "\"detail\":\"Not found.\",\"attr\":null}");
    NotFoundException e = expect(NotFoundException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(404, e.status());
    assertEquals("invalid_request", e.type());
    assertEquals("Not found.", e.detail());
    assertEquals("PostHog answered 404 to GET " + FLAG + ": invalid_request/not_found: Not found.",
        e.getMessage());
  }

  @Test
  void methodNotAllowed405OnDeleteHintsAtSoftDelete() {
    answer(delete(urlEqualTo(FLAG)), 405, "{\"type\":\"invalid_request\",\"code\":\"method_not_allowed\","
        + "\"detail\":\"Method \\\"DELETE\\\" not allowed.\",\"attr\":null}");
    MethodNotAllowedException e = expect(MethodNotAllowedException.class, "DELETE", FLAG,
        () -> api.deleteFlag(1, 7));
    assertEquals(405, e.status());
    assertTrue(e.getMessage().endsWith(
        ". This resource cannot be hard deleted; soft delete it with a PATCH setting deleted=true"),
        e.getMessage());

    answer(get(urlEqualTo(FLAG)), 405, "{\"type\":\"invalid_request\",\"code\":\"method_not_allowed\"}");
    MethodNotAllowedException onGet = expect(MethodNotAllowedException.class, "GET", FLAG,
        () -> api.getFlag(1, 7));
    assertFalse(onGet.getMessage().contains("soft delete"), onGet.getMessage());
  }

  @Test
  void rateLimited429CarriesRetryAfter() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"throttled_error\",\"code\":\"throttled\","
            + "\"detail\":\"Request was throttled. Expected available in 30 seconds.\",\"attr\":null}")));
    RateLimitedException e = expect(RateLimitedException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(429, e.status());
    assertEquals("throttled_error", e.type());
    assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    assertTrue(e.getMessage().endsWith(". PostHog asked to retry after 30 s"), e.getMessage());
    wm.verify(1, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void rateLimited429WithoutRetryAfter() {
    answer(get(urlEqualTo(FLAG)), 429, "{\"type\":\"throttled_error\",\"code\":\"throttled\"}");
    RateLimitedException e = expect(RateLimitedException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(Optional.empty(), e.retryAfter());
  }

  @Test
  void serverErrors500And503() {
    answer(get(urlEqualTo(FLAG)), 500, "{\"type\":\"server_error\",\"code\":\"error\",\"detail\":\"A server error occurred.\"}");
    ServerErrorException e500 = expect(ServerErrorException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(500, e500.status());
    assertEquals("server_error", e500.type());

    answer(get(urlEqualTo(FLAG)), 503, "{\"type\":\"server_error\",\"detail\":\"Unavailable\"}");
    ServerErrorException e503 = expect(ServerErrorException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(503, e503.status());
    assertEquals("PostHog answered 503 to GET " + FLAG + ": server_error: Unavailable", e503.getMessage());
  }

  @Test
  void status512IsAServerErrorWithTheQueryHint() {
    answer(post(urlEqualTo(FLAGS)), 512, "{\"type\":\"server_error\",\"code\":\"query_too_long\","
        + "\"detail\":\"Estimated query execution time is too long.\"}");
    ServerErrorException e = expect(ServerErrorException.class, "POST", FLAGS,
        () -> api.createFlag(1, Map.of("key", "x")));
    assertEquals(512, e.status());
    assertTrue(e.getMessage().endsWith(". PostHog estimated this query would run too long;"
        + " narrow the date range or filters"), e.getMessage());
  }

  @Test
  void unexpectedStatuses402And409() {
    answer(get(urlEqualTo(FLAG)), 402, "{\"type\":\"invalid_request\",\"code\":\"payment_required\","
        + "\"detail\":\"Upgrade required.\"}");
    UnexpectedStatusException e402 = expect(UnexpectedStatusException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(402, e402.status());
    assertEquals("payment_required", e402.code());

    answer(post(urlEqualTo(FLAGS)), 409, "{\"type\":\"invalid_request\",\"code\":\"unique\","
        + "\"detail\":\"A flag with this key already exists.\",\"attr\":\"key\"}");
    UnexpectedStatusException e409 = expect(UnexpectedStatusException.class, "POST", FLAGS,
        () -> api.createFlag(1, Map.of("key", "beta")));
    assertEquals(409, e409.status());
    assertEquals("key", e409.attr());
  }

  @Test
  void nonJsonErrorBodyIsKeptAsExcerpt() {
    String html = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody(html + "\n")));
    ServerErrorException e = expect(ServerErrorException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(502, e.status());
    assertEquals(html, e.bodyExcerpt());
    assertNull(e.type());
    assertNull(e.detail());
    assertEquals("PostHog answered 502 to GET " + FLAG + ": " + html, e.getMessage());

    String longHtml = "<html>" + "x".repeat(1000) + "</html>";
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "text/html").withBody(longHtml)));
    NotFoundException nf = expect(NotFoundException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    // The message and excerpt are cut at 500 characters; the whole body stays available.
    assertEquals(longHtml.substring(0, 500) + "... (513 more characters)", nf.bodyExcerpt());
    assertEquals(longHtml, nf.body());
  }

  @Test
  void malformedJsonInASuccessIsADecodeError() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": 7, \"key\": ")));
    PostHogDecodeException e = expect(PostHogDecodeException.class, "GET", FLAG, () -> api.getFlag(1, 7));
    assertEquals(200, e.status());
    assertTrue(e.getMessage().contains("body starts with: {\"id\": 7, \"key\": "), e.getMessage());
  }
}
