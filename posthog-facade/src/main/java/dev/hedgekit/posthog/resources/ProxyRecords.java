package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Managed proxy records.
 */
public final class ProxyRecords extends Resource {

  private final String organizationId;

  /**
   * @param client the client
   * @param organizationId the organization id
   */
  public ProxyRecords(PostHogClient client, String organizationId) {
    super(client);
    this.organizationId = id(organizationId, "organizationId");
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }
}
