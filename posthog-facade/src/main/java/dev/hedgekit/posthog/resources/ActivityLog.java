package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.ActivityLogApi;
import dev.hedgekit.posthog.generated.api.ActivityLogApi.ActivityLogListQuery;
import java.util.List;

/**
 * The activity log (audit trail) of one project: who changed what and when, newest first.
 *
 * <pre>{@code
 * for (dev.hedgekit.posthog.generated.model.ActivityLog entry : client.activityLog(42).list()) {
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

  /** @return the most recent entries of the activity log */
  public List<dev.hedgekit.posthog.generated.model.ActivityLog> list() {
    return list(new ActivityLogListQuery());
  }

  /**
   * Entries of the activity log from a position.
   *
   * @param query {@code cursor}: the opaque position from a previous answer
   * @return the entries
   */
  public List<dev.hedgekit.posthog.generated.model.ActivityLog> list(ActivityLogListQuery query) {
    required(query, "query");
    return log().activityLogList(projectId, query);
  }

  /**
   * Up to ten recent changes by others to things the key's user created or edited.
   *
   * @return PostHog's answer
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream).
   */
  @Deprecated
  public JsonNode importantChanges() {
    return log().activityLogImportantChangesRetrieve(projectId);
  }

  /**
   * Marks the key's user's activity notifications as read up to a date.
   *
   * @param bookmark the entry whose {@code created_at} is the date to mark up to
   * @deprecated PostHog no longer documents this endpoint (it was removed upstream).
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
