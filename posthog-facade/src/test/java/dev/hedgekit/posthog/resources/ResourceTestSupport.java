package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;

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
}
