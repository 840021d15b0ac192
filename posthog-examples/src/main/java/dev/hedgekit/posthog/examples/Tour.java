package dev.hedgekit.posthog.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.examples.cli.PostHogCli;
import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.model.Cohort;
import dev.hedgekit.posthog.generated.model.CohortPersonResult;
import dev.hedgekit.posthog.generated.model.DashboardBasic;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.HogFunctionMinimal;
import dev.hedgekit.posthog.generated.model.Insight;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.query.InsightQueries;
import dev.hedgekit.posthog.query.QueryNodes;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A short tour of the SDK: typed calls on feature flags, dashboards, insights, cohorts,
 * persons and hog functions, automatic paging, an async call, an action run by its slug, a
 * HogQL query, a trends query built with {@link InsightQueries}, and how a failed call
 * surfaces.
 *
 * <p>Without {@code POSTHOG_PERSONAL_API_KEY} it starts a local {@link SandboxServer} and talks
 * to it (no account needed, nothing leaves the machine). With the key set it makes read-only
 * calls to the real PostHog ({@code POSTHOG_PROJECT_ID} is then required; {@code POSTHOG_HOST}
 * or {@code POSTHOG_SUBDOMAIN} pick the instance). Run it from the repository root with
 * {@code mvn -B -q -DskipTests -pl posthog-examples -am package exec:java}.
 */
public final class Tour {

  /** Exit status when the environment is incomplete. */
  public static final int EXIT_USAGE = 2;
  /** Exit status when a call failed unexpectedly. */
  public static final int EXIT_FAILED = 1;

  private static final int PAGE = 5;
  private static final int SHOWN = 3;

  private final PostHogClient client;
  private final String projectId;
  private final boolean live;
  private final PrintStream out;
  private int calls;

  private Tour(PostHogClient client, String projectId, boolean live, PrintStream out) {
    this.client = client;
    this.projectId = projectId;
    this.live = live;
    this.out = out;
  }

  /**
   * Runs the tour with the process environment and exits with its status.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int status = run(System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the tour, printing everything to one stream.
   *
   * @param env environment variables (the sandbox is used unless the API key is set)
   * @param out where the tour is printed
   * @return 0 on success, {@link #EXIT_USAGE} or {@link #EXIT_FAILED} otherwise
   */
  public static int run(Map<String, String> env, PrintStream out) {
    return run(env, out, out);
  }

