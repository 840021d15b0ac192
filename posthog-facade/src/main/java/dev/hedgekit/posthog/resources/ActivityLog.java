package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.generated.api.ActivityLogApi;
import dev.hedgekit.posthog.generated.api.ActivityLogApi.ActivityLogListQuery;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * The activity log (audit trail) of one project: who changed what and when, newest first. The
 * log pages by cursor; {@link #listAll()} follows PostHog's links.
 *
 * <pre>{@code
 * for (dev.hedgekit.posthog.generated.model.ActivityLog entry
 *     : client.project(42).activityLog().listAll(new ActivityLogListQuery().scope("FeatureFlag"))) {
 *   System.out.println(entry.getActivity() + " " + entry.getScope());
 * }
 * }</pre>
 */
public final class ActivityLog extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public ActivityLog(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private ActivityLogApi log() {
    return api(ActivityLogApi.class);
  }

  /** @return the first page of the activity log (the most recent entries) */
  public Page<dev.hedgekit.posthog.generated.model.ActivityLog> list() {
    return list(new ActivityLogListQuery());
  }

  /**
   * One page of the activity log.
   *
   * @param query filters ({@code scope}, {@code scopes}, {@code item_id}, {@code user}) and
   *     position ({@code cursor}, or {@code page} and {@code page_size})
   * @return the page
   */
  public Page<dev.hedgekit.posthog.generated.model.ActivityLog> list(ActivityLogListQuery query) {
    required(query, "query");
    return Page.of(log().activityLogList(projectId, query));
  }

  /** @return every entry of the activity log, fetched lazily page by page */
  public Pager<dev.hedgekit.posthog.generated.model.ActivityLog> listAll() {
    return listAll(new ActivityLogListQuery());
  }

  /**
   * Every entry of the activity log matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code page_size} sets the page size
   * @return the pager
   */
  public Pager<dev.hedgekit.posthog.generated.model.ActivityLog> listAll(
      ActivityLogListQuery query) {
    required(query, "query");
    return pager(() -> log().activityLogList(projectId, query));
  }

  /**
   * Up to ten recent changes by others to things the key's user created or edited.
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: GET
   *     /api/projects/{project_id}/my_notifications/.
   */
  @Deprecated
  public JsonNode importantChanges() {
    return log().activityLogImportantChangesRetrieve(projectId);
  }

  /**
   * Marks the key's user's activity notifications as read up to a date.
   *
   * @param bookmark the entry whose {@code created_at} is the date to mark up to
   * @deprecated PostHog has removed this route. Use instead: the notification endpoints under
   *     /api/projects/{project_id}/my_notifications/.
   */
  @Deprecated
  public void bookmarkNotifications(dev.hedgekit.posthog.generated.model.ActivityLog bookmark) {
    required(bookmark, "bookmark");
    log().activityLogBookmarkActivityNotificationCreate(projectId, bookmark);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "ActivityLog{projectId=" + projectId + "}";
  }
}
