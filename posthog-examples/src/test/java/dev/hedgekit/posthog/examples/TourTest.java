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
    assertContains(printed, "^List feature flags: FeatureFlagsApi feature_flags_list\\(project 1, limit 5\\)$");
    assertContains(printed, "^  -> 2 flags in the project; #101 new-onboarding-flow \\(active\\), "
        + "#102 beta-dashboard-export \\(active\\)$");
    assertContains(printed, "^Get one feature flag: FeatureFlagsApi feature_flags_retrieve\\(project 1, id 101\\)$");
    assertContains(printed, "^  -> #101 new-onboarding-flow \\(active\\), name \"New onboarding flow\", created 2025-01-15T09:30Z$");
    assertContains(printed, "^Create a feature flag: FeatureFlagsApi feature_flags_create\\(project 1, key tour-demo-flag\\)$");
    assertContains(printed, "^  -> created #101 new-onboarding-flow");
    for (String area : new String[] {"dashboards", "insights", "cohorts", "persons"}) {
      // Listed when the spec generates the interface, skipped with a reason otherwise.
      assertContains(printed, "^List " + area + ": ");
    }
    assertContains(printed, "^Error handling: FeatureFlagsApi feature_flags_destroy\\(project 1, id 101\\), a hard delete$");
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
      assertTrue(request.startsWith("GET /api/projects/42/"), request);
    }
  }

  private static void assertContains(String printed, String regex) {
    assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(printed).find(),
        "expected a line matching " + regex + " in:\n" + printed);
  }
}
