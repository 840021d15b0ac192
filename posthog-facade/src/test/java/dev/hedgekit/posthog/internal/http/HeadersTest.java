package dev.hedgekit.posthog.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.PostHogClientBuilder;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.internal.config.SdkInfo;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeadersTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void stub() {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(1, 7))).willReturn(okJson("{\"id\":7,\"key\":\"beta\"}")));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = wm.findAll(getRequestedFor(urlEqualTo(TestApi.flagPath(1, 7))));
    assertEquals(1, all.size(), "requests received");
    return all.get(0);
  }

  private static List<String> values(LoggedRequest r, String name) {
    HttpHeader h = r.getHeaders().getHeader(name);
    return h.isPresent() ? h.values() : List.of();
  }

  @Test
  void everyRequestCarriesBearerKeyAcceptAndUserAgent() {
    try (PostHogClient client = TestClients.builder(wm, sleeper).build()) {
      Map<String, Object> flag = client.generated(TestApi.class).getFlag(1, 7);
      assertEquals("beta", flag.get("key"));
    }
    LoggedRequest r = onlyRequest();
    assertEquals(List.of("Bearer " + API_KEY), values(r, "Authorization"));
    assertEquals(List.of("application/json"), values(r, "Accept"));
    List<String> ua = values(r, "User-Agent");
    assertEquals(1, ua.size(), "one User-Agent: " + ua);
    String version = SdkInfo.version();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "version filled in by the build: " + version);
    assertTrue(ua.get(0).startsWith("hedgekit-posthog-java/" + version + " "), ua.get(0));
  }

  @Test
  void userAgentSuffixIsAppended() {
    try (PostHogClient client = TestClients.builder(wm, sleeper).userAgentSuffix("my-app/1.2").build()) {
      client.generated(TestApi.class).getFlag(1, 7);
    }
    String ua = values(onlyRequest(), "User-Agent").get(0);
    assertTrue(ua.startsWith("hedgekit-posthog-java/" + SdkInfo.version()), ua);
    assertTrue(ua.endsWith(" my-app/1.2"), ua);
  }

  @Test
  void builderHeadersAreSentWithEveryCall() {
    try (PostHogClient client = TestClients.builder(wm, sleeper)
        .header("X-Team", "growth").header("X-Trace", "abc").build()) {
      TestApi api = client.generated(TestApi.class);
      api.getFlag(1, 7);
      api.getFlag(1, 7);
    }
    wm.verify(2, getRequestedFor(urlEqualTo(TestApi.flagPath(1, 7)))
        .withHeader("X-Team", equalTo("growth"))
        .withHeader("X-Trace", equalTo("abc"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
  }

  @Test
  void requestOptionsHeadersApplyToThatCallOnly() {
    try (PostHogClient client = TestClients.builder(wm, sleeper).header("X-Team", "growth").build()) {
      TestApi api = client.generated(TestApi.class);
      RequestOptions once = RequestOptions.builder()
          .header("X-Request-Tag", "once")
          .header("X-Team", "web")
          .build();
      Map<String, Object> flag = client.withOptions(once).generated(TestApi.class).getFlag(1, 7);
      assertEquals(7, flag.get("id"));
      api.getFlag(1, 7);
    }
    List<LoggedRequest> all = wm.findAll(getRequestedFor(urlEqualTo(TestApi.flagPath(1, 7))));
    assertEquals(2, all.size());
    // First call: its own header, and its X-Team replaces the client's (one value, not two).
    assertEquals(List.of("once"), values(all.get(0), "X-Request-Tag"));
    assertEquals(List.of("web"), values(all.get(0), "X-Team"));
    assertEquals(List.of("Bearer " + API_KEY), values(all.get(0), "Authorization"));
    // Second call: back to the client's headers only.
    assertEquals(List.of(), values(all.get(1), "X-Request-Tag"));
    assertEquals(List.of("growth"), values(all.get(1), "X-Team"));
    wm.verify(1, getRequestedFor(urlEqualTo(TestApi.flagPath(1, 7))).withHeader("X-Request-Tag", absent()));
  }

  @Test
  void headersThatCouldSplitOrOverrideAuthAreRejected() {
    PostHogClientBuilder b = PostHogClient.builder();
    IllegalArgumentException auth = assertThrows(IllegalArgumentException.class,
        () -> b.header("Authorization", "Bearer other"));
    assertTrue(auth.getMessage().contains("Authorization") && auth.getMessage().contains("cannot be given"),
        auth.getMessage());
    IllegalArgumentException crlf = assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.builder().header("X-Tag", "a\r\nX-Injected: 1"));
    assertTrue(crlf.getMessage().contains("X-Tag") && crlf.getMessage().contains("line break"),
        crlf.getMessage());
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> b.header("X Tag", "v"));
    assertTrue(name.getMessage().contains("header name"), name.getMessage());
  }
}
