package dev.hedgekit.posthog.internal.config;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.TestAccess;
import dev.hedgekit.posthog.PostHogClientBuilder;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @Test
  void defaultSubdomainIsUsCloud() {
    try (PostHogClient client = PostHogClient.builder().apiKey(API_KEY).build()) {
      assertEquals("https://us.posthog.com", TestAccess.config(client).endpoint().url());
      assertTrue(TestAccess.config(client).endpoint().isCloud());
    }
  }

  @Test
  void euSubdomainGivesEuCloud() {
    try (PostHogClient client = PostHogClient.builder().apiKey(API_KEY).subdomain("eu").build()) {
      assertEquals("https://eu.posthog.com", TestAccess.config(client).endpoint().url());
      assertTrue(TestAccess.config(client).endpoint().isCloud());
    }
  }

  @Test
  void baseUrlOverridesSubdomainAndRequestsGoThere() {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(3, 9))).willReturn(okJson("{\"id\":9}")));
    try (PostHogClient client = PostHogClient.builder().apiKey(API_KEY)
        .subdomain("eu").baseUrl(wm.baseUrl()).build()) {
      assertEquals(wm.baseUrl(), TestAccess.config(client).endpoint().url());
      assertFalse(TestAccess.config(client).endpoint().isCloud());
      Map<String, Object> flag = client.generated(TestApi.class).getFlag(3, 9);
      assertEquals(9, flag.get("id"));
    }
    wm.verify(1, getRequestedFor(urlEqualTo(TestApi.flagPath(3, 9))));
  }

  @Test
  void baseUrlPathPrefixIsKeptAndTrailingSlashDropped() {
    wm.stubFor(get(urlEqualTo("/posthog" + TestApi.flagPath(3, 9))).willReturn(okJson("{\"id\":9}")));
    try (PostHogClient client = TestClients.builder(wm, new RecordingSleeper())
        .baseUrl(wm.baseUrl() + "/posthog/").build()) {
      assertEquals(wm.baseUrl() + "/posthog", TestAccess.config(client).endpoint().url());
      assertEquals(9, client.generated(TestApi.class).getFlag(3, 9).get("id"));
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/posthog" + TestApi.flagPath(3, 9))));
  }

  static Stream<Arguments> badSubdomains() {
    return Stream.of(
        Arguments.of("us.posthog.com@evil.example", "one host label"),
        Arguments.of("evil.example/", "one host label"),
        Arguments.of("a b", "one host label"),
        Arguments.of("", "is empty"),
        Arguments.of(null, "is empty"),
        Arguments.of("us.i", "ingestion host"),
        Arguments.of("-us", "one host label"));
  }

  @ParameterizedTest
  @MethodSource("badSubdomains")
  void badSubdomainIsRejectedWithTheProblemNamed(String subdomain, String problem) {
    PostHogClientBuilder b = PostHogClient.builder().apiKey(API_KEY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.subdomain(subdomain));
    assertTrue(e.getMessage().startsWith("the subdomain"), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    // The rejected value was not kept: the builder still targets the default region.
    try (PostHogClient client = b.build()) {
      assertEquals("https://us.posthog.com", TestAccess.config(client).endpoint().url());
    }
  }

  @Test
  void ingestionSubdomainPointsToTheApiHost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostHogClient.builder().subdomain("eu.i"));
    assertTrue(e.getMessage().contains("the subdomain \"eu\""), e.getMessage());
  }

  static Stream<Arguments> badBaseUrls() {
    return Stream.of(
        Arguments.of("/api/projects", "must be an absolute http or https URL"),
        Arguments.of("posthog.example.com", "must be an absolute http or https URL"),
        Arguments.of("ftp://posthog.example.com", "must be an absolute http or https URL"),
        Arguments.of("https://admin:hunter2@posthog.example.com", "must not contain user info"),
        Arguments.of("https://posthog.example.com/?token=abc", "must not contain a query"),
        Arguments.of("https://posthog.example.com/#top", "must not contain a query or fragment"),
        Arguments.of("https://posthog.example.com/a b", "is not a valid URL"),
        Arguments.of("", "is empty"));
  }

  @ParameterizedTest
  @MethodSource("badBaseUrls")
  void badBaseUrlIsRejectedWithTheProblemNamed(String url, String problem) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostHogClient.builder().apiKey(API_KEY).baseUrl(url));
    assertTrue(e.getMessage().startsWith("baseUrl"), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), "user info password echoed: " + e.getMessage());
  }

  @Test
  void plainHttpToNonLoopbackHostNeedsExplicitOptIn() {
    PostHogClientBuilder b = PostHogClient.builder().apiKey(API_KEY).baseUrl("http://posthog.example.com");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().startsWith("the base URL uses plain http to posthog.example.com"), e.getMessage());
    assertTrue(e.getMessage().contains("allowInsecureHttp(true)"), e.getMessage());
    try (PostHogClient client = b.allowInsecureHttp(true).build()) {
      assertEquals("http://posthog.example.com", TestAccess.config(client).endpoint().url());
    }
  }

  @Test
  void plainHttpToLoopbackIsAllowed() {
    for (String host : new String[] {"localhost", "127.0.0.1", "[::1]", "127.1.2.3"}) {
      try (PostHogClient client = PostHogClient.builder().apiKey(API_KEY)
          .baseUrl("http://" + host + ":8000").build()) {
        assertEquals("http://" + host + ":8000", TestAccess.config(client).endpoint().url());
      }
    }
    for (String host : new String[] {"localhost.evil.example", "127.0.0.1.evil.example"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PostHogClient.builder().apiKey(API_KEY).baseUrl("http://" + host).build());
      assertTrue(e.getMessage().contains("plain http to " + host), e.getMessage());
    }
  }

  @Test
  void rejectedBaseUrlsAimedAtTheServerSendNothing() {
    String hostPort = wm.baseUrl().substring("http://".length());
    String[] bad = {
        wm.baseUrl() + "/?project=1",
        "http://user:pw@" + hostPort,
        "ftp://" + hostPort,
        wm.baseUrl() + "#frag",
    };
    for (String url : bad) {
      assertThrows(IllegalArgumentException.class,
          () -> PostHogClient.builder().apiKey(API_KEY).baseUrl(url).build().close(), url);
    }
    assertEquals(0, wm.getAllServeEvents().size(), "requests received");
  }
}
