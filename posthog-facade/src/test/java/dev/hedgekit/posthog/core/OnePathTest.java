package dev.hedgekit.posthog.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.HttpLogLevel;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PatchedFeatureFlagPartialUpdateRequestSchema;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * There is one request path: HTTP logging on or off, every call goes through Feign onto the
 * same retrying transport. Each scenario below (success, retried 503, Retry-After 429, POST not
 * replayed after a 500, a reset connection, a read timeout, a 404, malformed JSON, a trickling
 * body cut by the call timeout) runs with logging off and with FULL logging; the requests the
 * server saw and the outcome the caller saw must be the same.
 */
class OnePathTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG = "/api/projects/1/feature_flags/7/";
  private static final String FLAGS = "/api/projects/1/feature_flags/";
  private static final String OK = "{\"id\":7,\"key\":\"beta\",\"active\":true}";

  private interface Scenario {
    Object run(PostHogClient client);
  }

  private final Map<String, Scenario> scenarios = new TreeMap<>();

  OnePathTest() {
    scenarios.put("a success", c -> {
      wm.stubFor(get(urlEqualTo(FLAG)).willReturn(okJson(OK)));
      return c.project(1).featureFlags().get(7).getKey();
    });
    scenarios.put("a 503 then a success", c -> {
      sequence(wm, () -> get(urlEqualTo(FLAG)), aResponse().withStatus(503), okJson(OK));
      return c.project(1).featureFlags().get(7).getKey();
    });
    scenarios.put("a 429 with Retry-After then a success", c -> {
      sequence(wm, () -> get(urlEqualTo(FLAG)),
          aResponse().withStatus(429).withHeader("Retry-After", "1")
              .withBody("{\"type\":\"throttled_error\",\"detail\":\"slow down\"}"),
          okJson(OK));
      return c.project(1).featureFlags().get(7).getKey();
    });
    scenarios.put("a POST answered 500 is not replayed", c -> {
      wm.stubFor(post(urlEqualTo(FLAGS)).willReturn(aResponse().withStatus(500)
          .withBody("{\"type\":\"server_error\",\"detail\":\"boom\"}")));
      return c.project(1).featureFlags().create(new FeatureFlag().key("k")).getKey();
    });
    scenarios.put("a reset connection three times", c -> {
      wm.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      return c.project(1).featureFlags().get(7).getKey();
    });
    scenarios.put("a read timeout", c -> {
      wm.stubFor(get(urlEqualTo(FLAG)).willReturn(okJson(OK).withFixedDelay(1500)));
      return c.withOptions(RequestOptions.builder().readTimeout(Duration.ofMillis(300))
          .maxRetries(0).build()).project(1).featureFlags().get(7).getKey();
    });
    scenarios.put("a 404", c -> {
      wm.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withStatus(404)
          .withBody("{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\"}")));
      return c.project(1).featureFlags().get(7).getKey();
    });
    scenarios.put("malformed JSON", c -> {
      wm.stubFor(get(urlEqualTo(FLAG)).willReturn(okJson("{\"id\":7,\"key\":")));
      return c.project(1).featureFlags().get(7).getKey();
    });
    scenarios.put("a PATCH through the generated interface", c -> {
      wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.patch(urlEqualTo(FLAG))
          .willReturn(okJson(OK)));
      return c.generated(FeatureFlagsApi.class)
          .featureFlagsPartialUpdate("1", 7L, new PatchedFeatureFlagPartialUpdateRequestSchema().active(false)).getKey();
    });
  }

  /** What the caller saw: the result, or the exception's class and message. */
  private static String outcome(Scenario s, PostHogClient client) {
    try {
      return "result " + s.run(client);
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** What the server saw: method, URL, headers (but the varying ones) and body of each request. */
  private static List<String> seen() {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.getAllServeEvents().stream().map(e -> e.getRequest())
        .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
        .collect(java.util.stream.Collectors.toList())) {
      TreeMap<String, String> headers = new TreeMap<>();
      for (String name : r.getAllHeaderKeys()) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals("host") && !lower.equals("connection") && !lower.equals("keep-alive")) {
          headers.put(lower, r.getHeader(name));
        }
      }
      out.add(r.getMethod() + " " + r.getUrl() + " " + headers + " " + r.getBodyAsString());
    }
    return out;
  }

  private Map<String, String> runAll(HttpLogLevel level, RecordingSleeper sleeper) {
    Map<String, String> results = new TreeMap<>();
    for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
      wm.resetAll();
      try (PostHogClient client = TestClients.builder(wm, sleeper).httpLogging(level).build()) {
        String outcome = outcome(e.getValue(), client);
        results.put(e.getKey(), outcome + "\n  server saw: " + seen());
      }
    }
    return results;
  }

  @Test
  void loggingOnAndOffSendTheSameRequestsAndGiveTheSameOutcomes() {
    Logger http = Logger.getLogger("dev.hedgekit.posthog.http");
    Level before = http.getLevel();
    try {
      RecordingSleeper quiet = new RecordingSleeper();
      Map<String, String> off = runAll(HttpLogLevel.NONE, quiet);
      http.setLevel(Level.ALL);
      RecordingSleeper loud = new RecordingSleeper();
      Map<String, String> full = runAll(HttpLogLevel.FULL, loud);
      assertEquals(scenarios.size(), off.size());
      for (String name : scenarios.keySet()) {
        assertEquals(off.get(name), full.get(name), name);
        assertFalse(off.get(name).contains("server saw: []") && !name.contains("timeout"), name);
      }
      assertEquals(quiet.sleeps(), loud.sleeps(), "the same waits between attempts");
    } finally {
      http.setLevel(before);
    }
  }
}
