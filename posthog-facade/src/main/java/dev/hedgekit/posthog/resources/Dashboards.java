package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.DashboardsApi;
import dev.hedgekit.posthog.generated.api.DashboardsApi.DashboardsListQuery;
import dev.hedgekit.posthog.generated.api.DashboardsApi.DashboardsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.Dashboard;
import dev.hedgekit.posthog.generated.model.DashboardBasic;
import dev.hedgekit.posthog.generated.model.DashboardCollaborator;
import dev.hedgekit.posthog.generated.model.DashboardFromTemplateRequest;
import dev.hedgekit.posthog.generated.model.DashboardMoveTileRequest;
import dev.hedgekit.posthog.generated.model.DashboardMoveTileRequestTile;
import dev.hedgekit.posthog.generated.model.PatchedDashboard;
import dev.hedgekit.posthog.generated.model.SharingConfiguration;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;

/**
 * Dashboards of one project: list, read, create, change, soft delete, and the dashboard's
 * tiles, sharing settings and collaborators. Lists hold the dashboards without their tiles.
 *
 * <pre>{@code
 * Dashboards dashboards = client.dashboards(42);
 * Dashboard kpis = dashboards.create(new Dashboard().name("KPIs").pinned(true));
 * dashboards.update(kpis.getId(), new PatchedDashboard().description("Weekly numbers"));
 * dashboards.delete(kpis.getId());                         // soft delete
 * }</pre>
 */
public final class Dashboards extends Resource {

  /** Leaves PostHog's {@code format} query parameter out, so answers come as JSON. */
  private static final String DEFAULT_FORMAT = null;

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Dashboards(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private DashboardsApi dashboards() {
    return api(DashboardsApi.class);
  }

  /** @return the first page of dashboards (PostHog's default page size) */
  public Page<DashboardBasic> list() {
    return list(new DashboardsListQuery());
  }

  /**
   * One page of dashboards.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<DashboardBasic> list(DashboardsListQuery query) {
    required(query, "query");
    return Page.of(dashboards().dashboardsList(projectId, query));
  }

  /** @return every dashboard, fetched lazily page by page */
  public Pager<DashboardBasic> listAll() {
    return listAll(new DashboardsListQuery());
  }

  /**
   * Every dashboard, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<DashboardBasic> listAll(DashboardsListQuery query) {
    required(query, "query");
    return pager(() -> dashboards().dashboardsList(projectId, query));
  }


  /**
   * @param id the dashboard's numeric id
   * @return the dashboard, with its tiles
   */
  public Dashboard get(long id) {
    return get(id, new DashboardsRetrieveQuery());
  }

  /**
   * Reads a dashboard with its tiles computed under other filters or variable values.
   *
   * @param id the dashboard's numeric id
   * @param query {@code filters_override} and {@code variables_override} (JSON texts)
   * @return the dashboard, with its tiles
   */
  public Dashboard get(long id, DashboardsRetrieveQuery query) {
    required(query, "query");
    return dashboards().dashboardsRetrieve(projectId, id, query);
  }

  /**
   * Creates a dashboard. {@code use_template} or {@code use_dashboard} start it from a
   * template or as a copy of another dashboard.
   *
   * @param dashboard the new dashboard
   * @return the created dashboard, with its id
   */
  public Dashboard create(Dashboard dashboard) {
    required(dashboard, "dashboard");
    return dashboards().dashboardsCreate(projectId, DEFAULT_FORMAT, dashboard);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the dashboard's id
   * @param patch the fields to change
   * @return the dashboard after the change
   */
  public Dashboard update(long id, PatchedDashboard patch) {
    required(patch, "patch");
    return dashboards().dashboardsPartialUpdate(projectId, id, DEFAULT_FORMAT, patch);
  }

  /**
   * Replaces the dashboard (PUT): fields not set in {@code dashboard} are reset by PostHog.
   *
   * @param id the dashboard's id
   * @param dashboard the full new state
   * @return the dashboard after the change
   */
  public Dashboard replace(long id, Dashboard dashboard) {
    required(dashboard, "dashboard");
    return dashboards().dashboardsUpdate(projectId, id, DEFAULT_FORMAT, dashboard);
  }

  /**
   * Soft deletes the dashboard: PostHog does not allow a hard delete of dashboards (the DELETE
   * answers 405), so this sends a PATCH setting {@code deleted} to true. The dashboard
   * disappears from lists; its insights are kept (set {@code delete_insights} in a PATCH of
   * your own to remove them too).
   *
   * @param id the dashboard's id
   * @return the dashboard as PostHog answered the PATCH
   */
  public Dashboard delete(long id) {
    return update(id, new PatchedDashboard().deleted(true));
  }

  /**
   * Moves a tile from this dashboard to another.
   *
   * @param id the dashboard the tile is on
   * @param tileId the tile's id
   * @param toDashboard the id of the dashboard to move it to
   * @return the dashboard the tile left, as it is now
   */
  public Dashboard moveTile(long id, long tileId, long toDashboard) {
    return moveTile(id, new DashboardMoveTileRequest()
        .tile(new DashboardMoveTileRequestTile().id(tileId)).toDashboard(toDashboard));
  }

  /**
   * Moves a tile from this dashboard to another.
   *
   * @param id the dashboard the tile is on
   * @param move {@code tile} (its {@code id}) and {@code toDashboard} (sent as {@code to_dashboard})
   * @return the dashboard the tile left, as it is now
   */
  public Dashboard moveTile(long id, DashboardMoveTileRequest move) {
    required(move, "move");
    required(move.getTile(), "move.tile");
    required(move.getToDashboard(), "move.toDashboard");
    return dashboards().dashboardsMoveTilePartialUpdate(projectId, id, move, DEFAULT_FORMAT);
  }

  /**
   * Creates a dashboard from a template document (its tiles, filters and variables).
   *
   * @param request the {@code template} document, and optionally {@code creation_context}
   * @return the new dashboard
   */
  public Dashboard createFromTemplateJson(DashboardFromTemplateRequest request) {
    required(request, "request");
    required(request.getTemplate(), "request.template");
    return dashboards().dashboardsCreateFromTemplateJsonCreate(projectId, request,
        DEFAULT_FORMAT);
  }

  /**
   * @param dashboardId the dashboard's id
   * @return the dashboard's public sharing settings
   */
  public SharingConfiguration sharing(long dashboardId) {
    return dashboards().dashboardsSharingList(projectId, dashboardId);
  }

  /**
   * @param dashboardId the dashboard's id
   * @return the users given explicit access to a restricted dashboard
   */
  public List<DashboardCollaborator> collaborators(long dashboardId) {
    return dashboards().dashboardsCollaboratorsList(projectId, dashboardId);
  }

  /**
   * Gives a user explicit access to a restricted dashboard.
   *
   * @param dashboardId the dashboard's id
   * @param collaborator the user ({@code user_uuid}) and the {@code level} of access
   * @return the created collaborator entry
   */
  public DashboardCollaborator addCollaborator(long dashboardId, DashboardCollaborator collaborator) {
    required(collaborator, "collaborator");
    return dashboards().dashboardsCollaboratorsCreate(projectId, dashboardId, collaborator);
  }

  /**
   * Removes a user's explicit access to a dashboard.
   *
   * @param dashboardId the dashboard's id
   * @param userUuid the user's uuid
   */
  public void removeCollaborator(long dashboardId, String userUuid) {
    uuid(userUuid, "userUuid");
    dashboards().dashboardsCollaboratorsDestroy(projectId, dashboardId, userUuid);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Dashboards{projectId=" + projectId + "}";
  }
}
