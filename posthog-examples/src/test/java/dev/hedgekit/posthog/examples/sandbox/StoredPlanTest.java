package dev.hedgekit.posthog.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan the build stores beside the sandbox (what {@link SandboxServer#start()} serves) is
 * exactly what planning the spec on the classpath gives, answer bodies included, so the fast
 * start cannot drift from the spec.
 */
class StoredPlanTest {

  @Test
  void theStoredPlanIsThePlanOfTheSpec() {
    List<Route> stored = StoredPlan.read();
    assertNotNull(stored, "the build stores the plan (exec:java in process-classes)");
    List<StubbedOperation> fromSpec = SandboxServer.plan(SandboxServer.loadSpec());
    List<StubbedOperation> fromStore = new ArrayList<>();
    stored.forEach(r -> fromStore.add(r.toOperation()));
    assertEquals(fromSpec.size(), fromStore.size());
    for (int i = 0; i < fromSpec.size(); i++) {
      assertEquals(fromSpec.get(i), fromStore.get(i), fromSpec.get(i).operationId());
    }
  }

  @Test
  void segmentMatchingAgreesWithTheRegexOfEveryTemplate() {
    List<Route> routes = StoredPlan.read();
    routes.add(new Route("x", "GET", "/api/x/{id}.json", StoredPlan.pathRegex("/api/x/{id}.json"),
        200, null, null, routes.size()));
    List<String> paths = new ArrayList<>(List.of("/", "", "/api/", "/api/x/7.json",
        "/api/x/.json", "/api/projects/1/feature_flags//", "/api/projects/1/feature_flags/2"));
    for (Route r : routes) {
      StubbedOperation op = r.toOperation();
      paths.add(op.examplePath("1"));
      paths.add(op.examplePath("a%2Fb"));
      paths.add(op.examplePath(""));
      paths.add(op.examplePath("1") + "x/");
    }
    int matched = 0;
    for (Route r : routes) {
      java.util.regex.Pattern regex = java.util.regex.Pattern.compile(r.regex);
      for (String path : paths) {
        boolean expected = regex.matcher(path).matches();
        assertEquals(expected, r.matches(path), r.pathTemplate + " vs " + path);
        matched += expected ? 1 : 0;
      }
    }
    assertEquals(true, matched >= routes.size(), "every template matches its example path");
  }

  @Test
  void theSandboxServesTheStoredPlan() {
    try (SandboxServer s = SandboxServer.start()) {
      assertEquals(SandboxServer.plan(SandboxServer.loadSpec()), s.operations());
      assertEquals(s.operations().size(), s.operationCount());
    }
  }
}
