package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hedgekit.posthog.PostHogClient;
import java.util.List;

/** Fixtures of the typed resource tests: a client aimed at WireMock and JSON answers. */
final class ResourceTestSupport {

  private ResourceTestSupport() {
  }

  /** A client aimed at the WireMock server, without retries. */
  static PostHogClient client(WireMockExtension wm) {
    return PostHogClient.builder().apiKey("phx_test").baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  /** JSON written with single quotes, for readability: {@code {'a':1}} becomes {@code {"a":1}}. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A JSON answer with the given status. */
  static ResponseDefinitionBuilder jsonAnswer(int status, String singleQuoted) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(json(singleQuoted));
  }

  /** Asserts that requests matching the pattern were sent, each without a body. */
  static void assertSentWithoutBody(WireMockExtension wm, RequestPatternBuilder pattern) {
    List<LoggedRequest> sent = wm.findAll(pattern);
    assertFalse(sent.isEmpty(), "no request matched");
    for (LoggedRequest r : sent) {
      assertEquals("", r.getBodyAsString(), () -> r.getMethod() + " " + r.getUrl() + " has a body");
    }
  }
}
