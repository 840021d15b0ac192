package dev.hedgekit.posthog.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TourTest {

  @Test
  void tourRunsEndToEndAgainstTheSandbox() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      // An empty environment: no API key, so the tour starts the sandbox.
      status = Tour.run(Map.of(), out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    assertContains(printed, "^PostHog SDK tour against the local sandbox at http://127\\.0\\.0\\.1:\\d+ ");
    assertContains(printed, "^List feature flags: client.project\\(1\\).featureFlags\\(\\).list\\(limit 5\\)$");
    assertContains(printed, "^  -> 2 flags in the project; #101 new-onboarding-flow \\(active\\), "
        + "#102 beta-dashboard-export \\(active\\)$");
    assertContains(printed, "^Get one feature flag: client.project\\(1\\).featureFlags\\(\\).get\\(101\\)$");
    assertContains(printed, "^  -> #101 new-onboarding-flow \\(active\\) \\(a CompletableFuture");
    assertContains(printed, "^  -> #101 new-onboarding-flow \\(active\\), name \"New onboarding flow\", created 2025-01-15T09:30Z$");
    assertContains(printed, "^Create a feature flag: client.project\\(1\\).featureFlags\\(\\).create\\(key tour-demo-flag\\)$");
    assertContains(printed, "^  -> created #101 new-onboarding-flow");
    assertContains(printed, "^Soft delete it: client.project\\(1\\).featureFlags\\(\\).delete\\(101\\) sends PATCH");
    assertContains(printed, "^  -> 2 flags read lazily; ");
    assertContains(printed, "^  -> #101 \"Product overview\", #102 \"Growth metrics\"$");
    for (String area : new String[] {"dashboards", "insights", "cohorts", "persons"}) {
      assertContains(printed, "^List " + area + ": client.project\\(1\\)." + area + "\\(\\).list\\(\\)$");
    }
    assertContains(printed, "^  -> successful=true, data.key=new-onboarding-flow ");
    assertContains(printed, "^  -> successful=false: parameter 'id' of POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS:"
        + " expected integer, got string \"seven\"$");
    assertContains(printed, "^HogQL query: client.project\\(1\\).query\\(\\).hogql\\(");
    assertContains(printed, "^  -> 5 rows; first \\[\"\\$pageview\",18432\\]$");
    assertContains(printed, "^Error handling: a hard DELETE through the generated layer, "
        + "client.generated\\(FeatureFlagsApi.class\\).featureFlagsDestroy\\(1, 101\\)$");
    assertContains(printed, "^  -> MethodNotAllowedException \\(status 405\\): PostHog answered 405 to "
        + "DELETE /api/projects/1/feature_flags/101/: invalid_request/method_not_allowed: "
        + "Method \"DELETE\" not allowed\\.");
    assertContains(printed, "^Tour finished: \\d+ calls\\.$");
  }

  @Test
  void withAKeyButNoProjectTheTourExplainsAndFails() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      status = Tour.run(Map.of("POSTHOG_PERSONAL_API_KEY", "phx_not_used"), out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(Tour.EXIT_USAGE, status);
    assertContains(printed, "POSTHOG_PROJECT_ID is missing");
  }

  @Test
  void withAKeyTheTourOnlyReads() {
    // The "real PostHog" here is a sandbox reached through POSTHOG_HOST, to see what is sent.
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int status;
    List<String> requests;
    try (SandboxServer standIn = SandboxServer.start();
         PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      status = Tour.run(Map.of(
          "POSTHOG_PERSONAL_API_KEY", "phx_live_mode_test",
          "POSTHOG_PROJECT_ID", "42",
          "POSTHOG_HOST", standIn.baseUrl()), out);
      requests = standIn.requestLog();
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    assertContains(printed, "^PostHog SDK tour against .*, project 42 \\(read-only calls\\)\\.$");
    assertContains(printed, "^Create a feature flag: skipped");
    assertContains(printed, "^  -> 2 flags in the project; #101 new-onboarding-flow");
    assertTrue(requests.size() >= 3, requests.toString());
    for (String request : requests) {
      // Reads only: GETs, plus the query API, whose POST runs a read-only HogQL select.
      assertTrue(request.startsWith("GET /api/projects/42/")
          || request.equals("POST /api/projects/42/query/"), request);
    }
  }

  private static void assertContains(String printed, String regex) {
    assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(printed).find(),
        "expected a line matching " + regex + " in:\n" + printed);
  }
}
