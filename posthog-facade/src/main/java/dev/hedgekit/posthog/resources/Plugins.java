package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Plugins and plugin-based apps of an organization.
 */
public final class Plugins extends Resource {

  private final String organizationId;

  /**
   * @param client the client
   * @param organizationId the organization id
   */
  public Plugins(PostHogClient client, String organizationId) {
    super(client);
    this.organizationId = id(organizationId, "organizationId");
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }
}
