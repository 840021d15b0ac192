package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.internal.config.SdkInfo;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canned data of the benchmarks: a ~1 KB feature flag, a page of 100 of them (~100 KB),
 * a ~2 KB flag to create, the paths they live at, and the plain Jackson mapper the floors use.
 */
public final class Fixtures {

  /** The project every call names. */
  public static final String PROJECT = "1";
  /** The flag the small GET reads. */
  public static final long FLAG_ID = 7L;
  /** A syntactically valid key; the loopback server does not check it. */
  public static final String API_KEY = "phx_benchmark0000000000000000000000000000000000";

  public static final String FLAG_PATH = "/api/projects/" + PROJECT + "/feature_flags/" + FLAG_ID + "/";
  public static final String LIST_PATH = "/api/projects/" + PROJECT + "/feature_flags/";

  public static final String SLUG_GET = "POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS";
  public static final String SLUG_LIST = "POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS";
  public static final String SLUG_CREATE = "POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT";

  /**
   * What a competent caller of an HTTP client would configure Jackson with to read these
   * models: java.time support, unknown fields ignored, nulls not written. The SDK's own mapper
   * adds a lenient text deserializer on top; the floors do not have it.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();
  public static final ObjectReader FLAG_READER = MAPPER.readerFor(FeatureFlag.class);
  public static final ObjectReader LIST_READER = MAPPER.readerFor(PaginatedFeatureFlagList.class);
  public static final ObjectWriter FLAG_WRITER = MAPPER.writerFor(FeatureFlag.class);

  /** The headers every call sends, as the SDK sends them. */
  public static final String AUTHORIZATION = "Bearer " + API_KEY;
  public static final String ACCEPT = "application/json";
  public static final String USER_AGENT = SdkInfo.userAgent();

  public static final byte[] FLAG_JSON = bytes(flag(FLAG_ID));
  public static final byte[] LIST_JSON = bytes(list(100));
  /** The flag POSTed by the create benchmarks (~2 KB as JSON). */
  public static final FeatureFlag NEW_FLAG = newFlag();
  public static final byte[] NEW_FLAG_JSON = bytes(MAPPER.valueToTree(NEW_FLAG));

  private Fixtures() {
  }

  /** @return a server answering the flag, the list and the create */
  public static LoopbackServer server() throws IOException {
    return new LoopbackServer()
        .route("GET", FLAG_PATH, 200, "OK", FLAG_JSON)
        .route("GET", LIST_PATH, 200, "OK", LIST_JSON)
        .route("POST", LIST_PATH, 201, "Created", FLAG_JSON)
        .start();
  }

  /** @return the SDK client pointed at the server, as an application would build it */
  public static PostHogClient client(String baseUrl) {
    return PostHogClient.builder().apiKey(API_KEY).baseUrl(baseUrl).projectId(PROJECT)
        .rateLimits(RateLimits.off()).build();
  }

  /** @return parameters of the retrieve action */
  public static Map<String, Object> getParams() {
    return Map.of("project_id", PROJECT, "id", FLAG_ID);
  }

  /** @return parameters of the list action (all defaults) */
  public static Map<String, Object> listParams() {
    return Map.of("project_id", PROJECT);
  }

  /** @return parameters of the create action: the project and the new flag's fields */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> createParams() {
    Map<String, Object> p = new LinkedHashMap<>(MAPPER.convertValue(NEW_FLAG, Map.class));
    p.put("project_id", PROJECT);
    return p;
  }

  static ObjectNode user(int id) {
    ObjectNode u = JsonNodeFactory.instance.objectNode();
    u.put("id", id);
    u.put("uuid", "01890c5e-7a4b-0000-b2d4-5e1f0c0a" + String.format("%04d", id));
    u.put("distinct_id", "dXNlci0" + id);
    u.put("first_name", "Ada");
    u.put("last_name", "Lovelace");
    u.put("email", "ada" + id + "@example.com");
    u.put("is_email_verified", true);
    u.putNull("hedgehog_config");
    u.put("role_at_organization", "engineering");
    return u;
  }

