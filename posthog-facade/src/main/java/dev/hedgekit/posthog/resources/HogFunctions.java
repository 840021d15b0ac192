package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.generated.api.HogFunctionTemplatesApi;
import dev.hedgekit.posthog.generated.api.HogFunctionTemplatesApi.HogFunctionTemplatesListQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsListQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsLogsRetrieveQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsMetricsRetrieveQuery;
import dev.hedgekit.posthog.generated.api.HogFunctionsApi.HogFunctionsMetricsTotalsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.AppMetricsResponse;
import dev.hedgekit.posthog.generated.model.AppMetricsTotalsResponse;
import dev.hedgekit.posthog.generated.model.HogFunction;
import dev.hedgekit.posthog.generated.model.HogFunctionMinimal;
import dev.hedgekit.posthog.generated.model.HogFunctionTemplate;
import dev.hedgekit.posthog.generated.model.LogEntry;
import dev.hedgekit.posthog.generated.model.PatchedHogFunction;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.UUID;

/**
 * Hog functions of one project: the destinations, transformations, site apps and webhook
 * sources that replaced PostHog's plugins and pipeline apps. List, read, create, change,
 * enable or disable, soft delete, read their logs and delivery metrics, and browse the
 * templates they can start from ({@link #templates()}).
 *
 * <p>A function is addressed by its UUID. PostHog forbids a hard delete (the DELETE answers
 * 405), so {@link #delete(String)} sends a PATCH setting {@code deleted}, and {@link #restore}
 * clears it again.
 *
 * <pre>{@code
 * HogFunctions functions = client.project(42).hogFunctions();
 * HogFunctionTemplate slack = functions.templates().get("template-slack");
 * HogFunction f = functions.create(new HogFunction().type(HogFunctionTypeEnum.DESTINATION)
 *     .name("Sign-ups to Slack").templateId(slack.getId()).inputs(inputs));
 * functions.enable(f.getId());
 * for (LogEntry e : functions.logsAll(f.getId(), new HogFunctionsLogsRetrieveQuery().level("ERROR"))) { ... }
 * AppMetricsTotalsResponse totals = functions.metricsTotals(f.getId());
 * functions.delete(f.getId());                              // soft delete
 * }</pre>
 */
public final class HogFunctions extends Resource {

  private final String projectId;
  private final Templates templates;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public HogFunctions(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
    this.templates = new Templates();
  }

  private HogFunctionsApi functions() {
    return api(HogFunctionsApi.class);
  }

  /** @return the first page of hog functions (PostHog's default page size) */
  public Page<HogFunctionMinimal> list() {
    return list(new HogFunctionsListQuery());
  }

  /**
   * One page of hog functions.
   *
   * @param query filters and paging: {@code type} (comma-separated, e.g.
   *     {@code destination,site_destination}), {@code enabled}, {@code search}, {@code id},
   *     {@code created_by}, {@code filters} (a JSON object the functions' filters must contain),
   *     {@code filter_groups}, {@code full}, {@code limit}, {@code offset}
   * @return the page
   */
  public Page<HogFunctionMinimal> list(HogFunctionsListQuery query) {
    required(query, "query");
    return Page.of(functions().hogFunctionsList(projectId, query));
  }

  /** @return every hog function, fetched lazily page by page */
  public Pager<HogFunctionMinimal> listAll() {
    return listAll(new HogFunctionsListQuery());
  }

  /**
   * Every hog function matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<HogFunctionMinimal> listAll(HogFunctionsListQuery query) {
    required(query, "query");
    return pager(() -> functions().hogFunctionsList(projectId, query));
  }

  /**
   * @param id the function's UUID
   * @return the function, with its code, inputs, filters, template and status
   */
  public HogFunction get(String id) {
    uuid(id, "id");
    return functions().hogFunctionsRetrieve(projectId, id);
  }

