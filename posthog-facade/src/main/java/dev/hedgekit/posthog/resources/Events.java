package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.EventsApi;
import dev.hedgekit.posthog.generated.api.EventsApi.EventsListQuery;
import dev.hedgekit.posthog.generated.model.ClickhouseEvent;
import dev.hedgekit.posthog.generated.model.PaginatedClickhouseEventList;
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

  /** Leaves PostHog's {@code format} query parameter out, so answers come as JSON. */
  private static final String DEFAULT_FORMAT = null;

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
   * @param id the event's id (its uuid)
   * @return the event
   */
  public ClickhouseEvent get(String id) {
    id(id, "id");
    return events().eventsRetrieve(projectId, id, DEFAULT_FORMAT);
  }

  /** @return the known values of an event property (PostHog reads the key from the query string) */
  public JsonNode values() {
    return events().eventsValuesRetrieve(projectId, DEFAULT_FORMAT);
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
