package dev.hedgekit.posthog.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagList;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A short tour of the SDK: list, get and create feature flags, list a few other resources,
 * and see how a failed call surfaces.
 *
 * <p>Without {@code POSTHOG_PERSONAL_API_KEY} it starts a local {@link SandboxServer} and talks
 * to it (no account needed, nothing leaves the machine). With the key set it makes read-only
 * calls to the real PostHog ({@code POSTHOG_PROJECT_ID} is then required; {@code POSTHOG_HOST}
 * or {@code POSTHOG_SUBDOMAIN} pick the instance). Run it from the repository root with
 * {@code mvn -B -q -DskipTests -pl posthog-examples -am package exec:java}.
 *
 * <p>The tour uses the generated layer ({@code client.generated(FeatureFlagsApi.class)}, one
 * Feign interface per API area) directly wherever the typed facade has no method yet. Each step
 * is one small method, so moving it to the typed API changes one place. Generated methods are
 * found by operationId and given their arguments by wire name ({@link GeneratedCalls}), because
 * their parameter lists follow the spec and grow with it.
 */
public final class Tour {

  /** Exit status when the environment is incomplete. */
  public static final int EXIT_USAGE = 2;
  /** Exit status when a call failed unexpectedly. */
  public static final int EXIT_FAILED = 1;

  private static final String API_PACKAGE = "dev.hedgekit.posthog.generated.api.";
  private static final String SANDBOX_KEY = "phx_sandbox_not_a_real_key";
  private static final String SANDBOX_PROJECT = "1";
  private static final int PAGE = 5;
  private static final int SHOWN = 3;

