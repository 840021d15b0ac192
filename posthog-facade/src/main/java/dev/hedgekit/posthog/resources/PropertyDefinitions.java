package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.PropertyDefinitionsApi;
import dev.hedgekit.posthog.generated.api.PropertyDefinitionsApi.PropertyDefinitionsListQuery;
import dev.hedgekit.posthog.generated.model.PaginatedPropertyDefinitionList;
import dev.hedgekit.posthog.generated.model.PatchedPropertyDefinition;
import dev.hedgekit.posthog.generated.model.PropertyDefinition;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.UUID;

/**
 * Property definitions of one project: the event, person and group properties PostHog has seen,
 * with their type and tags. Also the session properties and their values.
 *
 * <pre>{@code
 * PropertyDefinitions props = client.propertyDefinitions(42);
 * for (PropertyDefinition p : props.listAll(new PropertyDefinitionsListQuery().type("person"))) { ... }
 * props.update(id, new PatchedPropertyDefinition().propertyType(PropertyTypeEnum.NUMERIC));
 * }</pre>
 */
public final class PropertyDefinitions extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public PropertyDefinitions(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private PropertyDefinitionsApi definitions() {
    return api(PropertyDefinitionsApi.class);
  }

  /** @return the first page of property definitions (PostHog's default page size) */
  public Page<PropertyDefinition> list() {
    return list(new PropertyDefinitionsListQuery());
  }

  /**
   * One page of property definitions.
   *
   * @param query filters and paging ({@code type}, {@code search}, {@code event_names},
   *     {@code group_type_index}, {@code is_numerical}, {@code limit}, {@code offset}, ...)
   * @return the page
   */
  public Page<PropertyDefinition> list(PropertyDefinitionsListQuery query) {
    required(query, "query");
    return Page.of(definitions().propertyDefinitionsList(projectId, query));
  }

  /** @return every property definition, fetched lazily page by page */
  public Pager<PropertyDefinition> listAll() {
    return listAll(new PropertyDefinitionsListQuery());
  }

  /**
   * Every property definition matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<PropertyDefinition> listAll(PropertyDefinitionsListQuery query) {
    required(query, "query");
    return pager(() -> definitions().propertyDefinitionsList(projectId, query));
  }


  /**
   * @param id the definition's id
   * @return the property definition
   */
  public PropertyDefinition get(UUID id) {
    required(id, "id");
    return definitions().propertyDefinitionsRetrieve(projectId, id);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the definition's id
   * @param patch the fields to change
   * @return the definition after the change
   */
  public PropertyDefinition update(UUID id, PatchedPropertyDefinition patch) {
    required(id, "id");
    required(patch, "patch");
    return definitions().propertyDefinitionsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the definition (PUT): fields not set in {@code definition} are reset by PostHog.
   *
   * @param id the definition's id
   * @param definition the full new state
   * @return the definition after the change
   */
  public PropertyDefinition replace(UUID id, PropertyDefinition definition) {
    required(id, "id");
    required(definition, "definition");
    return definitions().propertyDefinitionsUpdate(projectId, id, definition);
  }

  /**
   * Deletes a property definition (a real delete: PostHog answers 204). Captured values are
   * kept; the definition comes back if the property is captured again.
   *
   * @param id the definition's id
   */
  public void delete(UUID id) {
    required(id, "id");
    definitions().propertyDefinitionsDestroy(projectId, id);
  }

  /**
   * @return which events have been seen with a property (PostHog reads the names from the
   *     query string)
   */
  public JsonNode seenTogether() {
    return definitions().propertyDefinitionsSeenTogetherRetrieve(projectId);
  }

  /** @return the session property definitions of the project */
  public JsonNode sessionPropertyDefinitions() {
    return definitions().sessionsPropertyDefinitionsRetrieve(projectId);
  }

  /** @return the known values of a session property (PostHog reads the key from the query string) */
  public JsonNode sessionValues() {
    return definitions().sessionsValuesRetrieve(projectId);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "PropertyDefinitions{projectId=" + projectId + "}";
  }
}