  /**
   * Creates a hog function, from Hog code ({@code hog}) or from a template
   * ({@code template_id}, which fills the code, inputs schema, name and icon left empty).
   * {@code type} defaults to {@code destination} and cannot be changed later.
   *
   * @param function the new function
   * @return the created function, with its id
   * @throws IllegalArgumentException if neither {@code hog} nor {@code template_id} is set
   *     (PostHog would refuse it)
   */
  public HogFunction create(HogFunction function) {
    required(function, "function");
    if (isBlank(function.getHog()) && isBlank(function.getTemplateId())) {
      throw new IllegalArgumentException("a hog function needs its code (hog) or a template"
          + " (template_id)");
    }
    return functions().hogFunctionsCreate(projectId, function);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the function's UUID
   * @param patch the fields to change
   * @return the function after the change
   */
  public HogFunction update(String id, PatchedHogFunction patch) {
    uuid(id, "id");
    required(patch, "patch");
    return functions().hogFunctionsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the writable fields of the function (PUT): fields not set in {@code function}
   * are reset by PostHog.
   *
   * @param id the function's UUID
   * @param function the full new state
   * @return the function after the change
   */
  public HogFunction replace(String id, HogFunction function) {
    uuid(id, "id");
    required(function, "function");
    return functions().hogFunctionsUpdate(projectId, id, function);
  }

  /**
   * Turns the function on (PATCH {@code enabled: true}).
   *
   * @param id the function's UUID
   * @return the function after the change
   */
  public HogFunction enable(String id) {
    return update(id, new PatchedHogFunction().enabled(true));
  }

  /**
   * Turns the function off (PATCH {@code enabled: false}); it keeps its configuration.
   *
   * @param id the function's UUID
   * @return the function after the change
   */
  public HogFunction disable(String id) {
    return update(id, new PatchedHogFunction().enabled(false));
  }

  /**
   * Soft deletes the function: PostHog does not allow a hard delete of hog functions (the
   * DELETE answers 405), so this sends a PATCH setting {@code deleted} to true. The function
   * stops running and disappears from lists.
   *
   * @param id the function's UUID
   * @return the function as PostHog answered the PATCH
   */
  public HogFunction delete(String id) {
    return update(id, new PatchedHogFunction().deleted(true));
  }

  /**
   * Brings back a soft deleted function (PATCH {@code deleted: false}).
   *
   * @param id the function's UUID
   * @return the function after the change
   */
  public HogFunction restore(String id) {
    return update(id, new PatchedHogFunction().deleted(false));
  }

  /**
   * @param id the function's UUID
   * @return the first page of the function's log lines, newest first
   */
  public Page<LogEntry> logs(String id) {
    return logs(id, new HogFunctionsLogsRetrieveQuery());
  }

  /**
   * One page of a function's log lines.
   *
   * @param id the function's UUID
   * @param query filters ({@code level} (comma-separated, e.g. {@code ERROR,WARN}),
   *     {@code search}, {@code instance_id} (one invocation), {@code after}, {@code before})
   *     and paging ({@code limit} 1 to 500, {@code offset})
   * @return the page
   */
  public Page<LogEntry> logs(String id, HogFunctionsLogsRetrieveQuery query) {
    uuid(id, "id");
    required(query, "query");
    return Page.of(functions().hogFunctionsLogsRetrieve(projectId, id, query));
  }

  /**
   * Every log line of a function matching the filters, fetched lazily page by page.
   *
   * @param id the function's UUID
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<LogEntry> logsAll(String id, HogFunctionsLogsRetrieveQuery query) {
    uuid(id, "id");
    required(query, "query");
    return pager(() -> functions().hogFunctionsLogsRetrieve(projectId, id, query));
  }

  /**
   * Delivery metrics of a function over the last 7 days, per day and outcome.
   *
   * @param id the function's UUID
   * @return the time labels and one series per outcome
   */
  public AppMetricsResponse metrics(String id) {
    return metrics(id, new HogFunctionsMetricsRetrieveQuery());
  }

  /**
   * Delivery metrics of a function over time.
   *
   * @param id the function's UUID
   * @param query {@code after} and {@code before} (ISO or relative, e.g. {@code -24h}),
   *     {@code interval} ({@code hour}, {@code day}, {@code week}), {@code kind} and
   *     {@code name} (comma-separated), {@code breakdown_by} ({@code kind} or {@code name}),
   *     {@code instance_id}
   * @return the time labels and one series per outcome or name
   */
  public AppMetricsResponse metrics(String id, HogFunctionsMetricsRetrieveQuery query) {
    uuid(id, "id");
    required(query, "query");
    return functions().hogFunctionsMetricsRetrieve(projectId, id, query);
  }

  /**
   * The total of each outcome of a function, over its whole life.
   *
   * @param id the function's UUID
   * @return the totals, by outcome
   */
  public AppMetricsTotalsResponse metricsTotals(String id) {
    return metricsTotals(id, new HogFunctionsMetricsTotalsRetrieveQuery());
  }

  /**
   * The total of each outcome (or name) of a function, optionally within a time range.
   *
   * @param id the function's UUID
   * @param query {@code after}, {@code before}, {@code kind}, {@code name},
   *     {@code breakdown_by}
   * @return the totals
   */
  public AppMetricsTotalsResponse metricsTotals(String id,
      HogFunctionsMetricsTotalsRetrieveQuery query) {
    uuid(id, "id");
    required(query, "query");
    return functions().hogFunctionsMetricsTotalsRetrieve(projectId, id, query);
  }

  /** @return the templates hog functions can be created from */
  public Templates templates() {
    return templates;
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "HogFunctions{projectId=" + projectId + "}";
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The hog function templates PostHog offers to the project (Slack, webhooks, warehouses,
   * GeoIP, ...), addressed by their text id such as {@code template-slack}.
   */
  public final class Templates {

    private Templates() {
    }

    private HogFunctionTemplatesApi api() {
      return HogFunctions.this.api(HogFunctionTemplatesApi.class);
    }

    /** @return the first page of templates (PostHog's default page size) */
    public Page<HogFunctionTemplate> list() {
      return list(new HogFunctionTemplatesListQuery());
    }

    /**
     * One page of templates.
     *
     * @param query filters and paging: {@code type} or {@code types} (comma-separated),
     *     {@code template_id}, {@code limit}, {@code offset}
     * @return the page
     */
    public Page<HogFunctionTemplate> list(HogFunctionTemplatesListQuery query) {
      required(query, "query");
      return Page.of(api().hogFunctionTemplatesList(projectId, query));
    }

    /** @return every template, fetched lazily page by page */
    public Pager<HogFunctionTemplate> listAll() {
      return listAll(new HogFunctionTemplatesListQuery());
    }

    /**
     * Every template matching the filters, fetched lazily page by page.
     *
     * @param query filters; its {@code limit} sets the page size
     * @return the pager
     */
    public Pager<HogFunctionTemplate> listAll(HogFunctionTemplatesListQuery query) {
      required(query, "query");
      return pager(() -> api().hogFunctionTemplatesList(projectId, query));
    }

    /**
     * @param templateId the template's id, e.g. {@code template-slack}
     * @return the template, with its code, inputs schema and mapping templates
     */
    public HogFunctionTemplate get(String templateId) {
      return api().hogFunctionTemplatesRetrieve(projectId, id(templateId, "templateId"));
    }

    @Override
    public String toString() {
      return "HogFunctions.Templates{projectId=" + projectId + "}";
    }
  }
}
