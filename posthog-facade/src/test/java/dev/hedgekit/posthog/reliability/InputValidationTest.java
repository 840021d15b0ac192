package dev.hedgekit.posthog.reliability;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.TestAccess;
import dev.hedgekit.posthog.PostHogClientBuilder;
import dev.hedgekit.posthog.toolkit.ToolError;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.toolkit.ValidationRule;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.generated.model.PatchedNotebook;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is refused with an exception (or a validation envelope) that names the parameter
 * and the problem, and nothing reaches the server: the loopback server here must not even see
 * a connection. Cases already pinned elsewhere are not repeated: the key's null, blank,
 * CR/LF, space, DEL and non-ASCII cases in {@code core/ApiKeyTest}; the subdomains
 * {@code us.posthog.com@evil.example}, {@code evil.example/}, {@code "a b"} and empty, and
 * the base URLs that are relative, ftp, with user info, query or fragment, and plain http to
 * a non-loopback host, in {@code core/EndpointTest}; split or reserved header names in
 * {@code http/HeadersTest}; the full action validation rules in {@code actions/ValidationTest}.
 * Over-long values are in {@link LargeValuesTest}.
 */
class InputValidationTest {

  private static LoopbackServer server;
  private static PostHogClient client;

  @BeforeAll
  static void start() throws IOException {
    server = LoopbackServer.start(ex -> ex.respondJson(200, "{}"));
    client = PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
        .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(4)).build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    client.close();
    server.close();
  }

  @AfterEach
  void nothingReachedTheServer() {
    assertEquals(0, server.connectionsAccepted(), "connections the server saw");
    assertEquals(0, server.requests(), "requests the server saw");
  }

  private static IllegalArgumentException refused(Executable call, String startsWith,
      String contains) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(startsWith), e.getMessage());
    assertTrue(e.getMessage().contains(contains), e.getMessage());
    assertNoKey(e);
    return e;
  }

  // ------------------------------------------------------------------ API key

  static Stream<Arguments> controlCharactersInTheKey() {
    return Stream.of(
        Arguments.of(API_KEY + "\u0000", "apiKey contains whitespace or a control character (code 0) at position 38"),
        Arguments.of("phx_\u001b[2J" + API_KEY.substring(4), "apiKey contains whitespace or a control character (code 27) at position 4"),
        Arguments.of("phx_\t" + API_KEY.substring(4), "apiKey contains whitespace or a control character (code 9) at position 4"),
        Arguments.of(API_KEY + "\u0085", "apiKey contains a non-ASCII character at position 38"),
        Arguments.of("\n", "the personal API key is blank"),
        Arguments.of("\r\n" + API_KEY, "apiKey contains a line break (CR/LF) at position 0"));
  }

  @ParameterizedTest
  @MethodSource("controlCharactersInTheKey")
  void aKeyWithAControlCharacterIsRefusedAtOnce(String key, String message) {
    PostHogClientBuilder b = PostHogClient.builder().baseUrl(server.baseUrl());
    refused(() -> b.apiKey(key), message, "");
    // The refused key was not kept: building still says that no key was given.
    refused(b::build, "the personal API key is missing", "POSTHOG_PERSONAL_API_KEY");
    refused(() -> PostHogClient.fromEnv(Map.of("POSTHOG_PERSONAL_API_KEY", key,
        "POSTHOG_HOST", server.baseUrl())), key.isBlank() ? "POSTHOG_PERSONAL_API_KEY is not set" : message, "");
  }

  // ------------------------------------------------------------------ headers

  static Stream<Arguments> badHeaderValues() {
    return Stream.of(
        Arguments.of("a\rb", "value contains a line break (CR/LF) at position 1"),
        Arguments.of("a\nb", "value contains a line break (CR/LF) at position 1"),
        Arguments.of("v\r\nX-Injected: 1", "value contains a line break (CR/LF) at position 1"),
        Arguments.of("a\u0000b", "value contains a control character (code 0) at position 1"),
        Arguments.of("a\u001b[31mb", "value contains a control character (code 27) at position 1"),
        Arguments.of("a\u007fb", "value contains a control character (code 127) at position 1"),
        Arguments.of("a\u0085b", "value contains a control character (code 133) at position 1"),
        Arguments.of("a\u009bb", "value contains a control character (code 155) at position 1"),
        Arguments.of("a\u2028b", "value contains a character outside ISO-8859-1 at position 1"));
  }

  @ParameterizedTest
  @MethodSource("badHeaderValues")
  void aHeaderValueWithAControlCharacterIsRefusedEverywhere(String value, String problem) {
    refused(() -> PostHogClient.builder().header("X-Team", value), "header X-Team " + problem, "");
    refused(() -> RequestOptions.builder().header("X-Trace", value), "header X-Trace " + problem, "");
    refused(() -> PostHogClient.builder().userAgentSuffix(value), "header User-Agent " + problem, "");
  }

  @Test
  void aTabInAHeaderValueIsAllowedAsHttpAllows() {
    RequestOptions o = RequestOptions.builder().header("X-Trace", "a\tb").build();
    assertEquals("a\tb", o.headers().get("X-Trace"));
  }

  // ------------------------------------------------------------------ where requests go

  static Stream<Arguments> badSubdomains() {
    return Stream.of(
        Arguments.of("us.posthog.com"),
        Arguments.of("us:443"),
        Arguments.of("us\r\n"),
        Arguments.of("us\u0000"),
        Arguments.of("@evil.example"),
        Arguments.of("us#"),
        Arguments.of("ü"),
        Arguments.of("a_b"),
        Arguments.of("us-"),
        Arguments.of("x".repeat(64)));
  }

  @ParameterizedTest
  @MethodSource("badSubdomains")
  void aSubdomainThatIsNotOnePlainHostLabelIsRefused(String subdomain) {
    refused(() -> PostHogClient.builder().subdomain(subdomain), "the subdomain must be one host label", "was \"");
  }

  static Stream<Arguments> badBaseUrls() {
    return Stream.of(
        Arguments.of("not a url", "baseUrl is not a valid URL"),
        Arguments.of("//posthog.example.com", "baseUrl must be an absolute http or https URL"),
        Arguments.of("file:///etc/passwd", "baseUrl must be an absolute http or https URL"),
        Arguments.of("javascript:alert(1)", "baseUrl must be an absolute http or https URL"),
        Arguments.of("mailto:ops@posthog.example.com", "baseUrl must be an absolute http or https URL"),
        Arguments.of("https:///api", "baseUrl has no valid host"),
        Arguments.of("https://", "baseUrl is not a valid URL"),
        Arguments.of(" https://posthog.example.com", "baseUrl is not a valid URL"),
        Arguments.of("https://posthog.example.com\r\n", "baseUrl is not a valid URL"),
        Arguments.of("https://posthog.example.com@evil.example", "baseUrl must not contain user info"),
        Arguments.of("http://169.254.169.254", "the base URL uses plain http to 169.254.169.254"),
        Arguments.of("http://0.0.0.0:8000", "the base URL uses plain http to 0.0.0.0"),
        Arguments.of("HTTP://posthog.example.com", "the base URL uses plain http to posthog.example.com"),
        Arguments.of("http://127.0.0.1.evil.example", "the base URL uses plain http to 127.0.0.1.evil.example"));
  }

  @ParameterizedTest
  @MethodSource("badBaseUrls")
  void aBaseUrlThatIsNotAnAbsoluteSafeHttpUrlIsRefused(String url, String message) {
    refused(() -> PostHogClient.builder().apiKey(API_KEY).baseUrl(url).build(), message, "");
  }

  @Test
  void plainHttpToAnotherHostNeedsTheExplicitOptIn() {
    try (PostHogClient c = PostHogClient.builder().apiKey(API_KEY)
        .baseUrl("http://posthog.internal.example:8000").allowInsecureHttp(true).build()) {
      assertEquals("http://posthog.internal.example:8000", TestAccess.config(c).endpoint().url());
    }
    // Loopback needs no opt-in, in each spelling.
    for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "[::1]"}) {
      try (PostHogClient c = PostHogClient.builder().apiKey(API_KEY)
          .baseUrl("http://" + host + ":8000").build()) {
        assertEquals("http://" + host + ":8000", TestAccess.config(c).endpoint().url());
      }
    }
  }

  // ------------------------------------------------------------------ typed resource arguments

  static Stream<Arguments> nullArgumentsOfTypedMethods() {
    return Stream.of(
        Arguments.of("notebooks(1).get(null)", call(c -> c.project(1).notebooks().get(null)), "shortId must not be null"),
        Arguments.of("notebooks(1).update(null, patch)", call(c -> c.project(1).notebooks().update(null, new PatchedNotebook())), "shortId must not be null"),
        Arguments.of("notebooks(1).update(id, null)", call(c -> c.project(1).notebooks().update("abc", null)), "patch must not be null"),
        Arguments.of("notebooks(1).create(null)", call(c -> c.project(1).notebooks().create(null)), "notebook must not be null"),
        Arguments.of("notebooks(1).list(null)", call(c -> c.project(1).notebooks().list(null)), "query must not be null"),
        Arguments.of("notebooks(null)", call(c -> c.project((String) null).notebooks()), "projectId must not be null"),
        Arguments.of("sessionRecordingPlaylists(1).get(null)", call(c -> c.project(1).sessionRecordingPlaylists().get(null)), "shortId must not be null"),
        Arguments.of("featureFlags(1).create(null)", call(c -> c.project(1).featureFlags().create(null)), "flag must not be null"),
        Arguments.of("featureFlags(1).update(7, null)", call(c -> c.project(1).featureFlags().update(7, null)), "patch must not be null"),
        Arguments.of("featureFlags(null)", call(c -> c.project((String) null).featureFlags()), "projectId must not be null"),
        Arguments.of("withOptions(null)", call(c -> c.withOptions(null)), "options"),
        Arguments.of("async(null)", call(c -> c.async(null)), "work"));
  }

  private static Executable call(Function<PostHogClient, Object> f) {
    return () -> f.apply(client);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullArgumentsOfTypedMethods")
  void aNullRequiredArgumentIsNamed(String what, Executable call, String message) {
    NullPointerException e = assertThrows(NullPointerException.class, call, what);
    assertEquals(message, e.getMessage(), what);
  }

  @Test
  void anEmptyIdIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.project(1).notebooks().get(""));
    assertEquals("shortId must not be empty", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> client.project("").sessionRecordingPlaylists());
    assertEquals("the project id must be a number (as shown in the project's URL and settings)"
        + " or @current, was \"\"", e.getMessage());
  }

  // ------------------------------------------------------------------ action parameters

  private static ToolError refusedAction(String slug, Map<String, ?> params) {
    ToolResult r = client.toolkit().execute(slug, params);
    assertFalse(r.successful(), r::toJsonString);
    assertEquals(ToolError.Kind.VALIDATION, r.error().kind(), r::toJsonString);
    assertNull(r.status());
    assertTrue(r.exception().isEmpty());
    assertEquals(r.error().message(), r.toJson().get("error").asText());
    assertNoKey(r.toJsonString());
    return r.error();
  }

  @Test
  void aNullOrMissingRequiredActionParameterIsNamed() {
    Map<String, Object> params = new HashMap<>();
    params.put("project_id", "1");
    params.put("short_id", null);
    ToolError e = refusedAction("POSTHOG_RETRIEVE_NOTEBOOK_DETAILS", params);
    assertEquals("short_id", e.parameter());
    assertEquals(ValidationRule.NOT_NULLABLE, e.rule());
    assertEquals("parameter 'short_id' of POSTHOG_RETRIEVE_NOTEBOOK_DETAILS: null is not allowed",
        e.message());

    e = refusedAction("POSTHOG_RETRIEVE_NOTEBOOK_DETAILS", Map.of("project_id", "1"));
    assertEquals(ValidationRule.REQUIRED, e.rule());
    assertEquals("parameter 'short_id' of POSTHOG_RETRIEVE_NOTEBOOK_DETAILS: required (path parameter)",
        e.message());

    Map<String, Object> flag = new HashMap<>();
    flag.put("project_id", "1");
    flag.put("key", null);
    e = refusedAction("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT", flag);
    assertEquals("key", e.parameter());
    assertEquals(ValidationRule.NOT_NULLABLE, e.rule());

    e = refusedAction("POSTHOG_PARTIAL_UPDATE_OF_A_PROJECT_S_FEATURE_FLAG",
        Map.of("project_id", "1", "name", "x"));
    assertEquals("parameter 'id' of POSTHOG_PARTIAL_UPDATE_OF_A_PROJECT_S_FEATURE_FLAG: required"
        + " (path parameter)", e.message());
  }

  @Test
  void nullOrBlankSlugsAreRefused() {
    ToolError e = refusedAction(null, Map.of());
    assertEquals(ValidationRule.UNKNOWN_ACTION, e.rule());
    assertEquals("action null: unknown", e.message());
    e = refusedAction("  ", Map.of());
    assertEquals(ValidationRule.UNKNOWN_ACTION, e.rule());
  }

}
