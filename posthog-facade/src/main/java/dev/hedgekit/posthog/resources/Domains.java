package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Verified domains.
 */
public final class Domains extends Resource {

  private final String organizationId;

  /**
   * @param client the client
   * @param organizationId the organization id
   */
  public Domains(PostHogClient client, String organizationId) {
    super(client);
    this.organizationId = id(organizationId, "organizationId");
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }
}
