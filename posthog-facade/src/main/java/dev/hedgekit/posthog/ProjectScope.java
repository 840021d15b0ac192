package dev.hedgekit.posthog;

import dev.hedgekit.posthog.internal.config.Endpoint;
import dev.hedgekit.posthog.query.Query;
import dev.hedgekit.posthog.resources.Actions;
import dev.hedgekit.posthog.resources.ActivityLog;
import dev.hedgekit.posthog.resources.Annotations;
import dev.hedgekit.posthog.resources.BatchExports;
import dev.hedgekit.posthog.resources.Cohorts;
import dev.hedgekit.posthog.resources.DashboardTemplates;
import dev.hedgekit.posthog.resources.Dashboards;
import dev.hedgekit.posthog.resources.EarlyAccessFeatures;
import dev.hedgekit.posthog.resources.EventDefinitions;
import dev.hedgekit.posthog.resources.Events;
import dev.hedgekit.posthog.resources.Experiments;
import dev.hedgekit.posthog.resources.Exports;
import dev.hedgekit.posthog.resources.FeatureFlags;
import dev.hedgekit.posthog.resources.Groups;
import dev.hedgekit.posthog.resources.HogFunctions;
import dev.hedgekit.posthog.resources.Insights;
import dev.hedgekit.posthog.resources.Notebooks;
import dev.hedgekit.posthog.resources.Persons;
import dev.hedgekit.posthog.resources.Pipelines;
import dev.hedgekit.posthog.resources.ProjectMembers;
import dev.hedgekit.posthog.resources.PropertyDefinitions;
import dev.hedgekit.posthog.resources.SessionRecordingPlaylists;
import dev.hedgekit.posthog.resources.SessionRecordings;
import dev.hedgekit.posthog.resources.Subscriptions;
import dev.hedgekit.posthog.resources.Surveys;
import dev.hedgekit.posthog.internal.ClientContext;

/**
 * The resources of one project: what PostHog serves under {@code /api/projects/{id}/}. Made by
 * {@link PostHogClient#project(long)}; cheap, immutable and thread-safe, so make one wherever
 * it is needed. Its calls use the options of the client or view it came from.
 *
 * <pre>{@code
 * ProjectScope project = client.project(42);
 * for (FeatureFlag f : project.featureFlags().listAll()) { ... }
 * JsonNode rows = project.query().hogql("select count() from events");
 * }</pre>
 */
public final class ProjectScope {

  private final ClientContext context;
  private final String projectId;

  ProjectScope(ClientContext context, String projectId) {
    this.context = context;
    this.projectId = projectId;
  }

  /**
   * Checks a project id: digits, or {@code @current}.
   *
   * @param id the id
   * @return the id
   * @throws IllegalArgumentException if it is neither
   */
  static String checkId(String id) {
    if (id == null) {
      throw new NullPointerException("projectId must not be null");
    }
    if (!id.equals("@current") && !id.matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException("the project id must be a number (as shown in the"
          + " project's URL and settings) or @current, was \"" + Endpoint.printable(id) + "\"");
    }
    return id;
  }



  /**
   * The query API: HogQL and other query nodes, blocking, async with polling, and row streams.
   *
   * @return the query API of this project
   */
  public Query query() {
    return new Query(context, projectId);
  }