  /** @return a flag as PostHog answers it, about 1 KB of JSON */
  static ObjectNode flag(long id) {
    ObjectNode f = JsonNodeFactory.instance.objectNode();
    f.put("id", id);
    f.put("name", "Onboarding flow " + id);
    f.put("key", "new-onboarding-flow-" + id);
    ObjectNode filters = f.putObject("filters");
    ArrayNode groups = filters.putArray("groups");
    ObjectNode g = groups.addObject();
    ArrayNode props = g.putArray("properties");
    ObjectNode p = props.addObject();
    p.put("key", "email");
    p.put("type", "person");
    p.put("value", "@example.com");
    p.put("operator", "icontains");
    g.put("rollout_percentage", 50);
    g.putNull("variant");
    filters.putObject("payloads");
    filters.putNull("multivariate");
    f.put("deleted", false);
    f.put("active", true);
    f.set("created_by", user(1));
    f.put("created_at", "2025-11-02T09:14:27.512345Z");
    f.put("updated_at", "2026-01-15T16:40:03.100200Z");
    f.put("version", 3);
    f.putNull("last_modified_by");
    f.put("is_simple_flag", false);
    f.put("rollout_percentage", 50);
    f.put("ensure_experience_continuity", false);
    f.putArray("experiment_set");
    f.putArray("experiment_set_metadata");
    f.putArray("surveys");
    f.putArray("features");
    f.putNull("rollback_conditions");
    f.putNull("performed_rollback");
    f.put("can_edit", true);
    f.putArray("tags").add("onboarding").add("growth");
    f.putArray("evaluation_contexts");
    f.put("usage_dashboard", 1200 + id);
    f.putArray("analytics_dashboards");
    f.put("has_enriched_analytics", false);
    f.put("user_access_level", "editor");
    f.put("creation_context", "feature_flags");
    f.put("is_remote_configuration", false);
    f.put("has_encrypted_payloads", false);
    f.put("status", "ACTIVE");
    f.put("evaluation_runtime", "all");
    f.put("last_called_at", "2026-01-20T08:00:00Z");
    f.put("archived", false);
    return f;
  }

  static ObjectNode list(int n) {
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    page.put("count", n);
    page.putNull("next");
    page.putNull("previous");
    ArrayNode results = page.putArray("results");
    for (int i = 0; i < n; i++) {
      results.add(flag(1000 + i));
    }
    return page;
  }

  private static FeatureFlag newFlag() {
    Map<String, Object> filters = new LinkedHashMap<>();
    List<Object> groups = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("properties", List.of(
          Map.of("key", "email", "type", "person", "value", "@customer" + i + ".example.com",
              "operator", "icontains"),
          Map.of("key", "$initial_browser", "type", "person",
              "value", List.of("Chrome", "Firefox", "Safari"), "operator", "exact"),
          Map.of("key", "plan", "type", "group", "group_type_index", 0,
              "value", "enterprise", "operator", "exact")));
      group.put("rollout_percentage", 10 * (i + 1));
      group.put("variant", null);
      groups.add(group);
    }
    filters.put("groups", groups);
    filters.put("payloads", Map.of());
    filters.put("multivariate", null);
    return new FeatureFlag()
        .key("checkout-redesign-2026")
        .name("Checkout redesign, staged rollout to enterprise customers first")
        .filters(MAPPER.valueToTree(filters))
        .active(true)
        .ensureExperienceContinuity(false)
        .tags(List.of(JsonNodeFactory.instance.textNode("checkout"),
            JsonNodeFactory.instance.textNode("growth"), JsonNodeFactory.instance.textNode("q1")));
  }

  private static byte[] bytes(Object tree) {
    try {
      return MAPPER.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
