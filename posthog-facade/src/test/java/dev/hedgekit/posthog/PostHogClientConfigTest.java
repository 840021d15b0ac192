package dev.hedgekit.posthog;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.support.TestApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Client configuration that does not fit one core class: toString redaction and fromEnv. */
class PostHogClientConfigTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @Test
  void noToStringRevealsTheKey() {
    PostHogClientBuilder builder = PostHogClient.builder().apiKey(API_KEY).subdomain("eu")
        .header("X-Team", "growth");
    String b = builder.toString();
    assertNoKey(b);
    assertTrue(b.contains("apiKey=[redacted]"), b);
    try (PostHogClient client = builder.build()) {
      String c = client.toString();
      String cfg = TestAccess.config(client).toString();
      assertNoKey(c);
      assertNoKey(cfg);
      assertNoKey(TestAccess.core(client).toString());
      assertNoKey(String.valueOf(TestAccess.config(client).defaultOptions()));
      assertTrue(c.contains("https://eu.posthog.com") && c.contains("redacted"), c);
      assertTrue(cfg.contains("apiKey=ApiKey[redacted]"), cfg);
    }
    assertEquals("PostHogClientBuilder{apiKey=unset, subdomain=us, baseUrl=null}",
        PostHogClient.builder().toString());
  }

  @Test
  void fromEnvReadsKeyHostAndProject() {
    wm.stubFor(get(urlEqualTo(TestApi.flagPath(42, 7))).willReturn(okJson("{\"id\":7}")));
    Map<String, String> env = new HashMap<>();
    env.put("POSTHOG_PERSONAL_API_KEY", API_KEY);
    env.put("POSTHOG_HOST", " " + wm.baseUrl() + " ");
    env.put("POSTHOG_SUBDOMAIN", "eu");
    env.put("POSTHOG_PROJECT_ID", "42");
    try (PostHogClient client = PostHogClient.fromEnv(env)) {
      assertEquals(wm.baseUrl(), TestAccess.config(client).endpoint().url(), "POSTHOG_HOST wins over POSTHOG_SUBDOMAIN");
      assertEquals("42", TestAccess.config(client).projectId());
      assertNull(TestAccess.config(client).organizationId());
      long project = Long.parseLong(TestAccess.config(client).projectId());
      assertEquals(7, client.generated(TestApi.class).getFlag(project, 7).get("id"));
    }
    wm.verify(1, getRequestedFor(urlEqualTo(TestApi.flagPath(42, 7)))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
  }

  @Test
  void fromEnvReadsSubdomainWhenNoHost() {
    Map<String, String> env = Map.of("POSTHOG_PERSONAL_API_KEY", API_KEY,
        "POSTHOG_SUBDOMAIN", "eu", "POSTHOG_ORGANIZATION_ID", "@current");
    try (PostHogClient client = PostHogClient.fromEnv(env)) {
      assertEquals("https://eu.posthog.com", TestAccess.config(client).endpoint().url());
      assertEquals("@current", TestAccess.config(client).organizationId());
      assertNull(TestAccess.config(client).projectId());
    }
    try (PostHogClient client = PostHogClient.fromEnv(Map.of("POSTHOG_PERSONAL_API_KEY", API_KEY))) {
      assertEquals("https://us.posthog.com", TestAccess.config(client).endpoint().url());
    }
  }

  @Test
  void fromEnvWithoutKeyFailsClearly() {
    for (Map<String, String> env : List.of(
        Map.<String, String>of(), Map.of("POSTHOG_PERSONAL_API_KEY", "  "),
        Map.of("POSTHOG_HOST", wm.baseUrl()))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PostHogClient.fromEnv(env));
      assertTrue(e.getMessage().startsWith("POSTHOG_PERSONAL_API_KEY is not set"), e.getMessage());
    }
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void fromEnvWithBadValuesNamesTheProblemWithoutTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostHogClient.fromEnv(Map.of("POSTHOG_PERSONAL_API_KEY", "phx_\r" + API_KEY.substring(4))));
    assertTrue(e.getMessage().startsWith("apiKey contains a line break"), e.getMessage());
    assertTrue(e.getMessage().contains("POSTHOG_PERSONAL_API_KEY"), e.getMessage());
    assertNoKey(e);
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
        () -> PostHogClient.fromEnv(Map.of("POSTHOG_PERSONAL_API_KEY", API_KEY,
            "POSTHOG_HOST", "http://posthog.example.com")));
    assertTrue(host.getMessage().startsWith("the base URL uses plain http"), host.getMessage());
    assertTrue(host.getMessage().contains("POSTHOG_ALLOW_INSECURE_HTTP=true"), host.getMessage());
    assertNoKey(host);
  }
}
