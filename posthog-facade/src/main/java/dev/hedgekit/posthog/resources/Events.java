package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.EventsApi;
import dev.hedgekit.posthog.generated.api.EventsApi.EventsListQuery;
import dev.hedgekit.posthog.generated.api.EventsApi.EventsRetrieveQuery;
import dev.hedgekit.posthog.generated.api.EventsApi.EventsValuesRetrieveQuery;
import dev.hedgekit.posthog.generated.model.ClickhouseEvent;
import dev.hedgekit.posthog.generated.model.PropertyValuesResponse;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Raw events of one project: list with filters, read one, and the known values of an event
 * property. PostHog calls the list endpoint legacy and recommends the query API (HogQL) or
 * batch exports for reading many events.
 *
 * <pre>{@code
 * Events events = client.events(42);
 * Page<ClickhouseEvent> pageviews = events.list(new EventsListQuery().event("$pageview").limit(100));
 * }</pre>
 */
public final class Events extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Events(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private EventsApi events() {
    return api(EventsApi.class);
  }

  /** @return the first page of events, newest first (PostHog's default page size) */
  public Page<ClickhouseEvent> list() {
    return list(new EventsListQuery());
  }

  /**
   * One page of events.
   *
   * @param query filters and paging ({@code event}, {@code after}, {@code before},
   *     {@code distinct_id}, {@code person_id}, {@code properties}, {@code limit}, ...)
   * @return the page
   */
  public Page<ClickhouseEvent> list(EventsListQuery query) {
    required(query, "query");
    return Page.of(events().eventsList(projectId, query));
  }

  /** @return every event, fetched lazily page by page */
  public Pager<ClickhouseEvent> listAll() {
    return listAll(new EventsListQuery());
  }

  /**
   * Every event matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<ClickhouseEvent> listAll(EventsListQuery query) {
    required(query, "query");
    return pager(() -> events().eventsList(projectId, query));
  }


  /**
   * @param id the event's uuid
   * @return the event
   */
  public ClickhouseEvent get(String id) {
    return get(id, new EventsRetrieveQuery());
  }

  /**
   * @param id the event's uuid
   * @param query {@code include_person}: also answer the event's person
   * @return the event
   */
  public ClickhouseEvent get(String id, EventsRetrieveQuery query) {
    uuid(id, "id");
    required(query, "query");
    return events().eventsRetrieve(projectId, id, query);
  }

  /**
   * @param key the event property's name
   * @return the values events have for it, most frequent first
   */
  public PropertyValuesResponse values(String key) {
    return values(new EventsValuesRetrieveQuery().key(key));
  }

  /**
   * The known values of an event property, narrowed down.
   *
   * @param query {@code key} (required), {@code event_name} (only these events),
   *     {@code value} (only values containing it), {@code is_column}
   * @return the values
   */
  public PropertyValuesResponse values(EventsValuesRetrieveQuery query) {
    required(query, "query");
    id(query.key(), "key");
    return events().eventsValuesRetrieve(projectId, query);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Events{projectId=" + projectId + "}";
  }
}
