package dev.hedgekit.posthog.examples.readme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.ProjectScope;
import dev.hedgekit.posthog.config.LimitClass;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.model.Cohort;
import dev.hedgekit.posthog.generated.model.CohortPersonResult;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.Insight;
import dev.hedgekit.posthog.generated.model.PatchedFeatureFlagPartialUpdateRequestSchema;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import dev.hedgekit.posthog.query.InsightQueries;
import dev.hedgekit.posthog.query.Query;
import dev.hedgekit.posthog.query.QueryNodes;
import dev.hedgekit.posthog.query.Row;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hedgekit.posthog.toolkit.ToolFormat;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.toolkit.ToolSelection;
import dev.hedgekit.posthog.toolkit.ToolSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The Java snippets of the repository's README.md, word for word (ReadmeSnippetsTest checks
 * that every README snippet is here), so that they compile against the SDK and run against a
 * server on loopback. Only the client each snippet starts from is set up differently.
 */
final class ReadmeSnippets {

  private ReadmeSnippets() {
  }

  /** The quick start's body, with the client from the test instead of fromEnv(). */
  static void quickStart(PostHogClient client) {
    ProjectScope project = client.project();                      // the default project
    for (FeatureFlag flag : project.featureFlags().listAll()) {   // every page, fetched lazily
      System.out.println(flag.getKey() + " active=" + flag.getActive());
    }
    FeatureFlag created = project.featureFlags()
        .create(new FeatureFlag().key("new-checkout").name("New checkout"));
    project.featureFlags().update(created.getId(),
        new PatchedFeatureFlagPartialUpdateRequestSchema().active(true));
  }

  /** Configuring in code (compiled, not run: it would reach the real PostHog). */
  static PostHogClient configured() {
    PostHogClient client = PostHogClient.builder()
        .apiKey(System.getenv("POSTHOG_PERSONAL_API_KEY"))   // a personal API key, sent as Bearer
        .subdomain("eu")                                      // "us" (default) or "eu"
        .projectId(12345)                                     // the project of client.project()
        .readTimeout(Duration.ofSeconds(30))
        .build();
    return client;
  }

  static void typedApi(PostHogClient client) {
    ProjectScope project = client.project(42);
    Page<Insight> page = project.insights().list();                     // one page: results(), next()
    Pager<CohortPersonResult> everyone = project.persons().listAll();   // Iterable and stream(), lazy
    project.dashboards().delete(7);       // a PATCH deleted=true: PostHog forbids a hard DELETE here
    CompletableFuture<Cohort> cohort = client.async(c -> c.project(42).cohorts().get(3));
    cohort.cancel(true);                                                // aborts the request
    client.withOptions(RequestOptions.builder().readTimeout(Duration.ofMinutes(2)).maxRetries(0).build())
        .project(42).insights().get(9);                                 // per-call options
    FeatureFlagsApi raw = client.generated(FeatureFlagsApi.class);      // every operation, same client
    everyone.forEach(p -> System.out.println(p.getId()));
    System.out.println(page.results().size() + " " + raw);
  }

  static void queries(PostHogClient client) {
    Query query = client.project(42).query();
    JsonNode counts = query.hogql("select event, count() from events group by event");
    JsonNode weekly = query.run(InsightQueries.trends(QueryNodes.event("$pageview"))
        .interval("week").dateRange("-90d", null).build());

    record Signup(String distinctId, java.time.OffsetDateTime timestamp) { }
    try (Stream<Signup> signups = query.rows(
        "select distinct_id, timestamp from events where event = {e} order by timestamp, uuid",
        Map.of("e", "signed_up"), Signup.class)) {
      signups.forEach(s -> System.out.println(s.distinctId()));
    }
    try (Stream<Row> rows = query.rows("select uuid, event from events order by timestamp, uuid")) {
      rows.limit(10).forEach(r -> System.out.println(r.get("event").asText()));
    }
    System.out.println(counts.size() + weekly.size());
  }

  static void toolkit(PostHogClient client) {
    ToolResult r = client.toolkit().execute("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS",
        Map.of("project_id", "42", "limit", 10));
    if (r.successful()) {
      JsonNode data = r.data();
    } else {
      System.err.println(r.error().message());
    }
    if (!r.successful()) {
      throw new IllegalStateException(r.toJsonString());
    }
  }

  static ToolResult toolSets(PostHogClient client, String toolName, Map<String, Object> arguments) {
    ToolSet flags = client.toolkit().select(ToolSelection.builder()
        .areas("feature_flags", "insights")
        .readOnly(true)
        .build());
    ArrayNode tools = flags.toolDefinitions(ToolFormat.OPENAI);   // or ToolFormat.ANTHROPIC
    ToolResult r = flags.call(toolName, arguments);                // a tool call from the model
    ArrayNode two = flags.compactToolDefinitions(ToolFormat.ANTHROPIC);
    if (tools.size() < 2 || two.size() != 2) {
      throw new IllegalStateException(tools.size() + " tools, compact " + two.size());
    }
    return r;
  }

  /** Rate limits (compiled, not run: the clients would reach the real PostHog). */
  static void rateLimits() {
    PostHogClient shared = PostHogClient.builder().apiKey(System.getenv("POSTHOG_PERSONAL_API_KEY"))
        .rateLimits(RateLimits.posthogDefaults().with(LimitClass.CRUD, 240, 2_400)) // half, two processes
        .build();
    PostHogClient unpaced = PostHogClient.builder().apiKey(System.getenv("POSTHOG_PERSONAL_API_KEY"))
        .rateLimits(RateLimits.off())                                               // 429s and retries only
        .build();
    shared.close();
    unpaced.close();
  }
}
