package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.AppMetricsApi;
import dev.hedgekit.posthog.generated.api.PipelinesApi;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineDestinationConfigsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineFrontendAppsConfigsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineImportAppsConfigsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineTransformationConfigsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PluginConfigsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PluginConfigsLogsListQuery;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.ActivityLogPaginatedResponse;
import dev.hedgekit.posthog.generated.model.PaginatedPluginConfigList;
import dev.hedgekit.posthog.generated.model.PatchedPluginConfig;
import dev.hedgekit.posthog.generated.model.PluginConfig;
import dev.hedgekit.posthog.generated.model.PluginConfigRearrange;
import dev.hedgekit.posthog.generated.model.PluginLogEntry;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;
import java.util.function.Supplier;

/**
 * The plugin-based data pipeline of one project: the configs that enable a plugin in the
 * project (with its settings, filters and order), their logs, and their delivery metrics. The
 * plugins themselves are installed per organization, in {@link Plugins}.
 *
 * <p>PostHog serves the config operations for every config ({@link #pluginConfigs()}) and
 * restricted to one kind of app; each kind is a view with the same methods:
 * {@link #destinations()}, {@link #transformations()}, {@link #frontendApps()} and
 * {@link #importApps()}.
 *
 * <p>PostHog has replaced plugin configs with hog functions ({@link HogFunctions}); it still
 * serves these routes but leaves them out of its published schema. The app metrics routes are
 * gone: a hog function has its own {@code metrics}.
 *
 * <pre>{@code
 * Pipelines pipelines = client.pipelines(42);
 * PluginConfig c = pipelines.destinations().create(new PluginConfig().plugin(17).enabled(true));
 * pipelines.destinations().update(c.getId(), new PatchedPluginConfig().enabled(false));
 * for (PluginLogEntry e : pipelines.pluginConfigs().logsAll(c.getId())) { ... }
 * }</pre>
 */
public final class Pipelines extends Resource {

  private final String projectId;
  private final PluginConfigs pluginConfigs;
  private final Configs<PipelineDestinationConfigsListQuery> destinations;
  private final Configs<PipelineTransformationConfigsListQuery> transformations;
  private final Configs<PipelineFrontendAppsConfigsListQuery> frontendApps;
  private final Configs<PipelineImportAppsConfigsListQuery> importApps;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Pipelines(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
    this.pluginConfigs = new PluginConfigs();
    this.destinations = new Configs<>("pipeline_destination_configs",
        PipelineDestinationConfigsListQuery::new, new DestinationConfigs());
    this.transformations = new Configs<>("pipeline_transformation_configs",
        PipelineTransformationConfigsListQuery::new, new TransformationConfigs());
    this.frontendApps = new Configs<>("pipeline_frontend_apps_configs",
        PipelineFrontendAppsConfigsListQuery::new, new FrontendAppConfigs());
    this.importApps = new Configs<>("pipeline_import_apps_configs",
        PipelineImportAppsConfigsListQuery::new, new ImportAppConfigs());
  }

  private PipelinesApi pipelines() {
    return api(PipelinesApi.class);
  }

  private AppMetricsApi metrics() {
    return api(AppMetricsApi.class);
  }

  // ------------------------------------------------------------------ configs by kind

  /** @return every plugin config of the project, and their logs ({@code plugin_configs}) */
  public PluginConfigs pluginConfigs() {
    return pluginConfigs;
  }

  /** @return the configs of destination apps ({@code pipeline_destination_configs}) */
  public Configs<PipelineDestinationConfigsListQuery> destinations() {
    return destinations;
  }

  /** @return the configs of transformation apps ({@code pipeline_transformation_configs}) */
  public Configs<PipelineTransformationConfigsListQuery> transformations() {
    return transformations;
  }

  /** @return the configs of frontend apps ({@code pipeline_frontend_apps_configs}) */
  public Configs<PipelineFrontendAppsConfigsListQuery> frontendApps() {
    return frontendApps;
  }

  /** @return the configs of import apps ({@code pipeline_import_apps_configs}) */
  public Configs<PipelineImportAppsConfigsListQuery> importApps() {
    return importApps;
  }

  // ------------------------------------------------------------------ app metrics

