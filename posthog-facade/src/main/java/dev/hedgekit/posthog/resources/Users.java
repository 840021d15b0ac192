package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Users: the key's own user and its settings.
 */
public final class Users extends Resource {

  /**
   * @param client the client
   */
  public Users(PostHogClient client) {
    super(client);
  }
}
