package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the application on the module path (surefire's default for a modular project). */
class AppTest {

  @Test
  void theSdkWorksOnTheModulePath() throws Exception {
    assertTrue(App.class.getModule().isNamed(), "the test runs inside the named module");
    assertTrue(dev.hedgekit.posthog.PostHogClient.class.getModule().isNamed(),
        "the SDK is a named module");
    assertEquals("checkout-v2 checkout-v2", App.run());
  }
}