  /**
   * Delivery metrics of a plugin config: success and failure counts over time, and a summary
   * of errors.
   *
   * @param pluginConfigId the plugin config's id
   * @return the metrics
   * @deprecated PostHog has removed the app metrics routes; use instead
   *     GET /api/projects/{project_id}/hog_functions/{id}/metrics/ and metrics/totals/
   *     ({@link HogFunctions#metrics} and {@link HogFunctions#metricsTotals}); batch exports
   *     report through their runs.
   */
  @Deprecated
  public JsonNode appMetrics(long pluginConfigId) {
    return metrics().appMetricsRetrieve(projectId, pluginConfigId);
  }

  /**
   * @param pluginConfigId the plugin config's id
   * @return example error events recorded for the plugin config
   * @deprecated PostHog has removed the app metrics routes; use instead
   *     GET /api/projects/{project_id}/hog_functions/{id}/metrics/ and metrics/totals/
   *     ({@link HogFunctions#metrics} and {@link HogFunctions#metricsTotals}); batch exports
   *     report through their runs.
   */
  @Deprecated
  public JsonNode appMetricsErrorDetails(long pluginConfigId) {
    return 
        metrics().appMetricsErrorDetailsRetrieve(projectId, pluginConfigId);
  }

  /**
   * @param pluginConfigId the plugin config's id
   * @return the historical export jobs run by the plugin config
   * @deprecated PostHog has removed the app metrics routes; use instead
   *     GET /api/projects/{project_id}/hog_functions/{id}/metrics/ and metrics/totals/
   *     ({@link HogFunctions#metrics} and {@link HogFunctions#metricsTotals}); batch exports
   *     report through their runs.
   */
  @Deprecated
  public JsonNode historicalExports(String pluginConfigId) {
    id(pluginConfigId, "pluginConfigId");
    return 
        metrics().appMetricsHistoricalExportsRetrieve(projectId, pluginConfigId);
  }

  /**
   * @param pluginConfigId the plugin config's id
   * @param id the historical export's id
   * @return the details and metrics of one historical export job
   * @deprecated PostHog has removed the app metrics routes; use instead
   *     GET /api/projects/{project_id}/hog_functions/{id}/metrics/ and metrics/totals/
   *     ({@link HogFunctions#metrics} and {@link HogFunctions#metricsTotals}); batch exports
   *     report through their runs.
   */
  @Deprecated
  public JsonNode historicalExport(String pluginConfigId, String id) {
    id(pluginConfigId, "pluginConfigId");
    id(id, "id");
    return 
        metrics().appMetricsHistoricalExportsRetrieve2(projectId, pluginConfigId, id);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Pipelines{projectId=" + projectId + "}";
  }


  /**
   * The plugin configs of one kind of pipeline app in the project: list, read, create, change,
   * disable and reorder them. A config enables one plugin in the project with its settings.
   *
   * @param <Q> the kind's list query (paging: {@code limit}, {@code offset})
   */
  public class Configs<Q> {

    private final String path;
    private final Supplier<Q> emptyQuery;
    private final ConfigEndpoints<Q> endpoints;

    private Configs(String path, Supplier<Q> emptyQuery, ConfigEndpoints<Q> endpoints) {
      this.path = path;
      this.emptyQuery = emptyQuery;
      this.endpoints = endpoints;
    }

    /** @return the first page of configs (PostHog's default page size) */
    public Page<PluginConfig> list() {
      return list(emptyQuery.get());
    }

    /**
     * One page of configs.
     *
     * @param query paging ({@code limit}, {@code offset})
     * @return the page
     */
    public Page<PluginConfig> list(Q query) {
      required(query, "query");
      return Page.of(endpoints.list(query));
    }

    /** @return every config, fetched lazily page by page */
    public Pager<PluginConfig> listAll() {
      return listAll(emptyQuery.get());
    }

    /**
     * Every config, fetched lazily page by page.
     *
     * @param query paging; its {@code limit} sets the page size
     * @return the pager
     */
    public Pager<PluginConfig> listAll(Q query) {
      required(query, "query");
      return pager(() -> endpoints.list(query));
    }

    /**
     * @param id the config's numeric id
     * @return the config
     */
    public PluginConfig get(long id) {
      return endpoints.get(id);
    }

    /**
     * Enables a plugin in the project. {@code plugin} (the plugin's id) is required;
     * {@code enabled}, {@code order}, {@code config} and {@code filters} set it up.
     *
     * @param config the new config
     * @return the created config, with its id
     */
    public PluginConfig create(PluginConfig config) {
      required(config, "config");
      return endpoints.create(config);
    }

    /**
     * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
     *
     * @param id the config's id
     * @param patch the fields to change
     * @return the config after the change
     */
    public PluginConfig update(long id, PatchedPluginConfig patch) {
      required(patch, "patch");
      return endpoints.update(id, patch);
    }

