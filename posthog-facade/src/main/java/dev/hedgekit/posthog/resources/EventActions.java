package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Actions (named event combinations; not to be confused with actions() run by slug).
 */
public final class EventActions extends Resource {

  private final String projectId;

  /**
   * @param client the client
   * @param projectId the project id
   */
  public EventActions(PostHogClient client, String projectId) {
    super(client);
    this.projectId = id(projectId, "projectId");
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }
}
