package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Event definitions.
 */
public final class EventDefinitions extends Resource {

  private final String projectId;

  /**
   * @param client the client
   * @param projectId the project id
   */
  public EventDefinitions(PostHogClient client, String projectId) {
    super(client);
    this.projectId = id(projectId, "projectId");
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }
}