  /**
   * Feature flags: rollout rules, payloads, soft delete.
   *
   * @return the resource group
   */
  public FeatureFlags featureFlags() {
    return new FeatureFlags(context, projectId);
  }
  /**
   * Saved insights.
   *
   * @return the resource group
   */
  public Insights insights() {
    return new Insights(context, projectId);
  }
  /**
   * Dashboards, their tiles, sharing and collaborators.
   *
   * @return the resource group
   */
  public Dashboards dashboards() {
    return new Dashboards(context, projectId);
  }
  /**
   * Dashboard templates.
   *
   * @return the resource group
   */
  public DashboardTemplates dashboardTemplates() {
    return new DashboardTemplates(context, projectId);
  }
  /**
   * Cohorts: saved groups of persons.
   *
   * @return the resource group
   */
  public Cohorts cohorts() {
    return new Cohorts(context, projectId);
  }
  /**
   * Persons and their properties.
   *
   * @return the resource group
   */
  public Persons persons() {
    return new Persons(context, projectId);
  }
  /**
   * Groups and group types (group analytics).
   *
   * @return the resource group
   */
  public Groups groups() {
    return new Groups(context, projectId);
  }
  /**
   * Raw events (deprecated by PostHog in favour of the query API).
   *
   * @return the resource group
   */
  public Events events() {
    return new Events(context, projectId);
  }
  /**
   * The events the project has seen, and their metadata.
   *
   * @return the resource group
   */
  public EventDefinitions eventDefinitions() {
    return new EventDefinitions(context, projectId);
  }
  /**
   * The properties the project has seen, and their metadata.
   *
   * @return the resource group
   */
  public PropertyDefinitions propertyDefinitions() {
    return new PropertyDefinitions(context, projectId);
  }
  /**
   * Actions: named combinations of events.
   *
   * @return the resource group
   */
  public Actions actions() {
    return new Actions(context, projectId);
  }
  /**
   * Annotations shown on insight graphs.
   *
   * @return the resource group
   */
  public Annotations annotations() {
    return new Annotations(context, projectId);
  }
  /**
   * Experiments (A/B tests).
   *
   * @return the resource group
   */
  public Experiments experiments() {
    return new Experiments(context, projectId);
  }
  /**
   * Surveys and their responses.
   *
   * @return the resource group
   */
  public Surveys surveys() {
    return new Surveys(context, projectId);
  }
  /**
   * Early access features.
   *
   * @return the resource group
   */
  public EarlyAccessFeatures earlyAccessFeatures() {
    return new EarlyAccessFeatures(context, projectId);
  }
  /**
   * Session recordings.
   *
   * @return the resource group
   */
  public SessionRecordings sessionRecordings() {
    return new SessionRecordings(context, projectId);
  }
  /**
   * Saved collections of session recordings.
   *
   * @return the resource group
   */
  public SessionRecordingPlaylists sessionRecordingPlaylists() {
    return new SessionRecordingPlaylists(context, projectId);
  }
  /**
   * Notebooks.
   *
   * @return the resource group
   */
  public Notebooks notebooks() {
    return new Notebooks(context, projectId);
  }
  /**
   * Exported assets (images, PDFs, CSV files).
   *
   * @return the resource group
   */
  public Exports exports() {
    return new Exports(context, projectId);
  }
  /**
   * Scheduled deliveries of insights and dashboards.
   *
   * @return the resource group
   */
  public Subscriptions subscriptions() {
    return new Subscriptions(context, projectId);
  }
  /**
   * The log of changes made in the project.
   *
   * @return the resource group
   */
  public ActivityLog activityLog() {
    return new ActivityLog(context, projectId);
  }
  /**
   * Hog functions: destinations, transformations, site apps and webhook sources, with their
   * logs, metrics and templates (what replaced plugins and pipeline apps).
   *
   * @return the resource group
   */
  public HogFunctions hogFunctions() {
    return new HogFunctions(context, projectId);
  }
  /**
   * Plugin-based pipeline apps (retired by PostHog in favour of hog functions, see
   * {@link #hogFunctions()}).
   *
   * @return the resource group
   */
  public Pipelines pipelines() {
    return new Pipelines(context, projectId);
  }
  /**
   * Batch exports to warehouses and storage.
   *
   * @return the resource group
   */
  public BatchExports batchExports() {
    return new BatchExports(context, projectId);
  }
  /**
   * Explicit project members (removed by PostHog; see access control).
   *
   * @return the resource group
   * @deprecated PostHog has removed explicit project members; use project access control and
   *     organization roles ({@link OrganizationScope#roles()}).
   */
  @Deprecated
  public ProjectMembers members() {
    return new ProjectMembers(context, projectId);
  }
  /** @return the id this scope works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "ProjectScope{" + projectId + "}";
  }
}
