package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.PersonsApi;
import dev.hedgekit.posthog.generated.api.PersonsApi.PersonsDestroyQuery;
import dev.hedgekit.posthog.generated.api.PersonsApi.PersonsListQuery;
import dev.hedgekit.posthog.generated.model.PaginatedPersonList;
import dev.hedgekit.posthog.generated.model.PatchedPerson;
import dev.hedgekit.posthog.generated.model.Person;
import dev.hedgekit.posthog.generated.model.PersonsDeletePropertyCreateRequest;
import dev.hedgekit.posthog.generated.model.PersonsUpdatePropertyCreateRequest;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Persons of one project: list, read, change properties, split, delete, and the persons behind
 * insight data points (trends, funnels, lifecycle, stickiness). Persons are created by
 * capturing events, not through this API.
 *
 * <pre>{@code
 * Persons persons = client.persons(42);
 * Page<Person> found = persons.list(new PersonsListQuery().email("ada@example.com"));
 * persons.updateProperty(found.results().get(0).getId(), "plan", "pro");
 * persons.delete(found.results().get(0).getId());           // real delete (202)
 * }</pre>
 */
public final class Persons extends Resource {

  /** Leaves PostHog's {@code format} query parameter out, so answers come as JSON. */
  private static final String DEFAULT_FORMAT = null;

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
  public Page<Person> list() {
    return list(new PersonsListQuery());
  }

  /**
   * One page of persons.
   *
   * @param query filters and paging ({@code distinct_id}, {@code email}, {@code search},
   *     {@code properties}, {@code limit}, {@code offset})
   * @return the page
   */
  public Page<Person> list(PersonsListQuery query) {
    required(query, "query");
    return Page.of(persons().personsList(projectId, query));
  }

  /** @return every person, fetched lazily page by page */
  public Pager<Person> listAll() {
    return listAll(new PersonsListQuery());
  }

  /**
   * Every person matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Person> listAll(PersonsListQuery query) {
    required(query, "query");
    return pager(() -> persons().personsList(projectId, query));
  }


  /**
   * @param id the person's numeric id
   * @return the person
   */
  public Person get(long id) {
    return persons().personsRetrieve(projectId, id, DEFAULT_FORMAT);
  }

  /**
   * Sets the properties given in {@code patch} on a person (PATCH); other properties are left
   * as they are. PostHog applies the change asynchronously and answers no body.
   *
   * @param id the person's id
   * @param patch the properties to set (its {@code properties})
   */
  public void update(long id, PatchedPerson patch) {
    required(patch, "patch");
    persons().personsPartialUpdate(projectId, id, DEFAULT_FORMAT, patch);
  }

  /**
   * Sets properties on a person (PUT). PostHog applies the change asynchronously and answers
   * no body.
   *
   * @param id the person's id
   * @param person the properties to set (its {@code properties})
   */
  public void replace(long id, Person person) {
    required(person, "person");
    persons().personsUpdate(projectId, id, DEFAULT_FORMAT, person);
  }

  /**
   * Deletes a person (a real delete: PostHog answers 202 and removes it in the background).
   * The person's events are kept; see {@link #delete(int, PersonsDestroyQuery)}.
   *
   * @param id the person's id
   */
  public void delete(long id) {
    delete(id, new PersonsDestroyQuery());
  }

  /**
   * Deletes a person, optionally queueing the deletion of its events too.
   *
   * @param id the person's id
   * @param query {@code delete_events}: also delete the person's events (in a later batch)
   */
  public void delete(long id, PersonsDestroyQuery query) {
    required(query, "query");
    persons().personsDestroy(projectId, id, query);
  }

  /**
   * Sets one property on a person. PostHog applies it asynchronously.
   *
   * @param id the person's id
   * @param key the property name
   * @param value its new value (a JSON value: string, number, boolean, list or object)
   */
  public void updateProperty(long id, String key, JsonNode value) {
    text(key, "key");
    required(value, "value");
    PersonsUpdatePropertyCreateRequest body = new PersonsUpdatePropertyCreateRequest().key(key).value(value);
    persons().personsUpdatePropertyCreate(projectId, id, body, DEFAULT_FORMAT);
  }

