package dev.hedgekit.posthog;

import dev.hedgekit.posthog.actions.Actions;
import dev.hedgekit.posthog.core.ApiKey;
import dev.hedgekit.posthog.core.ClientConfig;
import dev.hedgekit.posthog.core.Durations;
import dev.hedgekit.posthog.core.Endpoint;
import dev.hedgekit.posthog.core.Headers;
import dev.hedgekit.posthog.core.HttpLogLevel;
import dev.hedgekit.posthog.core.RateLimits;
import dev.hedgekit.posthog.core.RequestOptions;
import dev.hedgekit.posthog.core.RetryPolicy;
import dev.hedgekit.posthog.core.SdkInfo;
import dev.hedgekit.posthog.core.Sleeper;
import dev.hedgekit.posthog.http.Transport;
import dev.hedgekit.posthog.resources.ActivityLog;
import dev.hedgekit.posthog.resources.Annotations;
import dev.hedgekit.posthog.resources.BatchExports;
import dev.hedgekit.posthog.resources.Cohorts;
import dev.hedgekit.posthog.resources.DashboardTemplates;
import dev.hedgekit.posthog.resources.Dashboards;
import dev.hedgekit.posthog.resources.Domains;
import dev.hedgekit.posthog.resources.EarlyAccessFeatures;
import dev.hedgekit.posthog.resources.EventActions;
import dev.hedgekit.posthog.resources.EventDefinitions;
import dev.hedgekit.posthog.resources.Events;
import dev.hedgekit.posthog.resources.Experiments;
import dev.hedgekit.posthog.resources.Exports;
import dev.hedgekit.posthog.resources.Groups;
import dev.hedgekit.posthog.resources.Insights;
import dev.hedgekit.posthog.resources.Invites;
import dev.hedgekit.posthog.resources.Members;
import dev.hedgekit.posthog.resources.Notebooks;
import dev.hedgekit.posthog.resources.OrganizationBatchExports;
import dev.hedgekit.posthog.resources.Organizations;
import dev.hedgekit.posthog.resources.Persons;
import dev.hedgekit.posthog.resources.Pipelines;
import dev.hedgekit.posthog.resources.Plugins;
import dev.hedgekit.posthog.resources.ProjectMembers;
import dev.hedgekit.posthog.resources.Projects;
import dev.hedgekit.posthog.resources.PropertyDefinitions;
import dev.hedgekit.posthog.resources.ProxyRecords;
import dev.hedgekit.posthog.resources.Query;
import dev.hedgekit.posthog.resources.Roles;
import dev.hedgekit.posthog.resources.SessionRecordingPlaylists;
import dev.hedgekit.posthog.resources.SessionRecordings;
import dev.hedgekit.posthog.resources.Subscriptions;
import dev.hedgekit.posthog.resources.Surveys;
import dev.hedgekit.posthog.resources.Users;
import dev.hedgekit.posthog.resources.FeatureFlags;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Entry point of the SDK: a client of PostHog's management API for one personal API key.
 *
 * <pre>{@code
 * try (PostHogClient client = PostHogClient.builder()
 *     .apiKey(System.getenv("POSTHOG_PERSONAL_API_KEY"))
 *     .subdomain("eu")
 *     .build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>A client is immutable and thread-safe: build one per key and share it. It owns a pool of
 * HTTP connections (and, once async calls are used, a thread pool), released by {@link #close()}.
 */
public final class PostHogClient implements AutoCloseable {

  /** Environment variable holding the personal API key. */
  public static final String ENV_API_KEY = "POSTHOG_PERSONAL_API_KEY";
  /** Environment variable holding the base URL of the instance (overrides the subdomain). */
  public static final String ENV_HOST = "POSTHOG_HOST";
  /** Environment variable holding the cloud subdomain ({@code us} or {@code eu}). */
  public static final String ENV_SUBDOMAIN = "POSTHOG_SUBDOMAIN";
  /** Environment variable holding the default project id. */
  public static final String ENV_PROJECT_ID = "POSTHOG_PROJECT_ID";
  /** Environment variable holding the default organization id. */
  public static final String ENV_ORGANIZATION_ID = "POSTHOG_ORGANIZATION_ID";

  private final ClientConfig config;
  private final Transport transport;
  private final RequestOptions options;
  private volatile Actions actions;

  private PostHogClient(ClientConfig config) {
    this.config = config;
    this.transport = new Transport(config);
    this.options = RequestOptions.none();
  }

  private PostHogClient(PostHogClient base, RequestOptions options) {
    this.config = base.config;
    this.transport = base.transport;
    this.options = options;
  }

  /** @return a builder with the defaults (subdomain {@code us}) */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the process environment: {@value #ENV_API_KEY} (required),
   * {@value #ENV_HOST} (a base URL) or {@value #ENV_SUBDOMAIN}, and optionally
   * {@value #ENV_PROJECT_ID} and {@value #ENV_ORGANIZATION_ID}.
   *
   * @return the client
   * @throws IllegalArgumentException if the key is missing or a value is invalid
   */
  public static PostHogClient fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Like {@link #fromEnv()} but reading the given map instead of the process environment.
   *
   * @param env variables by name
   * @return the client
   */
  public static PostHogClient fromEnv(Map<String, String> env) {
    return builder().env(env).build();
  }

  /** @return the configuration this client was built with (the key is redacted in toString) */
  public ClientConfig config() {
    return config;
  }

  /**
   * A proxy of any generated interface ({@code dev.hedgekit.posthog.generated.api}), wired
   * to this client: authentication, retries, rate limits, error normalization. Use it for
   * operations the typed facade does not cover yet. Each call is built straight from the
   * method's annotations; with HTTP logging on, Feign builds it (so that Feign's log shows
   * it), and the request on the wire is the same either way.
   *
   * @param generatedInterface e.g. {@code FeatureFlagsApi.class}
   * @param <T> the interface type
   * @return the proxy (built once per interface and reused)
   */
  public <T> T generated(Class<T> generatedInterface) {
    return transport.api(Objects.requireNonNull(generatedInterface, "generatedInterface"));
  }

  /**
   * A view of this client whose calls use the given options (read timeout, overall timeout,
   * retries, extra headers) on top of the client's configuration. The view shares the
   * client's connections and threads; nothing is rebuilt, and closing either closes both.
   *
   * <pre>{@code
   * client.withOptions(RequestOptions.builder().maxRetries(0).build()).featureFlags(1).get(7);
   * }</pre>
   *
   * @param options the per-call options
   * @return the view
   */
  public PostHogClient withOptions(RequestOptions options) {
    return new PostHogClient(this, this.options.merge(Objects.requireNonNull(options, "options")));
  }

  /** @return the per-call options of this client or view ({@link RequestOptions#none()} for a built client) */
  public RequestOptions requestOptions() {
    return options;
  }

  /**
   * Runs any calls made by {@code work} on the async executor (the one given to the builder,
   * or the client's own daemon pool). Cancelling the returned future aborts the request in
   * flight and any wait between retries; the future then completes with a
   * {@link java.util.concurrent.CancellationException}. Failures complete it exceptionally
   * with the same exceptions the blocking call would throw.
   *
   * <pre>{@code
   * CompletableFuture<FeatureFlag> flag = client.async(c -> c.featureFlags(1).get(7));
   * }</pre>
   *
   * @param work the calls to make, given this client
   * @param <T> the result type
   * @return the future result
   */
  public <T> CompletableFuture<T> async(Function<PostHogClient, T> work) {
    Objects.requireNonNull(work, "work");
    return transport.callAsync(options, () -> work.apply(this));
  }

  /**
   * The project id configured on the builder (or by {@value #ENV_PROJECT_ID}).
   *
   * @return the id
   * @throws IllegalStateException if none was configured
   */
  public String defaultProjectId() {
    if (config.projectId() == null) {
      throw new IllegalStateException("no project id: pass one to the call (e.g. featureFlags(42))"
          + " or set projectId(...) on the builder or " + ENV_PROJECT_ID + " in the environment");
    }
    return config.projectId();
  }

  /**
   * The organization id configured on the builder (or by {@value #ENV_ORGANIZATION_ID}).
   *
   * @return the id
   * @throws IllegalStateException if none was configured
   */
  public String defaultOrganizationId() {
    if (config.organizationId() == null) {
      throw new IllegalStateException("no organization id: pass one to the call or set"
          + " organizationId(...) on the builder or " + ENV_ORGANIZATION_ID + " in the environment");
    }
    return config.organizationId();
  }

  // ---------------------------------------------------------------- resource groups

  /**
   * Feature flags of the default project.
   *
   * @return the resource group
   */
  public FeatureFlags featureFlags() {
    return new FeatureFlags(this, defaultProjectId());
  }

  /**
   * Feature flags of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public FeatureFlags featureFlags(String projectId) {
    return new FeatureFlags(this, projectId);
  }

  /**
   * Feature flags of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public FeatureFlags featureFlags(long projectId) {
    return new FeatureFlags(this, Long.toString(projectId));
  }

  /**
   * Insights (saved and ad-hoc analytics) of the default project.
   *
   * @return the resource group
   */
  public Insights insights() {
    return new Insights(this, defaultProjectId());
  }

  /**
   * Insights (saved and ad-hoc analytics) of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Insights insights(String projectId) {
    return new Insights(this, projectId);
  }

  /**
   * Insights (saved and ad-hoc analytics) of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Insights insights(long projectId) {
    return new Insights(this, Long.toString(projectId));
  }

  /**
   * Dashboards, their tiles, sharing and collaborators of the default project.
   *
   * @return the resource group
   */
  public Dashboards dashboards() {
    return new Dashboards(this, defaultProjectId());
  }

  /**
   * Dashboards, their tiles, sharing and collaborators of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Dashboards dashboards(String projectId) {
    return new Dashboards(this, projectId);
  }

  /**
   * Dashboards, their tiles, sharing and collaborators of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Dashboards dashboards(long projectId) {
    return new Dashboards(this, Long.toString(projectId));
  }

  /**
   * Dashboard templates of the default project.
   *
   * @return the resource group
   */
  public DashboardTemplates dashboardTemplates() {
    return new DashboardTemplates(this, defaultProjectId());
  }

  /**
   * Dashboard templates of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public DashboardTemplates dashboardTemplates(String projectId) {
    return new DashboardTemplates(this, projectId);
  }

  /**
   * Dashboard templates of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public DashboardTemplates dashboardTemplates(long projectId) {
    return new DashboardTemplates(this, Long.toString(projectId));
  }

  /**
   * Cohorts of the default project.
   *
   * @return the resource group
   */
  public Cohorts cohorts() {
    return new Cohorts(this, defaultProjectId());
  }

  /**
   * Cohorts of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Cohorts cohorts(String projectId) {
    return new Cohorts(this, projectId);
  }

  /**
   * Cohorts of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Cohorts cohorts(long projectId) {
    return new Cohorts(this, Long.toString(projectId));
  }

  /**
   * Persons of the default project.
   *
   * @return the resource group
   */
  public Persons persons() {
    return new Persons(this, defaultProjectId());
  }

  /**
   * Persons of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Persons persons(String projectId) {
    return new Persons(this, projectId);
  }

  /**
   * Persons of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Persons persons(long projectId) {
    return new Persons(this, Long.toString(projectId));
  }

  /**
   * Groups and group types of the default project.
   *
   * @return the resource group
   */
  public Groups groups() {
    return new Groups(this, defaultProjectId());
  }

  /**
   * Groups and group types of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Groups groups(String projectId) {
    return new Groups(this, projectId);
  }

  /**
   * Groups and group types of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Groups groups(long projectId) {
    return new Groups(this, Long.toString(projectId));
  }

  /**
   * Raw events of the default project.
   *
   * @return the resource group
   */
  public Events events() {
    return new Events(this, defaultProjectId());
  }

  /**
   * Raw events of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Events events(String projectId) {
    return new Events(this, projectId);
  }

  /**
   * Raw events of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Events events(long projectId) {
    return new Events(this, Long.toString(projectId));
  }

  /**
   * Event definitions of the default project.
   *
   * @return the resource group
   */
  public EventDefinitions eventDefinitions() {
    return new EventDefinitions(this, defaultProjectId());
  }

  /**
   * Event definitions of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public EventDefinitions eventDefinitions(String projectId) {
    return new EventDefinitions(this, projectId);
  }

  /**
   * Event definitions of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public EventDefinitions eventDefinitions(long projectId) {
    return new EventDefinitions(this, Long.toString(projectId));
  }

  /**
   * Property definitions of the default project.
   *
   * @return the resource group
   */
  public PropertyDefinitions propertyDefinitions() {
    return new PropertyDefinitions(this, defaultProjectId());
  }

  /**
   * Property definitions of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public PropertyDefinitions propertyDefinitions(String projectId) {
    return new PropertyDefinitions(this, projectId);
  }

  /**
   * Property definitions of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public PropertyDefinitions propertyDefinitions(long projectId) {
    return new PropertyDefinitions(this, Long.toString(projectId));
  }

  /**
   * Actions (named event combinations; not to be confused with actions() run by slug) of the default project.
   *
   * @return the resource group
   */
  public EventActions eventActions() {
    return new EventActions(this, defaultProjectId());
  }

  /**
   * Actions (named event combinations; not to be confused with actions() run by slug) of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public EventActions eventActions(String projectId) {
    return new EventActions(this, projectId);
  }

  /**
   * Actions (named event combinations; not to be confused with actions() run by slug) of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public EventActions eventActions(long projectId) {
    return new EventActions(this, Long.toString(projectId));
  }

  /**
   * Annotations of the default project.
   *
   * @return the resource group
   */
  public Annotations annotations() {
    return new Annotations(this, defaultProjectId());
  }

  /**
   * Annotations of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Annotations annotations(String projectId) {
    return new Annotations(this, projectId);
  }

  /**
   * Annotations of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Annotations annotations(long projectId) {
    return new Annotations(this, Long.toString(projectId));
  }

  /**
   * Experiments of the default project.
   *
   * @return the resource group
   */
  public Experiments experiments() {
    return new Experiments(this, defaultProjectId());
  }

  /**
   * Experiments of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Experiments experiments(String projectId) {
    return new Experiments(this, projectId);
  }

  /**
   * Experiments of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Experiments experiments(long projectId) {
    return new Experiments(this, Long.toString(projectId));
  }

  /**
   * Surveys of the default project.
   *
   * @return the resource group
   */
  public Surveys surveys() {
    return new Surveys(this, defaultProjectId());
  }

  /**
   * Surveys of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Surveys surveys(String projectId) {
    return new Surveys(this, projectId);
  }

  /**
   * Surveys of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Surveys surveys(long projectId) {
    return new Surveys(this, Long.toString(projectId));
  }

  /**
   * Early access features of the default project.
   *
   * @return the resource group
   */
  public EarlyAccessFeatures earlyAccessFeatures() {
    return new EarlyAccessFeatures(this, defaultProjectId());
  }

  /**
   * Early access features of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public EarlyAccessFeatures earlyAccessFeatures(String projectId) {
    return new EarlyAccessFeatures(this, projectId);
  }

  /**
   * Early access features of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public EarlyAccessFeatures earlyAccessFeatures(long projectId) {
    return new EarlyAccessFeatures(this, Long.toString(projectId));
  }

  /**
   * Session recordings of the default project.
   *
   * @return the resource group
   */
  public SessionRecordings sessionRecordings() {
    return new SessionRecordings(this, defaultProjectId());
  }

  /**
   * Session recordings of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public SessionRecordings sessionRecordings(String projectId) {
    return new SessionRecordings(this, projectId);
  }

  /**
   * Session recordings of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public SessionRecordings sessionRecordings(long projectId) {
    return new SessionRecordings(this, Long.toString(projectId));
  }

  /**
   * Session recording playlists of the default project.
   *
   * @return the resource group
   */
  public SessionRecordingPlaylists sessionRecordingPlaylists() {
    return new SessionRecordingPlaylists(this, defaultProjectId());
  }

  /**
   * Session recording playlists of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public SessionRecordingPlaylists sessionRecordingPlaylists(String projectId) {
    return new SessionRecordingPlaylists(this, projectId);
  }

  /**
   * Session recording playlists of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public SessionRecordingPlaylists sessionRecordingPlaylists(long projectId) {
    return new SessionRecordingPlaylists(this, Long.toString(projectId));
  }

  /**
   * Notebooks of the default project.
   *
   * @return the resource group
   */
  public Notebooks notebooks() {
    return new Notebooks(this, defaultProjectId());
  }

  /**
   * Notebooks of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Notebooks notebooks(String projectId) {
    return new Notebooks(this, projectId);
  }

  /**
   * Notebooks of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Notebooks notebooks(long projectId) {
    return new Notebooks(this, Long.toString(projectId));
  }

  /**
   * Exported assets of the default project.
   *
   * @return the resource group
   */
  public Exports exports() {
    return new Exports(this, defaultProjectId());
  }

  /**
   * Exported assets of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Exports exports(String projectId) {
    return new Exports(this, projectId);
  }

  /**
   * Exported assets of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Exports exports(long projectId) {
    return new Exports(this, Long.toString(projectId));
  }

  /**
   * Subscriptions of the default project.
   *
   * @return the resource group
   */
  public Subscriptions subscriptions() {
    return new Subscriptions(this, defaultProjectId());
  }

  /**
   * Subscriptions of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Subscriptions subscriptions(String projectId) {
    return new Subscriptions(this, projectId);
  }

  /**
   * Subscriptions of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Subscriptions subscriptions(long projectId) {
    return new Subscriptions(this, Long.toString(projectId));
  }

  /**
   * The activity log of the default project.
   *
   * @return the resource group
   */
  public ActivityLog activityLog() {
    return new ActivityLog(this, defaultProjectId());
  }

  /**
   * The activity log of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public ActivityLog activityLog(String projectId) {
    return new ActivityLog(this, projectId);
  }

  /**
   * The activity log of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public ActivityLog activityLog(long projectId) {
    return new ActivityLog(this, Long.toString(projectId));
  }

  /**
   * The query API (HogQL and query nodes) of the default project.
   *
   * @return the resource group
   */
  public Query query() {
    return new Query(this, defaultProjectId());
  }

  /**
   * The query API (HogQL and query nodes) of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Query query(String projectId) {
    return new Query(this, projectId);
  }

  /**
   * The query API (HogQL and query nodes) of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Query query(long projectId) {
    return new Query(this, Long.toString(projectId));
  }

  /**
   * Plugin-based pipeline apps configured in the project of the default project.
   *
   * @return the resource group
   */
  public Pipelines pipelines() {
    return new Pipelines(this, defaultProjectId());
  }

  /**
   * Plugin-based pipeline apps configured in the project of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public Pipelines pipelines(String projectId) {
    return new Pipelines(this, projectId);
  }

  /**
   * Plugin-based pipeline apps configured in the project of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public Pipelines pipelines(long projectId) {
    return new Pipelines(this, Long.toString(projectId));
  }

  /**
   * Batch exports of the default project.
   *
   * @return the resource group
   */
  public BatchExports batchExports() {
    return new BatchExports(this, defaultProjectId());
  }

  /**
   * Batch exports of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public BatchExports batchExports(String projectId) {
    return new BatchExports(this, projectId);
  }

  /**
   * Batch exports of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public BatchExports batchExports(long projectId) {
    return new BatchExports(this, Long.toString(projectId));
  }

  /**
   * Explicit project members (deprecated upstream) of the default project.
   *
   * @return the resource group
   */
  public ProjectMembers projectMembers() {
    return new ProjectMembers(this, defaultProjectId());
  }

  /**
   * Explicit project members (deprecated upstream) of a project.
   *
   * @param projectId the project id (a number, or {@code @current})
   * @return the resource group
   */
  public ProjectMembers projectMembers(String projectId) {
    return new ProjectMembers(this, projectId);
  }

  /**
   * Explicit project members (deprecated upstream) of a project.
   *
   * @param projectId the project id
   * @return the resource group
   */
  public ProjectMembers projectMembers(long projectId) {
    return new ProjectMembers(this, Long.toString(projectId));
  }

  /**
   * Organizations of the default organization.
   *
   * @return the resource group
   */
  public Organizations organizations() {
    return new Organizations(this, defaultOrganizationId());
  }

  /**
   * Organizations of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public Organizations organizations(String organizationId) {
    return new Organizations(this, organizationId);
  }

  /**
   * Organization members of the default organization.
   *
   * @return the resource group
   */
  public Members members() {
    return new Members(this, defaultOrganizationId());
  }

  /**
   * Organization members of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public Members members(String organizationId) {
    return new Members(this, organizationId);
  }

  /**
   * Organization invites of the default organization.
   *
   * @return the resource group
   */
  public Invites invites() {
    return new Invites(this, defaultOrganizationId());
  }

  /**
   * Organization invites of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public Invites invites(String organizationId) {
    return new Invites(this, organizationId);
  }

  /**
   * Organization roles of the default organization.
   *
   * @return the resource group
   */
  public Roles roles() {
    return new Roles(this, defaultOrganizationId());
  }

  /**
   * Organization roles of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public Roles roles(String organizationId) {
    return new Roles(this, organizationId);
  }

  /**
   * Verified domains of the default organization.
   *
   * @return the resource group
   */
  public Domains domains() {
    return new Domains(this, defaultOrganizationId());
  }

  /**
   * Verified domains of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public Domains domains(String organizationId) {
    return new Domains(this, organizationId);
  }

  /**
   * Managed proxy records of the default organization.
   *
   * @return the resource group
   */
  public ProxyRecords proxyRecords() {
    return new ProxyRecords(this, defaultOrganizationId());
  }

  /**
   * Managed proxy records of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public ProxyRecords proxyRecords(String organizationId) {
    return new ProxyRecords(this, organizationId);
  }

  /**
   * Projects of an organization of the default organization.
   *
   * @return the resource group
   */
  public Projects projects() {
    return new Projects(this, defaultOrganizationId());
  }

  /**
   * Projects of an organization of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public Projects projects(String organizationId) {
    return new Projects(this, organizationId);
  }

  /**
   * Plugins and plugin-based apps of an organization of the default organization.
   *
   * @return the resource group
   */
  public Plugins plugins() {
    return new Plugins(this, defaultOrganizationId());
  }

  /**
   * Plugins and plugin-based apps of an organization of an organization.
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public Plugins plugins(String organizationId) {
    return new Plugins(this, organizationId);
  }

  /**
   * Users: the key's own user and its settings.
   *
   * @return the resource group
   */
  public Users users() {
    return new Users(this);
  }

  /**
   * Batch exports of the default organization (across its projects).
   *
   * @return the resource group
   */
  public OrganizationBatchExports organizationBatchExports() {
    return new OrganizationBatchExports(this, defaultOrganizationId());
  }

  /**
   * Batch exports of an organization (across its projects).
   *
   * @param organizationId the organization's UUID, or {@code @current}
   * @return the resource group
   */
  public OrganizationBatchExports organizationBatchExports(String organizationId) {
    return new OrganizationBatchExports(this, organizationId);
  }

  /**
   * The HTTP layer of this client, for the SDK's own resource classes.
   *
   * @return the transport
   */
  public Transport transport() {
    return transport;
  }

  /**
   * Runs, validates, lists and describes API calls by action slug (the toolkit's names), and
   * exports them as tool definitions for LLM agents. Made on first use, once per client or
   * view; calls use this client's (or view's) options.
   *
   * @return the actions of this client
   */
  public Actions actions() {
    Actions a = actions;
    if (a == null) {
      synchronized (this) {
        a = actions;
        if (a == null) {
          a = new Actions(this);
          actions = a;
        }
      }
    }
    return a;
  }

  /**
   * Releases the connection pool and the client's threads. Calls made afterwards fail with
   * {@link IllegalStateException}. Closing twice is harmless.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "PostHogClient{" + config.endpoint() + ", apiKey=" + config.apiKey() + "}";
  }

  /**
   * Builds a {@link PostHogClient}. Every setter checks its argument at once and names the
   * problem; {@link #build()} checks that a key was given.
   */
  public static final class Builder {
    private String apiKey;
    private String subdomain = "us";
    private String baseUrl;
    private boolean allowInsecureHttp;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofSeconds(180);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();
    private Executor executor;
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private int maxConnections = 64;
    private String projectId;
    private String organizationId;
    private RateLimits rateLimits = RateLimits.off();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String userAgentSuffix;

    private Builder() {
    }

    /**
     * @param apiKey the personal API key (Bearer token); never logged or shown
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      ApiKey.of(apiKey);
      this.apiKey = apiKey;
      return this;
    }

    /**
     * The PostHog cloud region: {@code us} (default, https://us.posthog.com) or {@code eu}
     * (https://eu.posthog.com). Ignored when {@link #baseUrl(String)} is set.
     *
     * @param subdomain one host label
     * @return this builder
     */
    public Builder subdomain(String subdomain) {
      Endpoint.ofSubdomain(subdomain);
      this.subdomain = subdomain;
      return this;
    }

    /**
     * The URL of a self-hosted instance or a local server; overrides the subdomain. Plain
     * http is accepted only for loopback hosts unless {@link #allowInsecureHttp(boolean)}.
     *
     * @param baseUrl absolute http(s) URL, e.g. {@code https://posthog.example.com}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      Endpoint.ofBaseUrl(baseUrl, true);
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * @param allow whether plain http to a non-loopback host is allowed (default false)
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * @param timeout connect timeout of each attempt (default 10 s)
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Durations.positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * @param timeout longest wait for data on each attempt (default 60 s)
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.positive(timeout, "readTimeout");
      return this;
    }

    /**
     * @param timeout overall limit of one call including retries and waits (default 180 s)
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Durations.positive(timeout, "callTimeout");
      return this;
    }

    /**
     * @param policy retry rules (default {@link RetryPolicy#defaults()})
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * @param maxRetries shortcut for a default policy with this many retries
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
      return this;
    }

    /**
     * @param clock clock for Retry-After dates and rate limiting (tests)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param sleeper how the client waits between attempts (tests)
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * @param source numbers in [0, 1) used for backoff jitter (tests pass a constant)
     * @return this builder
     */
    public Builder jitterSource(DoubleSupplier source) {
      this.jitterSource = Objects.requireNonNull(source, "jitterSource");
      return this;
    }

    /**
     * @param executor runs async calls; the caller keeps ownership (default: a daemon thread
     *     pool owned and closed by the client)
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * @param level how much HTTP traffic to log at DEBUG (default NONE; the key is always redacted)
     * @return this builder
     */
    public Builder httpLogging(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * @param max pooled connections to the host (default 64)
     * @return this builder
     */
    public Builder maxConnections(int max) {
      if (max < 1 || max > 1024) {
        throw new IllegalArgumentException("maxConnections must be between 1 and 1024, was " + max);
      }
      this.maxConnections = max;
      return this;
    }

    /**
     * @param projectId project used when a call does not name one (a number, or
     *     {@code @current})
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = idValue(projectId, "projectId");
      return this;
    }

    /**
     * @param projectId project used when a call does not name one
     * @return this builder
     */
    public Builder projectId(long projectId) {
      return projectId(Long.toString(projectId));
    }

    /**
     * @param organizationId organization used when a call does not name one (a UUID, or
     *     {@code @current})
     * @return this builder
     */
    public Builder organizationId(String organizationId) {
      this.organizationId = idValue(organizationId, "organizationId");
      return this;
    }

    /**
     * @param limits client-side rate limiting (default off)
     * @return this builder
     */
    public Builder rateLimits(RateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits, "rateLimits");
      return this;
    }

    /**
     * Adds a header sent with every request.
     *
     * @param name an HTTP token, not Authorization or another client-owned header
     * @param value no CR, LF or control characters
     * @return this builder
     */
    public Builder header(String name, String value) {
      Headers.check(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * @param suffix product token appended to the User-Agent, e.g. {@code my-app/1.2}
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      Headers.check("User-Agent", suffix);
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Reads settings from environment variables (see {@link PostHogClient#fromEnv()}).
     *
     * @param env variables by name
     * @return this builder
     */
    public Builder env(Map<String, String> env) {
      Objects.requireNonNull(env, "env");
      String key = env.get(ENV_API_KEY);
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException(ENV_API_KEY + " is not set: export a PostHog personal"
            + " API key (Settings > Personal API keys)");
      }
      apiKey(key);
      String host = env.get(ENV_HOST);
      String sub = env.get(ENV_SUBDOMAIN);
      if (host != null && !host.isBlank()) {
        baseUrl(host.trim());
      } else if (sub != null && !sub.isBlank()) {
        subdomain(sub.trim());
      }
      String project = env.get(ENV_PROJECT_ID);
      if (project != null && !project.isBlank()) {
        projectId(project.trim());
      }
      String org = env.get(ENV_ORGANIZATION_ID);
      if (org != null && !org.isBlank()) {
        organizationId(org.trim());
      }
      return this;
    }

    /**
     * @return the client
     * @throws IllegalArgumentException if no API key was given or a setting is invalid
     */
    public PostHogClient build() {
      ApiKey key = ApiKey.of(apiKey);
      Endpoint endpoint = baseUrl != null
          ? Endpoint.ofBaseUrl(baseUrl, allowInsecureHttp)
          : Endpoint.ofSubdomain(subdomain);
      RequestOptions.Builder defaults = RequestOptions.builder();
      headers.forEach(defaults::header);
      String ua = SdkInfo.userAgent() + (userAgentSuffix == null ? "" : " " + userAgentSuffix);
      ClientConfig config = new ClientConfig(endpoint, key, connectTimeout, readTimeout,
          callTimeout, retryPolicy, defaults.build(), clock, sleeper, jitterSource, executor,
          logLevel, maxConnections, projectId, organizationId, rateLimits, ua);
      return new PostHogClient(config);
    }


    private static String idValue(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      for (int i = 0; i < value.length(); i++) {
        if (Character.isISOControl(value.charAt(i))) {
          throw new IllegalArgumentException(name + " contains a control character at position " + i);
        }
      }
      return value;
    }

    @Override
    public String toString() {
      return "PostHogClient.Builder{apiKey=" + (apiKey == null ? "unset" : "[redacted]")
          + ", subdomain=" + subdomain + ", baseUrl=" + baseUrl + "}";
    }
  }
}
