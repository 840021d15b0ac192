package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.PropertyDefinitionsApi;
import dev.hedgekit.posthog.generated.api.PropertyDefinitionsApi.PropertyDefinitionsListQuery;
import dev.hedgekit.posthog.generated.model.EnterprisePropertyDefinition;
import dev.hedgekit.posthog.generated.model.PatchedEnterprisePropertyDefinition;
import dev.hedgekit.posthog.generated.model.PropertyValue;
import dev.hedgekit.posthog.generated.model.SessionPropertyDefinitions;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;
import java.util.Map;

/**
 * Property definitions of one project: the event, person and group properties PostHog has seen,
 * with their type and tags. Also the session properties and their values.
 *
 * <pre>{@code
 * PropertyDefinitions props = client.propertyDefinitions(42);
 * for (EnterprisePropertyDefinition p : props.listAll(new PropertyDefinitionsListQuery().type("person"))) { ... }
 * props.update(id, new PatchedEnterprisePropertyDefinition()
 *     .propertyType(PatchedEnterprisePropertyDefinition.PropertyTypeEnum.NUMERIC));
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
  public Page<EnterprisePropertyDefinition> list() {
    return list(new PropertyDefinitionsListQuery());
  }

  /**
   * One page of property definitions.
   *
   * @param query filters and paging ({@code type}, {@code search}, {@code event_names},
   *     {@code group_type_index}, {@code is_numerical}, {@code limit}, {@code offset}, ...)
   * @return the page
   */
  public Page<EnterprisePropertyDefinition> list(PropertyDefinitionsListQuery query) {
    required(query, "query");
    return Page.of(definitions().propertyDefinitionsList(projectId, query));
  }

  /** @return every property definition, fetched lazily page by page */
  public Pager<EnterprisePropertyDefinition> listAll() {
    return listAll(new PropertyDefinitionsListQuery());
  }

  /**
   * Every property definition matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<EnterprisePropertyDefinition> listAll(PropertyDefinitionsListQuery query) {
    required(query, "query");
    return pager(() -> definitions().propertyDefinitionsList(projectId, query));
  }


  /**
   * @param id the definition's id
   * @return the property definition
   */
  public EnterprisePropertyDefinition get(String id) {
    uuid(id, "id");
    return definitions().propertyDefinitionsRetrieve(projectId, id);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the definition's id
   * @param patch the fields to change
   * @return the definition after the change
   */
  public EnterprisePropertyDefinition update(String id, PatchedEnterprisePropertyDefinition patch) {
    uuid(id, "id");
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
  public EnterprisePropertyDefinition replace(String id, EnterprisePropertyDefinition definition) {
    uuid(id, "id");
    required(definition, "definition");
    return definitions().propertyDefinitionsUpdate(projectId, id, definition);
  }

  /**
   * Deletes a property definition (a real delete: PostHog answers 204). Captured values are
   * kept; the definition comes back if the property is captured again.
   *
   * @param id the definition's id
   */
  public void delete(String id) {
    uuid(id, "id");
    definitions().propertyDefinitionsDestroy(projectId, id);
  }

  /**
   * Which of the given events have been seen with a property.
   *
   * @param propertyName the property's name
   * @param eventNames the events to check
   * @return for each event name, whether it has been seen with the property
   */
  public Map<String, Boolean> seenTogether(String propertyName, List<String> eventNames) {
    id(propertyName, "propertyName");
    required(eventNames, "eventNames");
    if (eventNames.isEmpty()) {
      throw new IllegalArgumentException("eventNames must not be empty");
    }
    for (String e : eventNames) {
      id(e, "eventNames[i]");
    }
    return definitions().propertyDefinitionsSeenTogetherRetrieve(projectId, eventNames,
        propertyName);
  }

  /** @return the session property definitions of the project */
  public SessionPropertyDefinitions sessionPropertyDefinitions() {
    return definitions().sessionsPropertyDefinitionsRetrieve(projectId, (String) null);
  }

  /**
   * @param search only the session properties whose name contains this text
   * @return the matching session property definitions
   */
  public SessionPropertyDefinitions sessionPropertyDefinitions(String search) {
    return definitions().sessionsPropertyDefinitionsRetrieve(projectId, id(search, "search"));
  }

  /**
   * @param key the session property's name, e.g. {@code $entry_current_url}
   * @return the values sessions have for it, with how many sessions have each
   */
  public List<PropertyValue> sessionValues(String key) {
    return definitions().sessionsValuesRetrieve(projectId, id(key, "key"), null);
  }

  /**
   * @param key the session property's name
   * @param search only values containing this text
   * @return the matching values
   */
  public List<PropertyValue> sessionValues(String key, String search) {
    return definitions().sessionsValuesRetrieve(projectId, id(key, "key"), id(search, "search"));
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
