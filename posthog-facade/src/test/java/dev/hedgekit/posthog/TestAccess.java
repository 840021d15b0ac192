package dev.hedgekit.posthog;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.internal.config.ClientConfig;
import dev.hedgekit.posthog.internal.http.HttpCore;

/** Lets tests in other packages look at a client's internals. */
public final class TestAccess {

  private TestAccess() {
  }

  /** @return the client's context */
  public static ClientContext context(PostHogClient client) {
    return client.context();
  }

  /** @return the client's configuration */
  public static ClientConfig config(PostHogClient client) {
    return client.context().config();
  }

  /** @return the client's HTTP machinery */
  public static HttpCore core(PostHogClient client) {
    return client.context().core();
  }
}
