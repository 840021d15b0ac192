package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hedgekit.posthog.generated.api.PersonsApi;
import dev.hedgekit.posthog.generated.api.PersonsApi.PersonsDestroyQuery;
import dev.hedgekit.posthog.generated.api.PersonsApi.PersonsListQuery;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.CohortList;
import dev.hedgekit.posthog.generated.model.CohortPersonResult;
import dev.hedgekit.posthog.generated.model.Funnel;
import dev.hedgekit.posthog.generated.model.LegacyActorsResponse;
import dev.hedgekit.posthog.generated.model.PatchedPersonRecord;
import dev.hedgekit.posthog.generated.model.Person;
import dev.hedgekit.posthog.generated.model.PersonDeletePropertyRequest;
import dev.hedgekit.posthog.generated.model.PersonPropertiesTimeline;
import dev.hedgekit.posthog.generated.model.PersonRecord;
import dev.hedgekit.posthog.generated.model.PersonSplitRequest;
import dev.hedgekit.posthog.generated.model.PersonUpdatePropertyRequest;
import dev.hedgekit.posthog.generated.model.PropertyValuesResponse;
import dev.hedgekit.posthog.generated.model.SuccessResponse;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.Set;

/**
 * Persons of one project: list, read, change properties, split, delete, and the persons behind
 * insight data points. Persons are created by capturing events, not through this API.
 *
 * <p>Ids: the list answers each person with its UUID as {@code id} (a string), and reading or
 * changing one person takes that UUID. PostHog still routes deleting, splitting, the properties
 * timeline and the per-person activity by the numeric id ({@link PersonRecord#getId()}).
 *
 * <p>The persons behind a data point of an insight come from the query API now: see
 * {@link dev.hedgekit.posthog.query.InsightQueries#actors(JsonNode)} over
 * {@link dev.hedgekit.posthog.query.InsightQueries#insightActors(JsonNode)}. The legacy
 * drill-down routes here ({@link #trends()}, {@link #funnel()}, {@link #lifecycle}, ...) are
 * kept for old callers.
 *
 * <pre>{@code
 * Persons persons = client.project(42).persons();
 * Page<CohortPersonResult> found = persons.list(new PersonsListQuery().email("ada@example.com"));
 * String uuid = found.results().get(0).getId();
 * persons.updateProperty(uuid, "plan", "pro");
 * PersonRecord ada = persons.get(uuid);
 * persons.delete(ada.getId());                              // real delete (202)
 * }</pre>
 */
public final class Persons extends Resource {

  /** Leaves PostHog's {@code format} query parameter out, so answers come as JSON. */
  private static final String DEFAULT_FORMAT = null;

