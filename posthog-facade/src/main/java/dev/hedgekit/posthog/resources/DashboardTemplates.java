package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.DashboardTemplatesApi;
import dev.hedgekit.posthog.generated.api.DashboardTemplatesApi.DashboardTemplatesListQuery;
import dev.hedgekit.posthog.generated.model.DashboardTemplate;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Dashboard templates available to one project: list, read, and the JSON schema of a
 * template document. Create a dashboard from a template with
 * {@link Dashboards#create(dev.hedgekit.posthog.generated.model.Dashboard)} and
 * {@code use_template}, or {@link Dashboards#createFromTemplateJson}.
 *
 * <pre>{@code
 * for (DashboardTemplate t : client.dashboardTemplates(42).listAll()) {
 *   System.out.println(t.getTemplateName());
 * }
 * }</pre>
 */
public final class DashboardTemplates extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public DashboardTemplates(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private DashboardTemplatesApi templates() {
    return api(DashboardTemplatesApi.class);
  }

  /** @return the first page of templates (PostHog's default page size) */
  public Page<DashboardTemplate> list() {
    return list(new DashboardTemplatesListQuery());
  }

  /**
   * One page of templates.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<DashboardTemplate> list(DashboardTemplatesListQuery query) {
    required(query, "query");
    return Page.of(templates().dashboardTemplatesList(projectId, query));
  }

  /** @return every template, fetched lazily page by page */
  public Pager<DashboardTemplate> listAll() {
    return listAll(new DashboardTemplatesListQuery());
  }

  /**
   * Every template, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<DashboardTemplate> listAll(DashboardTemplatesListQuery query) {
    required(query, "query");
    return pager(() -> templates().dashboardTemplatesList(projectId, query));
  }


  /**
   * @param id the template's id
   * @return the template
   */
  public DashboardTemplate get(String id) {
    uuid(id, "id");
    return templates().dashboardTemplatesRetrieve(projectId, id);
  }

  /**
   * Sends the DELETE of a template. PostHog does not allow a hard delete of dashboard
   * templates (the DELETE answers 405), and the spec offers no PATCH for templates through which
   * a soft delete could be sent, so this call always fails.
   *
   * @param id the template's id
   * @throws dev.hedgekit.posthog.errors.MethodNotAllowedException as PostHog refuses the DELETE
   */
  public void delete(String id) {
    uuid(id, "id");
    templates().dashboardTemplatesDestroy(projectId, id);
  }

  /** @return the JSON schema a dashboard template document must follow */
  public JsonNode jsonSchema() {
    return templates().dashboardTemplatesJsonSchemaRetrieve(projectId);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "DashboardTemplates{projectId=" + projectId + "}";
  }
}
