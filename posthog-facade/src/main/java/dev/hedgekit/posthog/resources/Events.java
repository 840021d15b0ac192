package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Raw events.
 */
public final class Events extends Resource {

  private final String projectId;

  /**
   * @param client the client
   * @param projectId the project id
   */
  public Events(PostHogClient client, String projectId) {
    super(client);
    this.projectId = id(projectId, "projectId");
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }
}
