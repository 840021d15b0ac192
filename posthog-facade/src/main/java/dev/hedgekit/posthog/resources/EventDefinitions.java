package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.EventDefinitionsApi;
import java.util.UUID;

/**
 * Event definitions of one project: the event names PostHog has seen, with their description,
 * tags and owner. The spec types these answers loosely, so they come as JSON trees.
 *
 * <pre>{@code
 * JsonNode definitions = client.eventDefinitions(42).list();
 * }</pre>
 */
public final class EventDefinitions extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public EventDefinitions(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private EventDefinitionsApi definitions() {
    return api(EventDefinitionsApi.class);
  }

  /** @return the first page of event definitions, as PostHog answered it */
  public JsonNode list() {
    return definitions().eventDefinitionsRetrieve(projectId);
  }

  /**
   * @param id the definition's id
   * @return the event definition
   */
  public JsonNode get(UUID id) {
    required(id, "id");
    return definitions().eventDefinitionsRetrieve2(projectId, id);
  }

  /**
   * Sends a PATCH of an event definition. The spec declares no request body for it, so none is
   * sent and PostHog answers the definition unchanged.
   *
   * @param id the definition's id
   * @return the event definition
   */
  public JsonNode update(UUID id) {
    required(id, "id");
    return definitions().eventDefinitionsPartialUpdate(projectId, id);
  }

  /**
   * Sends a PUT of an event definition. The spec declares no request body for it, so none is
   * sent.
   *
   * @param id the definition's id
   * @return the event definition
   */
  public JsonNode replace(UUID id) {
    required(id, "id");
    return definitions().eventDefinitionsUpdate(projectId, id);
  }

  /**
   * Deletes an event definition (a real delete: PostHog answers 204). Events already captured
   * are kept; the definition comes back if the event is captured again.
   *
   * @param id the definition's id
   */
  public void delete(UUID id) {
    required(id, "id");
    definitions().eventDefinitionsDestroy(projectId, id);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "EventDefinitions{projectId=" + projectId + "}";
  }
}
