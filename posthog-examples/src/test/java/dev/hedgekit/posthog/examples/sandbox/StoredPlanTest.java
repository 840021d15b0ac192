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
  void theSandboxServesTheStoredPlan() {
    try (SandboxServer s = SandboxServer.start()) {
      assertEquals(SandboxServer.plan(SandboxServer.loadSpec()), s.operations());
      assertEquals(s.operations().size(), s.operationCount());
    }
  }
}
