package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import dev.hedgekit.posthog.PostHogClient;

/** Shared fixtures of the organization, project-admin and pipeline resource tests. */
final class OrgAdminFixtures {

  static final String ORG = "0188a7b2-6f4e-7c1d-9a3b-5e2f1d0c9b8a";
  static final String UUID_1 = "11111111-2222-4333-8444-555555555555";
  static final String UUID_2 = "66666666-7777-4888-9999-aaaaaaaaaaaa";

  private OrgAdminFixtures() {
  }

  /** A client aimed at the WireMock server, without retries. */
  static PostHogClient client(WireMockExtension wm) {
    return PostHogClient.builder().apiKey("phx_test").baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  /** A 200 answer with a JSON body. */
  static ResponseDefinitionBuilder json(String body) {
    return json(200, body);
  }

  /** An answer with a status and a JSON body. */
  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** A 204 answer without a body. */
  static ResponseDefinitionBuilder noContent() {
    return aResponse().withStatus(204);
  }

  /** The exact JSON body: same fields and values, nothing more (array order kept). */
  static StringValuePattern exactJson(String body) {
    return equalToJson(body, false, false);
  }

  /** A page body with the given results, count and next link. */
  static String page(String results, Integer count, String next) {
    return "{\"count\":" + count + ",\"next\":" + (next == null ? "null" : "\"" + next + "\"")
        + ",\"previous\":null,\"results\":[" + results + "]}";
  }
}