  private final PostHogClient client;
  private final String projectId;
  private final boolean live;
  private final PrintStream out;
  private int calls;
  private JsonNode spec;

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
    String key = env.get(PostHogClient.ENV_API_KEY);
    if (key == null || key.isBlank()) {
      return runInSandbox(out, err);
    }
    return runLive(env, out, err);
  }

  private static int runInSandbox(PrintStream out, PrintStream err) {
    try (SandboxServer sandbox = SandboxServer.start();
         PostHogClient client = PostHogClient.builder()
             .apiKey(SANDBOX_KEY)
             .baseUrl(sandbox.baseUrl())
             .build()) {
      out.println("PostHog SDK tour against the local sandbox at " + sandbox.baseUrl()
          + " (" + sandbox.operations().size() + " operations stubbed from the spec).");
      out.println("Set " + PostHogClient.ENV_API_KEY + " and " + PostHogClient.ENV_PROJECT_ID
          + " to make read-only calls to PostHog instead.");
      return new Tour(client, SANDBOX_PROJECT, false, out).steps(err);
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
      out.println("PostHog SDK tour against " + client.config().endpoint()
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
      }
      if (live) {
        out.println("Create a feature flag: skipped (the tour only reads from a real PostHog).");
      } else {
        createFeatureFlag();
      }
      listIfGenerated("dashboards", "DashboardsApi", "dashboards_list");
      listIfGenerated("insights", "InsightsApi", "insights_list");
      listIfGenerated("cohorts", "CohortsApi", "cohorts_list");
      listIfGenerated("persons", "PersonsApi", "persons_list");
      showErrorHandling(first);
      out.println("Tour finished: " + calls + " calls.");
      return 0;
    } catch (PostHogException e) {
      err.println("Tour stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // feature flags (generated layer: FeatureFlagsApi)

  private FeatureFlag listFeatureFlags() {
    out.println("List feature flags: FeatureFlagsApi feature_flags_list(project " + projectId
        + ", limit " + PAGE + ")");
    PaginatedFeatureFlagList page = flags("feature_flags_list",
        Map.of("project_id", projectId, "limit", PAGE), PaginatedFeatureFlagList.class);
    calls++;
    List<FeatureFlag> results = page.getResults() == null ? List.of() : page.getResults();
    List<String> shown = new ArrayList<>();
    for (FeatureFlag flag : results.subList(0, Math.min(SHOWN, results.size()))) {
      shown.add(flagLabel(flag));
    }
    out.println("  -> " + (page.getCount() == null ? results.size() : page.getCount())
        + " flags in the project; " + (shown.isEmpty() ? "none" : String.join(", ", shown)));
    return results.isEmpty() ? null : results.get(0);
  }

  private void getFeatureFlag(int id) {
    out.println("Get one feature flag: FeatureFlagsApi feature_flags_retrieve(project "
        + projectId + ", id " + id + ")");
    FeatureFlag flag = flags("feature_flags_retrieve",
        Map.of("project_id", projectId, "id", id), FeatureFlag.class);
    calls++;
    out.println("  -> " + flagLabel(flag) + ", name \"" + flag.getName() + "\", created "
        + flag.getCreatedAt());
  }

  private void createFeatureFlag() {
    FeatureFlag draft = new FeatureFlag()
        .key("tour-demo-flag")
        .name("Flag created by the SDK tour")
        .active(false);
    out.println("Create a feature flag: FeatureFlagsApi feature_flags_create(project "
        + projectId + ", key " + draft.getKey() + ")");
    FeatureFlag created = flags("feature_flags_create",
        Map.of("project_id", projectId, GeneratedCalls.BODY, draft), FeatureFlag.class);
    calls++;
    out.println("  -> created " + flagLabel(created)
        + " (the sandbox answers a generated flag and stores nothing)");
  }

  private void showErrorHandling(FeatureFlag first) {
    int id = first != null && first.getId() != null ? first.getId() : 1;
    try {
      if (live) {
        // Read-only: ask for a flag id that does not exist.
        out.println("Error handling: FeatureFlagsApi feature_flags_retrieve(project "
            + projectId + ", id " + Integer.MAX_VALUE + "), an id that does not exist");
        flags("feature_flags_retrieve",
            Map.of("project_id", projectId, "id", Integer.MAX_VALUE), FeatureFlag.class);
      } else {
        out.println("Error handling: FeatureFlagsApi feature_flags_destroy(project " + projectId
            + ", id " + id + "), a hard delete");
        flags("feature_flags_destroy", Map.of("project_id", projectId, "id", id), Object.class);
      }
      calls++;
      out.println("  -> no error this time");
    } catch (PostHogApiException e) {
      calls++;
      out.println("  -> " + e.getClass().getSimpleName() + " (status " + e.status() + "): "
          + e.getMessage());
    }
  }

  /** One call of FeatureFlagsApi, through {@code client.generated(FeatureFlagsApi.class)}. */
  private <T> T flags(String operationId, Map<String, ?> args, Class<T> answerType) {
    return GeneratedCalls.call(client, FeatureFlagsApi.class, operationId, args, answerType);
  }

  private static String flagLabel(FeatureFlag flag) {
    return "#" + flag.getId() + " " + flag.getKey()
        + (Boolean.TRUE.equals(flag.getActive()) ? " (active)" : " (inactive)");
  }

  // ---------------------------------------------------------------------------------------------
  // other areas: called only when the current spec generates them

  /**
   * Lists one page of another resource through its generated interface, if the spec in this
   * build has it. The interface is loaded by name (then by the operation's tags in the spec),
   * so the tour compiles whatever the spec holds.
   */
  private void listIfGenerated(String what, String apiName, String operationId) {
    Class<?> api = null;
    for (String candidate : interfaceNames(apiName, operationId)) {
      Class<?> c = loadApi(candidate);
      if (c != null && GeneratedCalls.find(c, operationId).isPresent()) {
        api = c;
        break;
      }
    }
    if (api == null) {
      out.println("List " + what + ": skipped (" + apiName + " " + operationId
          + " is not generated from the current spec)");
      return;
    }
    Map<String, Object> args = Map.of("project_id", projectId, "limit", PAGE);
    List<String> missing =
        GeneratedCalls.missingPathParameters(GeneratedCalls.find(api, operationId).get(), args);
    if (!missing.isEmpty()) {
      out.println("List " + what + ": skipped (" + operationId + " needs " + missing + ")");
      return;
    }
    out.println("List " + what + ": " + api.getSimpleName() + " " + operationId + "(project "
        + projectId + ", limit " + PAGE + ")");
    JsonNode answer = GeneratedCalls.call(client, api, operationId, args, JsonNode.class);
    calls++;
    out.println("  -> " + summarize(answer, what));
  }

  private Set<String> interfaceNames(String apiName, String operationId) {
    Set<String> names = new LinkedHashSet<>();
    names.add(apiName);
    try {
      if (spec == null) {
        spec = SandboxServer.loadSpec();
      }
      for (JsonNode item : spec.path("paths")) {
        for (JsonNode op : item) {
          if (op.isObject() && operationId.equals(op.path("operationId").asText())) {
            for (JsonNode tag : op.path("tags")) {
              names.add(camel(tag.asText()) + "Api");
            }
          }
        }
      }
    } catch (RuntimeException e) {
      // No spec on the classpath: the name given is the only guess.
    }
    return names;
  }

  private static String camel(String tag) {
    StringBuilder sb = new StringBuilder();
    for (String word : tag.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return sb.toString();
  }

  private static Class<?> loadApi(String simpleName) {
    try {
      return Class.forName(API_PACKAGE + simpleName, false, Tour.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static String summarize(JsonNode answer, String what) {
    if (answer == null || answer.isNull()) {
      return "no content";
    }
    JsonNode results = answer.isArray() ? answer : answer.path("results");
    if (!results.isArray()) {
      return label(answer);
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(SHOWN, results.size()); i++) {
      shown.add(label(results.get(i)));
    }
    int count = answer.path("count").isNumber() ? answer.path("count").asInt() : results.size();
    return count + " " + what + "; " + (shown.isEmpty() ? "none" : String.join(", ", shown));
  }

  private static String label(JsonNode item) {
    StringBuilder sb = new StringBuilder();
    if (item.hasNonNull("id")) {
      sb.append('#').append(item.get("id").asText());
    }
    for (String field : new String[] {"name", "key", "email"}) {
      JsonNode v = item.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return sb.append(sb.length() > 0 ? " " : "").append('"').append(v.asText()).append('"')
            .toString();
      }
    }
    JsonNode ids = item.path("distinct_ids");
    if (ids.isArray() && ids.size() > 0) {
      sb.append(sb.length() > 0 ? " " : "").append(ids.get(0).asText());
    }
    return sb.length() > 0 ? sb.toString() : "(no id or name)";
  }
}