  /**
   * Runs the tour.
   *
   * @param env environment variables (the sandbox is used unless the API key is set)
   * @param out where the tour is printed
   * @param err where problems with the environment or a failed call are explained
   * @return 0 on success, {@link #EXIT_USAGE} or {@link #EXIT_FAILED} otherwise
   */
  public static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    if (!PostHogCli.hasKey(env)) {
      return runInSandbox(out, err);
    }
    return runLive(env, out, err);
  }

  private static int runInSandbox(PrintStream out, PrintStream err) {
    try (SandboxServer sandbox = SandboxServer.start();
         PostHogClient client = PostHogCli.sandboxClient(sandbox)) {
      out.println("PostHog SDK tour against the local sandbox at " + sandbox.baseUrl()
          + " (" + sandbox.operationCount() + " operations stubbed from the spec).");
      out.println("Set " + PostHogClient.ENV_API_KEY + " and " + PostHogClient.ENV_PROJECT_ID
          + " to make read-only calls to PostHog instead.");
      return new Tour(client, PostHogCli.SANDBOX_PROJECT, false, out).steps(err);
    }
  }

  private static int runLive(Map<String, String> env, PrintStream out, PrintStream err) {
    String project = env.get(PostHogClient.ENV_PROJECT_ID);
    if (project == null || project.isBlank()) {
      err.println(PostHogClient.ENV_API_KEY + " is set, so the tour would call the real PostHog,"
          + " but " + PostHogClient.ENV_PROJECT_ID + " is missing.");
      err.println("Set it to the id of the project to read (the number in"
          + " https://us.posthog.com/project/<id>), or unset " + PostHogClient.ENV_API_KEY
          + " to run the tour against the local sandbox.");
      return EXIT_USAGE;
    }
    PostHogClient client;
    try {
      client = PostHogClient.fromEnv(env);
    } catch (IllegalArgumentException e) {
      err.println("The PostHog settings in the environment are not usable: " + e.getMessage());
      return EXIT_USAGE;
    }
    try (client) {
      out.println("PostHog SDK tour against " + client.baseUrl()
          + ", project " + project.trim() + " (read-only calls).");
      return new Tour(client, project.trim(), true, out).steps(err);
    }
  }

  /** The tour itself; each step prints what it called and the key fields of the answer. */
  private int steps(PrintStream err) {
    try {
      FeatureFlag first = listFeatureFlags();
      if (first != null && first.getId() != null) {
        getFeatureFlag(first.getId());
        getFeatureFlagAsync(first.getId());
      }
      if (live) {
        out.println("Create a feature flag: skipped (the tour only reads from a real PostHog).");
      } else {
        createAndSoftDeleteFeatureFlag();
      }
      iterateAllFlags();
      listDashboards();
      listInsights();
      listCohorts();
      listPersons();
      listHogFunctions();
      runActionBySlug(first);
      runHogQl();
      runTrendsQuery();
      showErrorHandling(first);
      out.println("Tour finished: " + calls + " calls.");
      return 0;
    } catch (PostHogException e) {
      err.println("Tour stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  private FeatureFlag listFeatureFlags() {
    out.println("List feature flags: client.project(" + projectId + ").featureFlags().list(limit " + PAGE + ")");
    Page<FeatureFlag> page = client.project(projectId).featureFlags().list(new FeatureFlagsListQuery().limit((long) PAGE));
    calls++;
    out.println("  -> " + page.count().orElse(page.results().size()) + " flags in the project; "
        + shown(page.results(), Tour::flagLabel));
    return page.results().isEmpty() ? null : page.results().get(0);
  }

  private void getFeatureFlag(long id) {
    out.println("Get one feature flag: client.project(" + projectId + ").featureFlags().get(" + id + ")");
    FeatureFlag flag = client.project(projectId).featureFlags().get(id);
    calls++;
    out.println("  -> " + flagLabel(flag) + ", name \"" + flag.getName() + "\", created "
        + flag.getCreatedAt());
  }

  private void getFeatureFlagAsync(long id) {
    out.println("The same, async: client.async(c -> c.project(" + projectId + ").featureFlags().get(" + id
        + "))");
    FeatureFlag flag = client.async(c -> c.project(projectId).featureFlags().get(id)).join();
    calls++;
    out.println("  -> " + flagLabel(flag) + " (a CompletableFuture; cancel() aborts the request)");
  }

  private void createAndSoftDeleteFeatureFlag() {
    FeatureFlag draft = new FeatureFlag()
        .key("tour-demo-flag")
        .name("Flag created by the SDK tour")
        .active(false);
    out.println("Create a feature flag: client.project(" + projectId + ").featureFlags().create(key "
        + draft.getKey() + ")");
    FeatureFlag created = client.project(projectId).featureFlags().create(draft);
    calls++;
    out.println("  -> created " + flagLabel(created)
        + " (the sandbox answers a generated flag and stores nothing)");
    long id = created.getId() == null ? 1 : created.getId();
    out.println("Soft delete it: client.project(" + projectId + ").featureFlags().delete(" + id
        + ") sends PATCH {\"deleted\": true}");
    FeatureFlag deleted = client.project(projectId).featureFlags().delete(id);
    calls++;
    out.println("  -> answered " + flagLabel(deleted));
  }

  private void iterateAllFlags() {
    out.println("Every flag, page by page: client.project(" + projectId
        + ").featureFlags().listAll(limit " + PAGE + ").stream().limit(10)");
    List<FeatureFlag> flags = client.project(projectId).featureFlags()
        .listAll(new FeatureFlagsListQuery().limit((long) PAGE)).stream().limit(10)
        .collect(Collectors.toList());
    calls++;
    out.println("  -> " + flags.size() + " flags read lazily; " + shown(flags, Tour::flagLabel));
  }

  private void listDashboards() {
    out.println("List dashboards: client.project(" + projectId + ").dashboards().list()");
    Page<DashboardBasic> page = client.project(projectId).dashboards().list();
    calls++;
    out.println("  -> " + shown(page.results(), d -> "#" + d.getId() + " \"" + d.getName() + "\""));
  }

  private void listInsights() {
    out.println("List insights: client.project(" + projectId + ").insights().list()");
    Page<Insight> page = client.project(projectId).insights().list();
    calls++;
    out.println("  -> " + shown(page.results(), i -> "#" + i.getId() + " \"" + i.getName() + "\""));
  }

  private void listCohorts() {
    out.println("List cohorts: client.project(" + projectId + ").cohorts().list()");
    Page<Cohort> page = client.project(projectId).cohorts().list();
    calls++;
    out.println("  -> " + shown(page.results(), c -> "#" + c.getId() + " \"" + c.getName() + "\""));
  }

  private void listPersons() {
    out.println("List persons: client.project(" + projectId + ").persons().list()");
    Page<CohortPersonResult> page = client.project(projectId).persons().list();
    calls++;
    out.println("  -> " + shown(page.results(), p -> p.getDistinctIds() == null
        || p.getDistinctIds().isEmpty() ? String.valueOf(p.getId()) : p.getDistinctIds().get(0)));
  }

  private void listHogFunctions() {
    out.println("List hog functions (what replaced plugins): client.project(" + projectId
        + ").hogFunctions().list()");
    Page<HogFunctionMinimal> page = client.project(projectId).hogFunctions().list();
    calls++;
    out.println("  -> " + shown(page.results(), f -> "\"" + f.getName() + "\" ("
        + f.getType() + (Boolean.TRUE.equals(f.getEnabled()) ? ", enabled)" : ", disabled)")));
  }

  private void runActionBySlug(FeatureFlag first) {
    long id = first != null && first.getId() != null ? first.getId() : 1;
    String slug = "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS";
    out.println("Run an action by its slug: client.toolkit().execute(\"" + slug
        + "\", {project_id: " + projectId + ", id: " + id + "})");
    ToolResult result = client.toolkit().execute(slug, Map.of("project_id", projectId, "id", id));
    calls++;
    JsonNode data = result.data();
    out.println("  -> successful=" + result.successful() + ", data.key="
        + (data == null ? "null" : data.path("key").asText()) + " (the uniform {data, successful,"
        + " error} envelope)");
    out.println("Validation happens before sending: execute(\"" + slug + "\", {id: \"seven\"})");
    ToolResult invalid = client.toolkit().execute(slug, Map.of("id", "seven"));
    out.println("  -> successful=" + invalid.successful() + ": " + invalid.error().message());
  }

  private void runHogQl() {
    String sql = "select event, count() from events group by event order by count() desc limit 5";
    out.println("HogQL query: client.project(" + projectId + ").query().hogql(\"" + sql + "\")");
    JsonNode answer = client.project(projectId).query().hogql(sql);
    calls++;
    JsonNode results = answer == null ? null : answer.path("results");
    String text = answer == null ? "no content" : answer.toString();
    out.println("  -> " + (results != null && results.isArray() && results.size() > 0
        ? results.size() + " rows; first " + results.get(0)
        : "answer " + (text.length() > 100 ? text.substring(0, 100) + "..." : text)));
  }

  private void runTrendsQuery() {
    out.println("Trends through the query API (what replaced insights/trend/):"
        + " client.project(" + projectId + ").query().run(InsightQueries.trends(QueryNodes"
        + ".event(\"$pageview\")).interval(\"day\").dateRange(\"-7d\", null).build())");
    JsonNode answer = client.project(projectId).query().run(
        InsightQueries.trends(QueryNodes.event("$pageview")).interval("day")
            .dateRange("-7d", null).build());
    calls++;
    JsonNode results = answer == null ? null : answer.path("results");
    out.println("  -> " + (results != null && results.isArray()
        ? results.size() + " result entries" : "no results"));
  }

  private void showErrorHandling(FeatureFlag first) {
    long id = first != null && first.getId() != null ? first.getId() : 1;
    try {
      if (live) {
        out.println("Error handling: client.project(" + projectId + ").featureFlags().get("
            + Long.MAX_VALUE + "), an id that does not exist");
        client.project(projectId).featureFlags().get(Long.MAX_VALUE);
      } else {
        out.println("Error handling: a hard DELETE through the generated layer,"
            + " client.generated(FeatureFlagsApi.class).featureFlagsDestroy(" + projectId + ", "
            + id + ")");
        client.generated(FeatureFlagsApi.class).featureFlagsDestroy(projectId, id);
      }
      calls++;
      out.println("  -> no error this time");
    } catch (PostHogApiException e) {
      calls++;
      out.println("  -> " + e.getClass().getSimpleName() + " (status " + e.status() + "): "
          + e.getMessage());
    }
  }

  private static String flagLabel(FeatureFlag flag) {
    return "#" + flag.getId() + " " + flag.getKey()
        + (Boolean.TRUE.equals(flag.getActive()) ? " (active)" : " (inactive)");
  }

  private static <T> String shown(List<T> items, Function<T, String> label) {
    if (items.isEmpty()) {
      return "none";
    }
    return items.subList(0, Math.min(SHOWN, items.size())).stream().map(label)
        .collect(Collectors.joining(", "));
  }
}
