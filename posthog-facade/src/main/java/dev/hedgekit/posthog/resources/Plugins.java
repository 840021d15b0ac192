package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.PipelinesApi;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineDestinationsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineFrontendAppsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineImportAppsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PipelineTransformationsListQuery;
import dev.hedgekit.posthog.generated.api.PipelinesApi.PluginsListQuery;
import dev.hedgekit.posthog.generated.api.PluginsApi;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.ActivityLogPaginatedResponse;
import dev.hedgekit.posthog.generated.model.PaginatedPluginList;
import dev.hedgekit.posthog.generated.model.Plugin;
import dev.hedgekit.posthog.generated.model.PluginConfig;
import dev.hedgekit.posthog.generated.model.PluginUpdateCheck;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plugins (the apps behind PostHog's data pipeline) installed in or available to one
 * organization: list, read and uninstall them, check them for updates, read their source,
 * and browse the public repository. How a project uses a plugin (its configs) is in
 * {@link Pipelines}.
 *
 * <p>PostHog has replaced plugins with hog functions ({@link HogFunctions}, templates included);
 * it still serves these routes but leaves them out of its published schema.
 *
 * <p>The methods of this class work on every plugin. PostHog also serves the same operations
 * restricted to one kind of app; each kind is a view with the same methods:
 * {@link #destinations()}, {@link #transformations()}, {@link #frontendApps()} and
 * {@link #importApps()}.
 *
 * <pre>{@code
 * Plugins plugins = client.plugins("0187c2...");
 * for (Plugin p : plugins.listAll()) { ... }                        // every plugin
 * for (Plugin d : plugins.destinations().listAll()) { ... }         // destination plugins only
 * List<Long> unused = plugins.unused();                              // ids no project enables
 * plugins.delete(17);                                                // uninstalls it
 * }</pre>
 */
public final class Plugins extends Resource {

  private final String organizationId;
  private final Apps<PluginsListQuery> all;
  private final Apps<PipelineDestinationsListQuery> destinations;
  private final Apps<PipelineTransformationsListQuery> transformations;
  private final Apps<PipelineFrontendAppsListQuery> frontendApps;
  private final Apps<PipelineImportAppsListQuery> importApps;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public Plugins(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
    this.all = new Apps<>("plugins", PluginsListQuery::new, new AllPlugins());
    this.destinations = new Apps<>("pipeline_destinations", PipelineDestinationsListQuery::new,
        new Destinations());
    this.transformations = new Apps<>("pipeline_transformations",
        PipelineTransformationsListQuery::new, new Transformations());
    this.frontendApps = new Apps<>("pipeline_frontend_apps", PipelineFrontendAppsListQuery::new,
        new FrontendApps());
    this.importApps = new Apps<>("pipeline_import_apps", PipelineImportAppsListQuery::new,
        new ImportApps());
  }

  private PipelinesApi pipelines() {
    return api(PipelinesApi.class);
  }

  // ------------------------------------------------------------------ every plugin

  /** @return the first page of the organization's plugins (PostHog's default page size) */
  public Page<Plugin> list() {
    return all.list();
  }

  /**
   * One page of the organization's plugins.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<Plugin> list(PluginsListQuery query) {
    return all.list(query);
  }

  /** @return every plugin, fetched lazily page by page */
  public Pager<Plugin> listAll() {
    return all.listAll();
  }

  /**
   * Every plugin, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Plugin> listAll(PluginsListQuery query) {
    return all.listAll(query);
  }

  /**
   * @param id the plugin's numeric id
   * @return the plugin
   */
  public Plugin get(long id) {
    return all.get(id);
  }

  /**
   * Uninstalls a plugin the organization installed (DELETE). Global plugins must be made local
   * first, otherwise PostHog rejects the call.
   *
   * @param id the plugin's id
   */
  public void delete(long id) {
    all.delete(id);
  }

  /** @return the first page of the activity log of the organization's plugins */
  public Page<ActivityLogEntry> activity() {
    return all.activity();
  }

  /** @return every entry of the activity log of the organization's plugins, fetched lazily */
  public Pager<ActivityLogEntry> activityAll() {
    return all.activityAll();
  }

  /**
   * Looks up the latest version of a plugin at its source and stores it.
   *
   * @param id the plugin's id
   * @return PostHog's answer, holding the refreshed plugin under {@code plugin}
   */
  public PluginUpdateCheck checkForUpdates(long id) {
    return all.checkForUpdates(id);
  }

  /** @return the catalog of installable plugins of PostHog's public repository */
  public List<JsonNode> repository() {
    return all.repository();
  }

  /**
   * @param id the plugin's id
   * @return the plugin's source files, as a map from file name to content
   */
  public Map<String, String> source(long id) {
    return all.source(id);
  }

  /** @return the ids of the organization's plugins that no project has enabled */
  public List<Long> unused() {
    return all.unused();
  }

  /** @return the enabled plugin configs to disable when unsubscribing from plugin exports */
  public List<PluginConfig> exportsUnsubscribeConfigs() {
    return all.exportsUnsubscribeConfigs();
  }

  // ------------------------------------------------------------------ views by kind

  /** @return the same operations restricted to destination plugins ({@code pipeline_destinations}) */
  public Apps<PipelineDestinationsListQuery> destinations() {
    return destinations;
  }

  /** @return the same operations restricted to transformation plugins ({@code pipeline_transformations}) */
  public Apps<PipelineTransformationsListQuery> transformations() {
    return transformations;
  }

  /** @return the same operations restricted to frontend app plugins ({@code pipeline_frontend_apps}) */
  public Apps<PipelineFrontendAppsListQuery> frontendApps() {
    return frontendApps;
  }

  /** @return the same operations restricted to import app plugins ({@code pipeline_import_apps}) */
  public Apps<PipelineImportAppsListQuery> importApps() {
    return importApps;
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "Plugins{organizationId=" + organizationId + "}";
  }


  /**
   * The plugins of one kind of pipeline app in the organization (destinations, transformations,
   * frontend apps or import apps): the operations of {@link Plugins}, sent to that kind's
   * endpoints.
   *
   * @param <Q> the kind's list query (paging: {@code limit}, {@code offset})
   */
  public final class Apps<Q> {

    private final String path;
    private final Supplier<Q> emptyQuery;
    private final AppEndpoints<Q> endpoints;

    private Apps(String path, Supplier<Q> emptyQuery, AppEndpoints<Q> endpoints) {
      this.path = path;
      this.emptyQuery = emptyQuery;
      this.endpoints = endpoints;
    }

    /** @return the first page of plugins of this kind (PostHog's default page size) */
    public Page<Plugin> list() {
      return list(emptyQuery.get());
    }

    /**
     * One page of plugins of this kind.
     *
     * @param query paging ({@code limit}, {@code offset})
     * @return the page
     */
    public Page<Plugin> list(Q query) {
      required(query, "query");
      return Page.of(endpoints.list(query));
    }

    /** @return every plugin of this kind, fetched lazily page by page */
    public Pager<Plugin> listAll() {
      return listAll(emptyQuery.get());
    }

    /**
     * Every plugin of this kind, fetched lazily page by page.
     *
     * @param query paging; its {@code limit} sets the page size
     * @return the pager
     */
    public Pager<Plugin> listAll(Q query) {
      required(query, "query");
      return pager(() -> endpoints.list(query));
    }

    /**
     * @param id the plugin's numeric id
     * @return the plugin
     */
    public Plugin get(long id) {
      return endpoints.get(id);
    }

    /**
     * Uninstalls a plugin the organization installed (DELETE). Global plugins must be made
     * local first, otherwise PostHog rejects the call.
     *
     * @param id the plugin's id
     */
    public void delete(long id) {
      endpoints.delete(id);
    }

    /** @return the first page of the activity log of the organization's plugins of this kind */
    public Page<ActivityLogEntry> activity() {
      return Page.of(endpoints.activity(null, null));
    }

    /** @return every entry of that activity log, fetched lazily page by page */
    public Pager<ActivityLogEntry> activityAll() {
      return pager(() -> endpoints.activity(null, null));
    }

    /**
     * Looks up the latest version of a plugin at its source and stores it.
     *
     * @param id the plugin's id
     * @return PostHog's answer, holding the refreshed plugin under {@code plugin}
     */
    public PluginUpdateCheck checkForUpdates(long id) {
      return endpoints.checkForUpdates(id);
    }

    /** @return the catalog of installable plugins of PostHog's public repository */
    public List<JsonNode> repository() {
      return endpoints.repository();
    }

    /**
     * @param id the plugin's id
     * @return the plugin's source files, as a map from file name to content
     */
    public Map<String, String> source(long id) {
      return endpoints.source(id);
    }

    /** @return the ids of the organization's plugins of this kind that no project has enabled */
    public List<Long> unused() {
      return endpoints.unused();
    }

    /** @return the enabled plugin configs to disable when unsubscribing from plugin exports */
    public List<PluginConfig> exportsUnsubscribeConfigs() {
      return endpoints.exportsUnsubscribeConfigs();
    }

    @Override
    public String toString() {
      return "Plugins." + path + "{organizationId=" + organizationId + "}";
    }
  }

  /** The generated operations of one kind of plugin endpoint, bound to this organization. */
  private interface AppEndpoints<Q> {
    PaginatedPluginList list(Q query);

    Plugin get(long id);

    void delete(long id);

    ActivityLogPaginatedResponse activity(Long limit, Long page);

    PluginUpdateCheck checkForUpdates(long id);

    List<JsonNode> repository();

    Map<String, String> source(long id);

    List<Long> unused();

    List<PluginConfig> exportsUnsubscribeConfigs();
  }

  /** {@code /api/organizations/{id}/plugins/}. */
  private final class AllPlugins implements AppEndpoints<PluginsListQuery> {
    @Override public PaginatedPluginList list(PluginsListQuery q) { return pipelines().pluginsList(organizationId, q); }
    @Override public Plugin get(long id) { return pipelines().pluginsRetrieve(organizationId, id); }
    @Override public void delete(long id) { pipelines().pluginsDestroy(organizationId, id); }
    @Override public ActivityLogPaginatedResponse activity(Long limit, Long page) { return pipelines().pluginsActivityRetrieve(organizationId, limit, page); }
    @Override public PluginUpdateCheck checkForUpdates(long id) { return pipelines().pluginsCheckForUpdatesRetrieve(organizationId, id); }
    @Override public List<JsonNode> repository() { return pipelines().pluginsRepositoryRetrieve(organizationId); }
    @Override public Map<String, String> source(long id) { return pipelines().pluginsSourceRetrieve(organizationId, id); }
    @Override public List<Long> unused() { return pipelines().pluginsUnusedRetrieve(organizationId); }
    @Override public List<PluginConfig> exportsUnsubscribeConfigs() {
      return api(PluginsApi.class).pluginsExportsUnsubscribeConfigsRetrieve(organizationId);
    }
  }

  /** {@code /api/organizations/{id}/pipeline_destinations/}. */
  private final class Destinations implements AppEndpoints<PipelineDestinationsListQuery> {
    @Override public PaginatedPluginList list(PipelineDestinationsListQuery q) { return pipelines().pipelineDestinationsList(organizationId, q); }
    @Override public Plugin get(long id) { return pipelines().pipelineDestinationsRetrieve(organizationId, id); }
    @Override public void delete(long id) { pipelines().pipelineDestinationsDestroy(organizationId, id); }
    @Override public ActivityLogPaginatedResponse activity(Long limit, Long page) { return pipelines().pipelineDestinationsActivityRetrieve(organizationId, limit, page); }
    @Override public PluginUpdateCheck checkForUpdates(long id) { return pipelines().pipelineDestinationsCheckForUpdatesRetrieve(organizationId, id); }
    @Override public List<JsonNode> repository() { return pipelines().pipelineDestinationsRepositoryRetrieve(organizationId); }
    @Override public Map<String, String> source(long id) { return pipelines().pipelineDestinationsSourceRetrieve(organizationId, id); }
    @Override public List<Long> unused() { return pipelines().pipelineDestinationsUnusedRetrieve(organizationId); }
    @Override public List<PluginConfig> exportsUnsubscribeConfigs() { return pipelines().pipelineDestinationsExportsUnsubscribeConfigsRetrieve(organizationId); }
  }

  /** {@code /api/organizations/{id}/pipeline_transformations/}. */
  private final class Transformations implements AppEndpoints<PipelineTransformationsListQuery> {
    @Override public PaginatedPluginList list(PipelineTransformationsListQuery q) { return pipelines().pipelineTransformationsList(organizationId, q); }
    @Override public Plugin get(long id) { return pipelines().pipelineTransformationsRetrieve(organizationId, id); }
    @Override public void delete(long id) { pipelines().pipelineTransformationsDestroy(organizationId, id); }
    @Override public ActivityLogPaginatedResponse activity(Long limit, Long page) { return pipelines().pipelineTransformationsActivityRetrieve(organizationId, limit, page); }
    @Override public PluginUpdateCheck checkForUpdates(long id) { return pipelines().pipelineTransformationsCheckForUpdatesRetrieve(organizationId, id); }
    @Override public List<JsonNode> repository() { return pipelines().pipelineTransformationsRepositoryRetrieve(organizationId); }
    @Override public Map<String, String> source(long id) { return pipelines().pipelineTransformationsSourceRetrieve(organizationId, id); }
    @Override public List<Long> unused() { return pipelines().pipelineTransformationsUnusedRetrieve(organizationId); }
    @Override public List<PluginConfig> exportsUnsubscribeConfigs() { return pipelines().pipelineTransformationsExportsUnsubscribeConfigsRetrieve(organizationId); }
  }

  /** {@code /api/organizations/{id}/pipeline_frontend_apps/}. */
  private final class FrontendApps implements AppEndpoints<PipelineFrontendAppsListQuery> {
    @Override public PaginatedPluginList list(PipelineFrontendAppsListQuery q) { return pipelines().pipelineFrontendAppsList(organizationId, q); }
    @Override public Plugin get(long id) { return pipelines().pipelineFrontendAppsRetrieve(organizationId, id); }
    @Override public void delete(long id) { pipelines().pipelineFrontendAppsDestroy(organizationId, id); }
    @Override public ActivityLogPaginatedResponse activity(Long limit, Long page) { return pipelines().pipelineFrontendAppsActivityRetrieve(organizationId, limit, page); }
    @Override public PluginUpdateCheck checkForUpdates(long id) { return pipelines().pipelineFrontendAppsCheckForUpdatesRetrieve(organizationId, id); }
    @Override public List<JsonNode> repository() { return pipelines().pipelineFrontendAppsRepositoryRetrieve(organizationId); }
    @Override public Map<String, String> source(long id) { return pipelines().pipelineFrontendAppsSourceRetrieve(organizationId, id); }
    @Override public List<Long> unused() { return pipelines().pipelineFrontendAppsUnusedRetrieve(organizationId); }
    @Override public List<PluginConfig> exportsUnsubscribeConfigs() { return pipelines().pipelineFrontendAppsExportsUnsubscribeConfigsRetrieve(organizationId); }
  }

  /** {@code /api/organizations/{id}/pipeline_import_apps/}. */
  private final class ImportApps implements AppEndpoints<PipelineImportAppsListQuery> {
    @Override public PaginatedPluginList list(PipelineImportAppsListQuery q) { return pipelines().pipelineImportAppsList(organizationId, q); }
    @Override public Plugin get(long id) { return pipelines().pipelineImportAppsRetrieve(organizationId, id); }
    @Override public void delete(long id) { pipelines().pipelineImportAppsDestroy(organizationId, id); }
    @Override public ActivityLogPaginatedResponse activity(Long limit, Long page) { return pipelines().pipelineImportAppsActivityRetrieve(organizationId, limit, page); }
    @Override public PluginUpdateCheck checkForUpdates(long id) { return pipelines().pipelineImportAppsCheckForUpdatesRetrieve(organizationId, id); }
    @Override public List<JsonNode> repository() { return pipelines().pipelineImportAppsRepositoryRetrieve(organizationId); }
    @Override public Map<String, String> source(long id) { return pipelines().pipelineImportAppsSourceRetrieve(organizationId, id); }
    @Override public List<Long> unused() { return pipelines().pipelineImportAppsUnusedRetrieve(organizationId); }
    @Override public List<PluginConfig> exportsUnsubscribeConfigs() { return pipelines().pipelineImportAppsExportsUnsubscribeConfigsRetrieve(organizationId); }
  }
}