    /**
     * Replaces the config (PUT): fields not set in {@code config} are reset by PostHog.
     *
     * @param id the config's id
     * @param config the full new state
     * @return the config after the change
     */
    public PluginConfig replace(long id, PluginConfig config) {
      required(config, "config");
      return endpoints.replace(id, config);
    }

    /**
     * Deletes the config (DELETE, answered 204). PostHog turns the config off and keeps the
     * record.
     *
     * @param id the config's id
     */
    public void delete(long id) {
      endpoints.delete(id);
    }

    /**
     * @param id the config's id
     * @return the first page of the config's activity log
     */
    public Page<ActivityLogEntry> activity(long id) {
      return Page.of(endpoints.activity(id, null, null));
    }

    /**
     * @param id the config's id
     * @return every entry of the config's activity log, fetched lazily page by page
     */
    public Pager<ActivityLogEntry> activityAll(long id) {
      return pager(() -> endpoints.activity(id, null, null));
    }

    /**
     * The transpiled frontend script of the plugin behind a config. PostHog serves it as
     * JavaScript; when none is ready a stub script reports the state.
     *
     * @param id the config's id
     * @return the script's text
     */
    public String frontend(long id) {
      return endpoints.frontend(id);
    }

    /**
     * Changes the processing order of the project's enabled configs (PATCH).
     *
     * @param order the new order: {@code orders} maps config ids (as text) to their order
     * @return the configs PostHog changed
     */
    public List<PluginConfig> rearrange(PluginConfigRearrange order) {
      required(order, "order");
      return endpoints.rearrange(order);
    }

    /**
     * Queues a job defined by the plugin for a config.
     *
     * @param id the config's id
     * @param config the config (PostHog requires a body of the config's shape)
     * @return PostHog's answer
     * @deprecated PostHog has removed plugin jobs; nothing replaces them directly, but a hog
     *     function can be test-run with
     *     {@code POST /api/projects/{project_id}/hog_functions/{id}/invocations/}.
     */
    @Deprecated
    public JsonNode job(long id, PluginConfig config) {
      required(config, "config");
      return endpoints.job(id, config);
    }

    @Override
    public String toString() {
      return "Pipelines." + path + "{projectId=" + projectId + "}";
    }
  }

  /**
   * Every plugin config of the project ({@code plugin_configs}): the operations of
   * {@link Configs}, plus the log entries of a config.
   */
  public final class PluginConfigs extends Configs<PluginConfigsListQuery> {

    private PluginConfigs() {
      super("plugin_configs", PluginConfigsListQuery::new, new AllPluginConfigs());
    }

    /**
     * The first page of a config's log entries.
     *
     * @param pluginConfigId the config's id
     * @return the page
     */
    public Page<PluginLogEntry> logs(long pluginConfigId) {
      return logs(pluginConfigId, new PluginConfigsLogsListQuery());
    }

    /**
     * One page of a config's log entries.
     *
     * @param pluginConfigId the config's id
     * @param query paging ({@code limit}, {@code offset}) and filters ({@code after},
     *     {@code before}, {@code search}, {@code type_filter})
     * @return the page
     */
    public Page<PluginLogEntry> logs(long pluginConfigId, PluginConfigsLogsListQuery query) {
      required(query, "query");
      return Page.of(pipelines().pluginConfigsLogsList(projectId, pluginConfigId, query));
    }

    /**
     * Every log entry of a config, fetched lazily page by page.
     *
     * @param pluginConfigId the config's id
     * @return the pager
     */
    public Pager<PluginLogEntry> logsAll(long pluginConfigId) {
      return logsAll(pluginConfigId, new PluginConfigsLogsListQuery());
    }

    /**
     * Every log entry of a config, fetched lazily page by page.
     *
     * @param pluginConfigId the config's id
     * @param query paging; its {@code limit} sets the page size
     * @return the pager
     */
    public Pager<PluginLogEntry> logsAll(long pluginConfigId, PluginConfigsLogsListQuery query) {
      required(query, "query");
      return pager(() -> pipelines().pluginConfigsLogsList(projectId, pluginConfigId, query));
    }
  }


  /** The generated operations of one kind of config endpoint, bound to this project. */
  private interface ConfigEndpoints<Q> {
    PaginatedPluginConfigList list(Q query);

    PluginConfig get(long id);

    PluginConfig create(PluginConfig config);

