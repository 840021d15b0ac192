package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Organization members.
 */
public final class Members extends Resource {

  private final String organizationId;

  /**
   * @param client the client
   * @param organizationId the organization id
   */
  public Members(PostHogClient client, String organizationId) {
    super(client);
    this.organizationId = id(organizationId, "organizationId");
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }
}
