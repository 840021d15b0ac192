package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.generated.api.EventDefinitionsApi;
import dev.hedgekit.posthog.generated.api.EventDefinitionsApi.EventDefinitionsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.EnterpriseEventDefinition;
import dev.hedgekit.posthog.generated.model.PatchedEnterpriseEventDefinition;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Event definitions of one project: the event names PostHog has seen, with their description,
 * tags, owner and verification. List, read, change and delete them.
 *
 * <pre>{@code
 * EventDefinitions definitions = client.project(42).eventDefinitions();
 * for (EnterpriseEventDefinition d : definitions.listAll()) { ... }
 * definitions.update(id, new PatchedEnterpriseEventDefinition().description("Checkout done"));
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

  /** @return the first page of event definitions (PostHog's default page size) */
  public Page<EnterpriseEventDefinition> list() {
    return list(new EventDefinitionsRetrieveQuery());
  }

  /**
   * One page of event definitions.
   *
   * @param query filters and paging ({@code search}, {@code event_type},
   *     {@code exclude_hidden}, {@code ordering}, {@code limit}, {@code offset})
   * @return the page
   */
  public Page<EnterpriseEventDefinition> list(EventDefinitionsRetrieveQuery query) {
    required(query, "query");
    return Page.of(definitions().eventDefinitionsRetrieve(projectId, query));
  }

  /** @return every event definition, fetched lazily page by page */
  public Pager<EnterpriseEventDefinition> listAll() {
    return listAll(new EventDefinitionsRetrieveQuery());
  }

  /**
   * Every event definition matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<EnterpriseEventDefinition> listAll(EventDefinitionsRetrieveQuery query) {
    required(query, "query");
    return pager(() -> definitions().eventDefinitionsRetrieve(projectId, query));
  }

  /**
   * @param id the definition's id
   * @return the event definition
   */
  public EnterpriseEventDefinition get(String id) {
    uuid(id, "id");
    return definitions().eventDefinitionsRetrieve2(projectId, id);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH): description, tags, owner, verified,
   * hidden, ...
   *
   * @param id the definition's id
   * @param patch the fields to change
   * @return the definition after the change
   */
  public EnterpriseEventDefinition update(String id, PatchedEnterpriseEventDefinition patch) {
    uuid(id, "id");
    required(patch, "patch");
    return definitions().eventDefinitionsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the editable fields of the definition (PUT).
   *
   * @param id the definition's id
   * @param definition the full new state
   * @return the definition after the change
   */
  public EnterpriseEventDefinition replace(String id, EnterpriseEventDefinition definition) {
    uuid(id, "id");
    required(definition, "definition");
    return definitions().eventDefinitionsUpdate(projectId, id, definition);
  }

  /**
   * Deletes an event definition (a real delete: PostHog answers 204). Events already captured
   * are kept; the definition comes back if the event is captured again.
   *
   * @param id the definition's id
   */
  public void delete(String id) {
    uuid(id, "id");
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