    PluginConfig update(long id, PatchedPluginConfig patch);

    PluginConfig replace(long id, PluginConfig config);

    void delete(long id);

    ActivityLogPaginatedResponse activity(long id, Long limit, Long page);

    String frontend(long id);

    List<PluginConfig> rearrange(PluginConfigRearrange order);

    JsonNode job(long id, PluginConfig config);
  }

  /** {@code /api/projects/{id}/plugin_configs/}. */
  private final class AllPluginConfigs implements ConfigEndpoints<PluginConfigsListQuery> {
    @Override public PaginatedPluginConfigList list(PluginConfigsListQuery q) { return pipelines().pluginConfigsList(projectId, q); }
    @Override public PluginConfig get(long id) { return pipelines().pluginConfigsRetrieve(projectId, id); }
    @Override public PluginConfig create(PluginConfig c) { return pipelines().pluginConfigsCreate(projectId, c); }
    @Override public PluginConfig update(long id, PatchedPluginConfig p) { return pipelines().pluginConfigsPartialUpdate(projectId, id, p); }
    @Override public PluginConfig replace(long id, PluginConfig c) { return pipelines().pluginConfigsUpdate(projectId, id, c); }
    @Override public void delete(long id) { pipelines().pluginConfigsDestroy(projectId, id); }
    @Override public ActivityLogPaginatedResponse activity(long id, Long limit, Long page) { return pipelines().pluginConfigsActivityRetrieve(projectId, id, limit, page); }
    @Override public String frontend(long id) { return pipelines().pluginConfigsFrontendRetrieve(projectId, id); }
    @Override public List<PluginConfig> rearrange(PluginConfigRearrange o) { return pipelines().pluginConfigsRearrangePartialUpdate(projectId, o); }
    @Override @SuppressWarnings("deprecation")
    public JsonNode job(long id, PluginConfig c) { return pipelines().pluginConfigsJobCreate(projectId, id, c); }
  }

  /** {@code /api/projects/{id}/pipeline_destination_configs/}. */
  private final class DestinationConfigs implements ConfigEndpoints<PipelineDestinationConfigsListQuery> {
    @Override public PaginatedPluginConfigList list(PipelineDestinationConfigsListQuery q) { return pipelines().pipelineDestinationConfigsList(projectId, q); }
    @Override public PluginConfig get(long id) { return pipelines().pipelineDestinationConfigsRetrieve(projectId, id); }
    @Override public PluginConfig create(PluginConfig c) { return pipelines().pipelineDestinationConfigsCreate(projectId, c); }
    @Override public PluginConfig update(long id, PatchedPluginConfig p) { return pipelines().pipelineDestinationConfigsPartialUpdate(projectId, id, p); }
    @Override public PluginConfig replace(long id, PluginConfig c) { return pipelines().pipelineDestinationConfigsUpdate(projectId, id, c); }
    @Override public void delete(long id) { pipelines().pipelineDestinationConfigsDestroy(projectId, id); }
    @Override public ActivityLogPaginatedResponse activity(long id, Long limit, Long page) { return pipelines().pipelineDestinationConfigsActivityRetrieve(projectId, id, limit, page); }
    @Override public String frontend(long id) { return pipelines().pipelineDestinationConfigsFrontendRetrieve(projectId, id); }
    @Override public List<PluginConfig> rearrange(PluginConfigRearrange o) { return pipelines().pipelineDestinationConfigsRearrangePartialUpdate(projectId, o); }
    @Override @SuppressWarnings("deprecation")
    public JsonNode job(long id, PluginConfig c) { return pipelines().pipelineDestinationConfigsJobCreate(projectId, id, c); }
  }