  /**
   * Sets one text property on a person. PostHog applies it asynchronously.
   *
   * @param id the person's id
   * @param key the property name
   * @param value its new value
   */
  public void updateProperty(long id, String key, String value) {
    updateProperty(id, key, com.fasterxml.jackson.databind.node.TextNode.valueOf(
        required(value, "value")));
  }

  /**
   * Removes one property from a person. PostHog applies it asynchronously.
   *
   * @param id the person's id
   * @param key the property name
   * @return PostHog's answer
   */
  public JsonNode deleteProperty(long id, String key) {
    text(key, "key");
    PersonsDeletePropertyCreateRequest body = new PersonsDeletePropertyCreateRequest().$unset(key);
    return 
        persons().personsDeletePropertyCreate(projectId, id, body, DEFAULT_FORMAT);
  }

  /**
   * Splits a merged person back into one person per distinct id.
   *
   * @param id the person's id
   * @param person the person (PostHog requires a body of the person's shape; its
   *     {@code distinct_ids} may name the one to keep)
   * @return PostHog's answer
   */
  public JsonNode split(long id, Person person) {
    required(person, "person");
    return persons().personsSplitCreate(projectId, id, DEFAULT_FORMAT, person);
  }

  /**
   * @param id the person's id
   * @return how the person's properties changed over time
   */
  public JsonNode propertiesTimeline(long id) {
    return 
        persons().personsPropertiesTimelineRetrieve(projectId, id, DEFAULT_FORMAT);
  }

  /** @return the project's person activity log (changes to any person) */
  public JsonNode activity() {
    return persons().personsActivityRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * @param id the person's id
   * @return the activity log of one person
   */
  public JsonNode activity(long id) {
    return persons().personsActivityRetrieve2(projectId, id, DEFAULT_FORMAT);
  }

  /** @return the cohorts a person belongs to (PostHog reads the person from the query string) */
  public JsonNode cohorts() {
    return persons().personsCohortsRetrieve(projectId, DEFAULT_FORMAT);
  }

  /** @return the known values of a person property (PostHog reads the key from the query string) */
  public JsonNode values() {
    return persons().personsValuesRetrieve(projectId, DEFAULT_FORMAT);
  }

  /** @return the persons behind a trends data point (legacy filters in the query string) */
  public JsonNode trends() {
    return persons().personsTrendsRetrieve(projectId, DEFAULT_FORMAT);
  }

  /** @return the persons behind a stickiness data point (legacy filters in the query string) */
  public JsonNode stickiness() {
    return persons().personsStickinessRetrieve(projectId, DEFAULT_FORMAT);
  }

  /** @return the persons in a lifecycle bucket (legacy filters in the query string) */
  public JsonNode lifecycle() {
    return persons().personsLifecycleRetrieve(projectId, DEFAULT_FORMAT);
  }

  /** @return the persons behind a funnel step (legacy filters in the query string) */
  public JsonNode funnel() {
    return persons().personsFunnelRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * The persons who reached or dropped off at a funnel step, with the funnel in the body.
   *
   * @param person the funnel filters (PostHog requires a body of the person's shape)
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream); use an
   *     {@code ActorsQuery} through the query API instead.
   */
  @Deprecated
  public JsonNode funnel(Person person) {
    required(person, "person");
    return persons().personsFunnelCreate(projectId, DEFAULT_FORMAT, person);
  }

  /**
   * The persons behind a funnel correlation result.
   *
   * @param person the funnel and correlation filters (PostHog requires a body of the person's
   *     shape)
   * @return PostHog's answer
   */
  public JsonNode funnelCorrelation(Person person) {
    required(person, "person");
    return 
        persons().personsFunnelCorrelationCreate(projectId, DEFAULT_FORMAT, person);
  }

  /**
   * The persons who followed a path (legacy filters in the query string).
   *
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream); use an
   *     {@code ActorsQuery} through the query API instead.
   */
  @Deprecated
  public JsonNode path() {
    return persons().personsPathRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * The persons who took a path step, with the path filter in the body.
   *
   * @param person the path filters (PostHog requires a body of the person's shape)
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream); use an
   *     {@code ActorsQuery} through the query API instead.
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
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream); use an
   *     {@code ActorsQuery} through the query API instead.
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
