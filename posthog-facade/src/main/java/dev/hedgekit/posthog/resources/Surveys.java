package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;

/**
 * Surveys.
 */
public final class Surveys extends Resource {

  private final String projectId;

  /**
   * @param client the client
   * @param projectId the project id
   */
  public Surveys(PostHogClient client, String projectId) {
    super(client);
    this.projectId = id(projectId, "projectId");
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }
}