  /** {@code /api/projects/{id}/pipeline_transformation_configs/}. */
  private final class TransformationConfigs implements ConfigEndpoints<PipelineTransformationConfigsListQuery> {
    @Override public PaginatedPluginConfigList list(PipelineTransformationConfigsListQuery q) { return pipelines().pipelineTransformationConfigsList(projectId, q); }
    @Override public PluginConfig get(long id) { return pipelines().pipelineTransformationConfigsRetrieve(projectId, id); }
    @Override public PluginConfig create(PluginConfig c) { return pipelines().pipelineTransformationConfigsCreate(projectId, c); }
    @Override public PluginConfig update(long id, PatchedPluginConfig p) { return pipelines().pipelineTransformationConfigsPartialUpdate(projectId, id, p); }
    @Override public PluginConfig replace(long id, PluginConfig c) { return pipelines().pipelineTransformationConfigsUpdate(projectId, id, c); }
    @Override public void delete(long id) { pipelines().pipelineTransformationConfigsDestroy(projectId, id); }
    @Override public ActivityLogPaginatedResponse activity(long id, Long limit, Long page) { return pipelines().pipelineTransformationConfigsActivityRetrieve(projectId, id, limit, page); }
    @Override public String frontend(long id) { return pipelines().pipelineTransformationConfigsFrontendRetrieve(projectId, id); }
    @Override public List<PluginConfig> rearrange(PluginConfigRearrange o) { return pipelines().pipelineTransformationConfigsRearrangePartialUpdate(projectId, o); }
    @Override @SuppressWarnings("deprecation")
    public JsonNode job(long id, PluginConfig c) { return pipelines().pipelineTransformationConfigsJobCreate(projectId, id, c); }
  }

  /** {@code /api/projects/{id}/pipeline_frontend_apps_configs/}. */
  private final class FrontendAppConfigs implements ConfigEndpoints<PipelineFrontendAppsConfigsListQuery> {
    @Override public PaginatedPluginConfigList list(PipelineFrontendAppsConfigsListQuery q) { return pipelines().pipelineFrontendAppsConfigsList(projectId, q); }
    @Override public PluginConfig get(long id) { return pipelines().pipelineFrontendAppsConfigsRetrieve(projectId, id); }
    @Override public PluginConfig create(PluginConfig c) { return pipelines().pipelineFrontendAppsConfigsCreate(projectId, c); }
    @Override public PluginConfig update(long id, PatchedPluginConfig p) { return pipelines().pipelineFrontendAppsConfigsPartialUpdate(projectId, id, p); }
    @Override public PluginConfig replace(long id, PluginConfig c) { return pipelines().pipelineFrontendAppsConfigsUpdate(projectId, id, c); }
    @Override public void delete(long id) { pipelines().pipelineFrontendAppsConfigsDestroy(projectId, id); }
    @Override public ActivityLogPaginatedResponse activity(long id, Long limit, Long page) { return pipelines().pipelineFrontendAppsConfigsActivityRetrieve(projectId, id, limit, page); }
    @Override public String frontend(long id) { return pipelines().pipelineFrontendAppsConfigsFrontendRetrieve(projectId, id); }
    @Override public List<PluginConfig> rearrange(PluginConfigRearrange o) { return pipelines().pipelineFrontendAppsConfigsRearrangePartialUpdate(projectId, o); }
    @Override @SuppressWarnings("deprecation")
    public JsonNode job(long id, PluginConfig c) { return pipelines().pipelineFrontendAppsConfigsJobCreate(projectId, id, c); }
  }

  /** {@code /api/projects/{id}/pipeline_import_apps_configs/}. */
  private final class ImportAppConfigs implements ConfigEndpoints<PipelineImportAppsConfigsListQuery> {
    @Override public PaginatedPluginConfigList list(PipelineImportAppsConfigsListQuery q) { return pipelines().pipelineImportAppsConfigsList(projectId, q); }
    @Override public PluginConfig get(long id) { return pipelines().pipelineImportAppsConfigsRetrieve(projectId, id); }
    @Override public PluginConfig create(PluginConfig c) { return pipelines().pipelineImportAppsConfigsCreate(projectId, c); }
    @Override public PluginConfig update(long id, PatchedPluginConfig p) { return pipelines().pipelineImportAppsConfigsPartialUpdate(projectId, id, p); }
    @Override public PluginConfig replace(long id, PluginConfig c) { return pipelines().pipelineImportAppsConfigsUpdate(projectId, id, c); }
    @Override public void delete(long id) { pipelines().pipelineImportAppsConfigsDestroy(projectId, id); }
    @Override public ActivityLogPaginatedResponse activity(long id, Long limit, Long page) { return pipelines().pipelineImportAppsConfigsActivityRetrieve(projectId, id, limit, page); }
    @Override public String frontend(long id) { return pipelines().pipelineImportAppsConfigsFrontendRetrieve(projectId, id); }
    @Override public List<PluginConfig> rearrange(PluginConfigRearrange o) { return pipelines().pipelineImportAppsConfigsRearrangePartialUpdate(projectId, o); }
    @Override @SuppressWarnings("deprecation")
    public JsonNode job(long id, PluginConfig c) { return pipelines().pipelineImportAppsConfigsJobCreate(projectId, id, c); }
  }
}