  private static final Set<String> LIFECYCLE_TYPES =
      Set.of("new", "returning", "resurrecting", "dormant");

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Persons(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private PersonsApi persons() {
    return api(PersonsApi.class);
  }

  /** @return the first page of persons (PostHog's default page size) */
  public Page<CohortPersonResult> list() {
    return list(new PersonsListQuery());
  }

  /**
   * One page of persons. The page carries a {@code count} only when {@code include_total} is
   * set.
   *
   * @param query filters and paging ({@code distinct_id}, {@code email}, {@code search},
   *     {@code properties}, {@code include_total}, {@code limit}, {@code offset})
   * @return the page
   */
  public Page<CohortPersonResult> list(PersonsListQuery query) {
    required(query, "query");
    return Page.of(persons().personsList(projectId, query));
  }

  /** @return every person, fetched lazily page by page */
  public Pager<CohortPersonResult> listAll() {
    return listAll(new PersonsListQuery());
  }

  /**
   * Every person matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<CohortPersonResult> listAll(PersonsListQuery query) {
    required(query, "query");
    return pager(() -> persons().personsList(projectId, query));
  }

  /**
   * @param id the person's UUID (the {@code id} of a listed person)
   * @return the person
   */
  public PersonRecord get(String id) {
    return persons().personsRetrieve(projectId, id(id, "id"), DEFAULT_FORMAT);
  }

  /**
   * Sets the properties given in {@code patch} on a person (PATCH); other properties are left
   * as they are. PostHog applies the change asynchronously (202) and answers no body.
   *
   * @param id the person's UUID
   * @param patch the properties to set (its {@code properties})
   */
  public void update(String id, PatchedPersonRecord patch) {
    id(id, "id");
    required(patch, "patch");
    persons().personsPartialUpdate(projectId, id, DEFAULT_FORMAT, patch);
  }

  /**
   * Sets properties on a person (PUT). PostHog applies the change asynchronously (202) and
   * answers no body.
   *
   * @param id the person's UUID
   * @param person the properties to set (its {@code properties})
   */
  public void replace(String id, PersonRecord person) {
    id(id, "id");
    required(person, "person");
    persons().personsUpdate(projectId, id, DEFAULT_FORMAT, person);
  }

  /**
   * Deletes a person (a real delete: PostHog answers 202 and removes it in the background).
   * The person's events are kept; see {@link #delete(long, PersonsDestroyQuery)}. PostHog
   * leaves this route out of its published schema and points to
   * {@code POST /api/projects/{project_id}/persons/bulk_delete/} for deleting many.
   *
   * @param id the person's numeric id
   */
  public void delete(long id) {
    delete(id, new PersonsDestroyQuery());
  }

  /**
   * Deletes a person, optionally queueing the deletion of its events too.
   *
   * @param id the person's numeric id
   * @param query {@code delete_events}: also delete the person's events (in a later batch)
   */
  public void delete(long id, PersonsDestroyQuery query) {
    required(query, "query");
    persons().personsDestroy(projectId, id, query);
  }

  /**
   * Sets one property on a person. PostHog applies it asynchronously (202).
   *
   * @param id the person's UUID
   * @param key the property name
   * @param value its new value (a JSON value: string, number, boolean, list or object)
   */
  public void updateProperty(String id, String key, JsonNode value) {
    id(id, "id");
    text(key, "key");
    required(value, "value");
    persons().personsUpdatePropertyCreate(projectId, id,
        new PersonUpdatePropertyRequest().key(key).value(value), DEFAULT_FORMAT);
  }

  /**
   * Sets one text property on a person. PostHog applies it asynchronously (202).
   *
   * @param id the person's UUID
   * @param key the property name
   * @param value its new value
   */
  public void updateProperty(String id, String key, String value) {
    updateProperty(id, key, TextNode.valueOf(required(value, "value")));
  }

  /**
   * Removes one property from a person. PostHog applies it asynchronously.
   *
   * @param id the person's UUID
   * @param key the property name
   * @return PostHog's answer ({@code success})
   */
  public SuccessResponse deleteProperty(String id, String key) {
    id(id, "id");
    text(key, "key");
    return persons().personsDeletePropertyCreate(projectId, id,
        new PersonDeletePropertyRequest().$unset(key), DEFAULT_FORMAT);
  }

  /**
   * Splits a merged person back into one person per distinct id.
   *
   * @param id the person's numeric id
   * @param request {@code main_distinct_id} (the distinct id that keeps the person) or
   *     {@code distinct_ids_to_split} (the distinct ids to move to new persons); empty splits
   *     every distinct id off
   * @return PostHog's answer ({@code success})
   */
  public SuccessResponse split(long id, PersonSplitRequest request) {
    required(request, "request");
    return persons().personsSplitCreate(projectId, id, DEFAULT_FORMAT, request);
  }

  /**
   * @param id the person's numeric id
   * @return how the person's properties changed over time
   */
  public PersonPropertiesTimeline propertiesTimeline(long id) {
    return persons().personsPropertiesTimelineRetrieve(projectId, id, DEFAULT_FORMAT);
  }

  /** @return the first page of the project's person activity log (changes to any person) */
  public Page<ActivityLogEntry> activity() {
    return Page.of(persons().personsActivityRetrieve(projectId, DEFAULT_FORMAT, null, null));
  }

  /** @return every entry of the project's person activity log, fetched lazily */
  public Pager<ActivityLogEntry> activityAll() {
    return pager(() -> persons().personsActivityRetrieve(projectId, DEFAULT_FORMAT, null, null));
  }

  /**
   * @param id the person's numeric id
   * @return the first page of the activity log of one person
   */
  public Page<ActivityLogEntry> activity(long id) {
    return Page.of(persons().personsActivityRetrieve2(projectId, id, DEFAULT_FORMAT, null, null));
  }

  /**
   * @param id the person's numeric id
   * @return every entry of the activity log of one person, fetched lazily
   */
  public Pager<ActivityLogEntry> activityAll(long id) {
    return pager(() -> persons().personsActivityRetrieve2(projectId, id, DEFAULT_FORMAT, null,
        null));
  }

  /**
   * @param personId the person's UUID
   * @return the cohorts the person belongs to ({@code results})
   */
  public CohortList cohorts(String personId) {
    return persons().personsCohortsRetrieve(projectId, id(personId, "personId"), DEFAULT_FORMAT);
  }

  /**
   * @param key the person property's name
   * @return the values persons have for it, most frequent first
   */
  public PropertyValuesResponse values(String key) {
    return persons().personsValuesRetrieve(projectId, id(key, "key"), DEFAULT_FORMAT, null);
  }

  /**
   * @param key the person property's name
   * @param search only values containing this text
   * @return the matching values persons have for it
   */
  public PropertyValuesResponse values(String key, String search) {
    return persons().personsValuesRetrieve(projectId, id(key, "key"), DEFAULT_FORMAT,
        id(search, "search"));
  }

  /**
   * The persons behind a trends data point (legacy filters in the query string, which this
   * method does not set).
   *
   * @return PostHog's answer
   * @deprecated PostHog still serves this legacy route but can switch it off per organization
   *     (403). Use instead: POST /api/projects/{project_id}/query/ with an ActorsQuery over an
   *     InsightActorsQuery of a TrendsQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#insightActors(JsonNode)}).
   */
  @Deprecated
  public LegacyActorsResponse trends() {
    return persons().personsTrendsRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * The persons behind a stickiness data point (legacy filters in the query string).
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ActorsQuery whose source is a
   *     StickinessActorsQuery.
   */
  @Deprecated
  public JsonNode stickiness() {
    return persons().personsStickinessRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * The persons in one lifecycle bucket on one date (PostHog also reads the lifecycle filters,
   * such as {@code events}, from the query string; this method sends only the two it needs).
   *
   * @param targetDate the date of the data point, e.g. {@code 2026-05-01}
   * @param lifecycleType {@code new}, {@code returning}, {@code resurrecting} or {@code dormant}
   * @return PostHog's answer
   * @deprecated PostHog still serves this legacy route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ActorsQuery over an InsightActorsQuery of a
   *     LifecycleQuery ({@code day}, {@code status}).
   */
  @Deprecated
  public LegacyActorsResponse lifecycle(String targetDate, String lifecycleType) {
    id(targetDate, "targetDate");
    id(lifecycleType, "lifecycleType");
    if (!LIFECYCLE_TYPES.contains(lifecycleType)) {
      throw new IllegalArgumentException("lifecycleType must be one of new, returning,"
          + " resurrecting, dormant; was \"" + lifecycleType + "\"");
    }
    return persons().personsLifecycleRetrieve(projectId, targetDate, lifecycleType,
        DEFAULT_FORMAT);
  }

  /**
   * The persons behind a funnel step (legacy filters in the query string).
   *
   * @return PostHog's answer
   * @deprecated PostHog still serves this legacy route but can switch it off per organization
   *     (403). Use instead: POST /api/projects/{project_id}/query/ with an ActorsQuery whose
   *     source is a FunnelsActorsQuery.
   */
  @Deprecated
  public LegacyActorsResponse funnel() {
    return persons().personsFunnelRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * The persons who reached or dropped off at a funnel step, with the legacy funnel filters in
   * the body.
   *
   * @param funnel the funnel filters
   * @return PostHog's answer
   * @deprecated PostHog still serves this legacy route but can switch it off per organization
   *     (403). Use instead: POST /api/projects/{project_id}/query/ with an ActorsQuery whose
   *     source is a FunnelsActorsQuery.
   */
  @Deprecated
  public LegacyActorsResponse funnel(Funnel funnel) {
    required(funnel, "funnel");
    return persons().personsFunnelCreate(projectId, DEFAULT_FORMAT, funnel);
  }

  /**
   * The persons behind a funnel correlation result.
   *
   * @param person the funnel and correlation filters
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ActorsQuery whose source is a
   *     FunnelCorrelationActorsQuery.
   */
  @Deprecated
  public void funnelCorrelation(PersonRecord person) {
    required(person, "person");
    persons().personsFunnelCorrelationCreate(projectId, DEFAULT_FORMAT, person);
  }

  /**
   * The persons who followed a path (legacy filters in the query string).
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ActorsQuery over an InsightActorsQuery of a
   *     PathsQuery.
   */
  @Deprecated
  public JsonNode path() {
    return persons().personsPathRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * The persons who took a path step, with the path filter in the body.
   *
   * @param person the path filters
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ActorsQuery over an InsightActorsQuery of a
   *     PathsQuery.
   */
  @Deprecated
  public JsonNode path(Person person) {
    required(person, "person");
    return persons().personsPathCreate(projectId, DEFAULT_FORMAT, person);
  }

  /**
   * The persons in one cohort of a retention table (legacy filters in the query string).
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with an ActorsQuery over an InsightActorsQuery of a
   *     RetentionQuery ({@code interval}).
   */
  @Deprecated
  public JsonNode retention() {
    return persons().personsRetentionRetrieve(projectId, DEFAULT_FORMAT);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Persons{projectId=" + projectId + "}";
  }
}
