package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.ProjectsApi;
import dev.hedgekit.posthog.generated.api.ProjectsApi.List2Query;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.IsGeneratingDemoData;
import dev.hedgekit.posthog.generated.model.ProjectBackwardCompat;
import dev.hedgekit.posthog.generated.model.ProjectBackwardCompatBasic;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Projects of one organization: list, read and delete them, and read a project's change
 * history and demo data state.
 *
 * <pre>{@code
 * Projects projects = client.projects("0187c2...");
 * for (ProjectBackwardCompatBasic p : projects.listAll()) { ... }   // every project
 * ProjectBackwardCompat p = projects.get(42);
 * projects.delete(42);                                             // deletes its data too
 * }</pre>
 */
public final class Projects extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public Projects(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private ProjectsApi projects() {
    return api(ProjectsApi.class);
  }

  /** @return the first page of projects (PostHog's default page size) */
  public Page<ProjectBackwardCompatBasic> list() {
    return list(new List2Query());
  }

  /**
   * One page of projects.
   *
   * @param query paging ({@code limit}, {@code offset}) and {@code search}
   * @return the page
   */
  public Page<ProjectBackwardCompatBasic> list(List2Query query) {
    required(query, "query");
    return Page.of(projects().list2(organizationId, query));
  }

  /** @return every project, fetched lazily page by page */
  public Pager<ProjectBackwardCompatBasic> listAll() {
    return listAll(new List2Query());
  }

  /**
   * Every project, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<ProjectBackwardCompatBasic> listAll(List2Query query) {
    required(query, "query");
    return pager(() -> projects().list2(organizationId, query));
  }


  /**
   * @param id the project's numeric id
   * @return the project with its settings
   */
  public ProjectBackwardCompat get(long id) {
    return projects().retrieve2(organizationId, id);
  }

  /**
   * Deletes the project together with its data (DELETE).
   *
   * @param id the project's id
   */
  public void delete(long id) {
    projects().destroy2(organizationId, id);
  }

  /**
   * @param id the project's id
   * @return the first page of the activity log of changes to the project's settings
   */
  public Page<ActivityLogEntry> activity(long id) {
    return Page.of(projects().activityRetrieve(organizationId, id, null, null));
  }

  /**
   * @param id the project's id
   * @return every entry of that activity log, fetched lazily
   */
  public Pager<ActivityLogEntry> activityAll(long id) {
    return pager(() -> projects().activityRetrieve(organizationId, id, null, null));
  }

  /**
   * @param id the project's id
   * @return whether PostHog is still filling the project with demo data
   */
  public IsGeneratingDemoData isGeneratingDemoData(long id) {
    return projects().isGeneratingDemoDataRetrieve(organizationId, id);
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "Projects{organizationId=" + organizationId + "}";
  }
}
