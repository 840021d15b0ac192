package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hedgekit.posthog.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The actions a {@link ToolSelection} chose, ready to hand to an agent: as one tool per action
 * ({@link #definitions()}, {@link #toolDefinitions(ToolFormat)}) or, for agents with little
 * context, as two tools that describe and run any of them ({@link #compactDefinitions()}).
 * Calls through a tool set are limited to its actions: {@link #execute(String, Map)} refuses
 * any other slug, so a read-only set cannot be used to write. Obtained from
 * {@link Toolkit#select(ToolSelection)}; immutable and thread-safe.
 *
 * <pre>{@code
 * ToolSet flags = client.toolkit().select(ToolSelection.builder().areas("feature_flags").build());
 * ArrayNode openAi = flags.toolDefinitions(ToolFormat.OPENAI);     // 19 tools
 * ToolResult r = flags.call(name, arguments);                      // a tool call from the model
 * }</pre>
 *
 * <h2>Compact mode</h2>
 * {@value #DESCRIBE_TOOL} takes {@code search} (words, answered with up to
 * {@value #SEARCH_RESULTS} matching slugs and summaries) or {@code slug} (answered with the
 * action's description and the JSON Schema of its parameters), or nothing (answered with the
 * areas and how many actions each has). {@value #EXECUTE_TOOL} takes {@code slug} and
 * {@code params} (an object) and runs the action. Both answer the usual envelope
 * {@code {"data", "successful", "error"}}.
 */
public final class ToolSet {

  /** Name of the compact tool that finds and describes actions. */
  public static final String DESCRIBE_TOOL = "posthog_describe_action";
  /** Name of the compact tool that runs an action. */
  public static final String EXECUTE_TOOL = "posthog_execute_action";
  /** OpenAI's limit on the tools of one request. */
  public static final int OPENAI_TOOL_LIMIT = 128;
  /** How many matches a compact search answers at most. */
  public static final int SEARCH_RESULTS = 20;
  /** Up to this many actions, the compact tools list the slugs as an {@code enum}. */
  static final int ENUM_SLUGS_UP_TO = 50;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Toolkit toolkit;
  private final ToolSelection selection;
  /** Chosen actions by slug, sorted. */
  private final Map<String, Catalog.Entry> chosen;
  private final String defaultProject;
  private final String defaultOrganization;
  private volatile List<ToolDefinition> definitions;
  private volatile List<ToolDefinition> compact;

  ToolSet(Toolkit toolkit, ToolSelection selection, Map<String, Catalog.Entry> chosen,
      String defaultProject, String defaultOrganization) {
    this.toolkit = toolkit;
    this.selection = selection;
    this.chosen = Collections.unmodifiableMap(new TreeMap<>(chosen));
    this.defaultProject = defaultProject;
    this.defaultOrganization = defaultOrganization;
  }

  /**
   * The provider's limit on tools per request, when it has one this library knows of.
   *
   * @param format the provider format
   * @return {@value #OPENAI_TOOL_LIMIT} for OpenAI; empty for Anthropic, which documents none
   */
  public static OptionalInt providerLimit(ToolFormat format) {
    return Objects.requireNonNull(format, "format") == ToolFormat.OPENAI
        ? OptionalInt.of(OPENAI_TOOL_LIMIT) : OptionalInt.empty();
  }

  /** @return the selection this set was made from */
  public ToolSelection selection() {
    return selection;
  }

  /** @return how many actions the set holds */
  public int size() {
    return chosen.size();
  }

  /** @return the slugs, sorted */
  public Set<String> slugs() {
    return chosen.keySet();
  }

  /**
   * @param slug a slug
   * @return whether the set holds this action
   */
  public boolean contains(String slug) {
    return slug != null && chosen.containsKey(slug);
  }

  /**
   * The actions, sorted by slug.
   *
   * @return descriptors, as {@link Toolkit#describe(String)} gives them
   */
  public List<ToolDescriptor> list() {
    List<ToolDescriptor> out = new ArrayList<>();
    for (String slug : chosen.keySet()) {
      out.add(toolkit.describe(slug));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * One tool per action, sorted by slug: the slug as name, the shortened description
   * (deprecated and removed operations say so first and name their replacement) and the input
   * schema without read-only fields. No provider limit is applied.
   *
   * @return the definitions
   */
  public List<ToolDefinition> definitions() {
    List<ToolDefinition> d = definitions;
    if (d == null) {
      List<ToolDefinition> out = new ArrayList<>();
      for (String slug : chosen.keySet()) {
        ToolSpec a = spec(slug);
        out.add(ToolDefinition.of(a, ToolExport.description(a),
            ToolExport.inputSchema(a, defaultProject, defaultOrganization)));
      }
      d = Collections.unmodifiableList(out);
      definitions = d;
    }
    return d;
  }

  /**
   * The two compact tools, {@value #DESCRIBE_TOOL} and {@value #EXECUTE_TOOL}, whatever the
   * size of the set. When the set holds at most {@value #ENUM_SLUGS_UP_TO} actions their
   * slugs are listed as an {@code enum}.
   *
   * @return the two definitions
   */
  public List<ToolDefinition> compactDefinitions() {
    List<ToolDefinition> c = compact;
    if (c == null) {
      c = List.of(describeTool(), executeTool());
      compact = c;
    }
    return c;
  }

  /**
   * The set as tool definitions for a provider, checked against the provider's limit.
   *
   * @param format OpenAI or Anthropic
   * @return a new JSON array, one tool per action
   * @throws ToolLimitExceededException if the set is larger than the provider accepts
   */
  public ArrayNode toolDefinitions(ToolFormat format) {
    return toolDefinitions(format, true);
  }

  /**
   * The set as tool definitions for a provider.
   *
   * @param format OpenAI or Anthropic
   * @param enforceProviderLimit whether to refuse a set larger than the provider accepts
   * @return a new JSON array, one tool per action
   * @throws ToolLimitExceededException if the limit is enforced and exceeded
   */
  public ArrayNode toolDefinitions(ToolFormat format, boolean enforceProviderLimit) {
    OptionalInt limit = providerLimit(format);
    if (enforceProviderLimit && limit.isPresent() && size() > limit.getAsInt()) {
      throw new ToolLimitExceededException(format, size(), limit.getAsInt(),
          selection.describe());
    }
    return render(definitions(), format);
  }

  /**
   * The two compact tools for a provider.
   *
   * @param format OpenAI or Anthropic
   * @return a new JSON array of two tools
   */
  public ArrayNode compactToolDefinitions(ToolFormat format) {
    return render(compactDefinitions(), Objects.requireNonNull(format, "format"));
  }

  /**
   * Renders definitions in a provider's shape: OpenAI
   * {@code {"type":"function","function":{"name","description","parameters"}}}, Anthropic
   * {@code {"name","description","input_schema"}}.
   *
   * @param tools the definitions
   * @param format the provider format
   * @return a new JSON array
   */
  public static ArrayNode render(List<ToolDefinition> tools, ToolFormat format) {
    Objects.requireNonNull(format, "format");
    ArrayNode out = F.arrayNode();
    for (ToolDefinition t : tools) {
      ObjectNode tool = out.addObject();
      if (format == ToolFormat.OPENAI) {
        tool.put("type", "function");
        ObjectNode fn = tool.putObject("function");
        fn.put("name", t.name());
        fn.put("description", t.description());
        fn.set("parameters", t.inputSchema());
      } else {
        tool.put("name", t.name());
        tool.put("description", t.description());
        tool.set("input_schema", t.inputSchema());
      }
    }
    return out;
  }

  /**
   * Runs an action of the set, as {@link Toolkit#execute(String, Map)} does.
   *
   * @param slug the action
   * @param params its parameters; null means none
   * @return the outcome; a failed result (rule {@link ValidationRule#UNKNOWN_ACTION}) for a
   *     slug outside the set, with nothing sent
   */
  public ToolResult execute(String slug, Map<String, ?> params) {
    ToolResult refused = refuseOutside(slug);
    return refused != null ? refused : toolkit.execute(slug, params);
  }

  /**
   * Answers a tool call made with this set's tools, compact or not: {@value #DESCRIBE_TOOL}
   * and {@value #EXECUTE_TOOL} as described above, any other name as an action slug.
   *
   * @param tool the tool name the model called
   * @param arguments the call's arguments (a JSON object as a map); null means none
   * @return the outcome, never thrown
   */
  public ToolResult call(String tool, Map<String, ?> arguments) {
    try {
      Map<String, ?> args = arguments == null ? Map.of() : arguments;
      if (DESCRIBE_TOOL.equals(tool)) {
        return describeCall(args);
      }
      if (EXECUTE_TOOL.equals(tool)) {
        return executeCall(args);
      }
      return execute(tool, args);
    } catch (RuntimeException e) {
      return ToolResult.failure(tool, ToolError.of(tool, e));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // compact tools

  private ToolDefinition describeTool() {
    ObjectNode schema = F.objectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ObjectNode slug = props.putObject("slug");
    slug.put("type", "string");
    slug.put("description", "An action slug: answers what the action does and the JSON Schema"
        + " of its parameters.");
    addSlugEnum(slug);
    ObjectNode search = props.putObject("search");
    search.put("type", "string");
    search.put("description", "Words to look for in slugs, areas and summaries, e.g. 'list"
        + " feature flags': answers up to " + SEARCH_RESULTS + " matching slugs.");
    schema.put("additionalProperties", false);
    String text = "Finds and describes the PostHog actions available here (" + size()
        + " actions; areas: " + String.join(", ", areas().keySet()) + "). Give 'search' to"
        + " find slugs by words, or 'slug' to get one action's parameters; call it before "
        + EXECUTE_TOOL + ".";
    return new ToolDefinition(DESCRIBE_TOOL, text, schema, true, false, true);
  }

  private ToolDefinition executeTool() {
    ObjectNode schema = F.objectNode();
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    ObjectNode slug = props.putObject("slug");
    slug.put("type", "string");
    slug.put("description", "The action to run, as " + DESCRIBE_TOOL + " names it.");
    addSlugEnum(slug);
    ObjectNode params = props.putObject("params");
    params.put("type", "object");
    params.put("description", "The action's parameters by name, as " + DESCRIBE_TOOL
        + " lists them.");
    schema.putArray("required").add("slug");
    schema.put("additionalProperties", false);
    boolean allRead = chosen.values().stream().allMatch(Catalog.Entry::readOnly);
    boolean anyDelete = chosen.values().stream().anyMatch(e -> "DELETE".equals(e.method));
    String text = "Runs a PostHog action by slug with its parameters (look them up with "
        + DESCRIBE_TOOL + " first). Answers {data, successful, error}; when successful is"
        + " false, error says why.";
    return new ToolDefinition(EXECUTE_TOOL, text, schema, allRead, anyDelete, allRead);
  }

  private void addSlugEnum(ObjectNode property) {
    if (size() <= ENUM_SLUGS_UP_TO) {
      ArrayNode values = property.putArray("enum");
      chosen.keySet().forEach(values::add);
    }
  }

  private ToolResult describeCall(Map<String, ?> args) {
    List<ValidationProblem> problems = new ArrayList<>();
    String slug = text(args, "slug", DESCRIBE_TOOL, problems);
    String search = text(args, "search", DESCRIBE_TOOL, problems);
    unknownArguments(args, Set.of("slug", "search"), DESCRIBE_TOOL, problems);
    if (!problems.isEmpty()) {
      return ToolResult.failure(DESCRIBE_TOOL, ToolError.validation(problems));
    }
    if (slug != null) {
      ToolResult refused = refuseOutside(slug);
      if (refused != null) {
        return refused;
      }
      return ToolResult.local(slug, describe(slug));
    }
    if (search != null) {
      return ToolResult.local(DESCRIBE_TOOL, search(search));
    }
    ObjectNode data = F.objectNode();
    data.put("actions", size());
    ObjectNode areas = data.putObject("areas");
    areas().forEach(areas::put);
    data.put("hint", "Call again with 'search' (words) or 'slug'.");
    return ToolResult.local(DESCRIBE_TOOL, data);
  }

  private ToolResult executeCall(Map<String, ?> args) {
    List<ValidationProblem> problems = new ArrayList<>();
    String slug = text(args, "slug", EXECUTE_TOOL, problems);
    if (slug == null && problems.isEmpty()) {
      problems.add(new ValidationProblem("slug", ValidationRule.REQUIRED,
          "parameter 'slug' of " + EXECUTE_TOOL + ": required"));
    }
    Object params = args.get("params");
    Map<String, Object> rest = new LinkedHashMap<>(args);
    rest.remove("slug");
    rest.remove("params");
    Map<String, Object> actionParams = null;
    if (params == null) {
      // Models often put the parameters beside the slug: there is only one way to read that.
      actionParams = rest;
    } else {
      actionParams = asObject(params);
      if (actionParams == null) {
        problems.add(new ValidationProblem("params", ValidationRule.TYPE, "parameter 'params'"
            + " of " + EXECUTE_TOOL + ": expected object, got " + Coercion.describe(json(params))));
      }
      unknownArguments(args, Set.of("slug", "params"), EXECUTE_TOOL, problems);
    }
    if (!problems.isEmpty()) {
      return ToolResult.failure(slug != null ? slug : EXECUTE_TOOL, ToolError.validation(problems));
    }
    return execute(slug, actionParams);
  }

  private ObjectNode describe(String slug) {
    ToolSpec a = spec(slug);
    Catalog.Entry e = chosen.get(slug);
    ObjectNode o = F.objectNode();
    o.put("slug", slug);
    o.put("area", e.area);
    o.put("method", e.method);
    o.put("path", e.path);
    o.put("description", ToolExport.description(a));
    o.put("readOnly", e.readOnly());
    if (e.deprecated) {
      o.put("deprecated", true);
    }
    if (e.replacement != null) {
      o.put("replacement", e.replacement);
    }
    o.set("parameters", ToolExport.inputSchema(a, defaultProject, defaultOrganization));
    return o;
  }

  /** Up to {@value #SEARCH_RESULTS} actions whose slug, area or summary contain the words. */
  private ObjectNode search(String query) {
    List<String> words = new ArrayList<>();
    for (String w : query.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.isEmpty()) {
        continue;
      }
      // "flags" should find "flag": compare stems of longer words.
      words.add(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
    }
    List<Map.Entry<Integer, Catalog.Entry>> scored = new ArrayList<>();
    for (Catalog.Entry e : chosen.values()) {
      String hay = (e.slug.replace('_', ' ') + " " + e.area.replace('_', ' ') + " "
          + e.summary).toLowerCase(Locale.ROOT);
      int score = 0;
      for (String w : words) {
        if (hay.contains(w)) {
          score++;
        }
      }
      if (score > 0) {
        scored.add(Map.entry(score, e));
      }
    }
    // Most words found first; among equals, the shortest slug (the most general action).
    scored.sort(Comparator.comparingInt((Map.Entry<Integer, Catalog.Entry> x) -> -x.getKey())
        .thenComparingInt(x -> x.getValue().slug.length())
        .thenComparing(x -> x.getValue().slug));
    ObjectNode o = F.objectNode();
    o.put("query", query);
    o.put("found", scored.size());
    ArrayNode matches = o.putArray("matches");
    for (int i = 0; i < scored.size() && i < SEARCH_RESULTS; i++) {
      Catalog.Entry e = scored.get(i).getValue();
      ObjectNode m = matches.addObject();
      m.put("slug", e.slug);
      m.put("summary", e.summary + (e.deprecated ? " (deprecated)" : ""));
    }
    return o;
  }

  /** @return how many actions each area has, sorted by area */
  private Map<String, Integer> areas() {
    Map<String, Integer> counts = new TreeMap<>();
    chosen.values().forEach(e -> counts.merge(e.area, 1, Integer::sum));
    return counts;
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private ToolSpec spec(String slug) {
    ToolSpec a = Catalog.get().find(slug);
    if (a == null) {
      throw new IllegalStateException("action " + slug + " vanished from the catalogue");
    }
    return a;
  }

  /** A failed result when the slug is not in the set; null when it is. */
  private ToolResult refuseOutside(String slug) {
    if (contains(slug)) {
      return null;
    }
    StringBuilder sb = new StringBuilder("action ");
    sb.append(slug == null ? "null" : "'" + slug + "'");
    Catalog.Entry known = Catalog.get().entry(slug);
    if (known != null) {
      sb.append(": not in this tool set");
      String why = known.retired() && !selection.includeRetired() ? "PostHog has removed it"
          : !known.readOnly() && selection.readOnly() ? "the set is read-only" : "";
      sb.append(why.isEmpty() ? "" : " (" + why + ")");
    } else {
      sb.append(": unknown");
    }
    if (slug != null) {
      List<String> close = Suggest.closestByWords(slug, chosen.keySet(), 3);
      close.remove(slug);
      for (int i = 0; i < close.size(); i++) {
        sb.append(i == 0 ? "; did you mean " : ", ").append('\'').append(close.get(i))
            .append('\'');
      }
      if (!close.isEmpty()) {
        sb.append('?');
      }
    }
    return ToolResult.failure(slug, ToolError.validation(List.of(
        new ValidationProblem(null, ValidationRule.UNKNOWN_ACTION, sb.toString()))));
  }

  private static String text(Map<String, ?> args, String name, String tool,
      List<ValidationProblem> problems) {
    Object v = args.get(name);
    if (v == null) {
      return null;
    }
    JsonNode n = json(v);
    if (n.isTextual() && !n.asText().isBlank()) {
      return n.asText().strip();
    }
    problems.add(new ValidationProblem(name, ValidationRule.TYPE, "parameter '" + name + "' of "
        + tool + ": expected a non-empty string, got " + Coercion.describe(n)));
    return null;
  }

  private static void unknownArguments(Map<String, ?> args, Set<String> known, String tool,
      List<ValidationProblem> problems) {
    Set<String> extra = new LinkedHashSet<>(args.keySet());
    extra.removeAll(known);
    for (String name : extra) {
      problems.add(new ValidationProblem(name, ValidationRule.UNKNOWN_PARAMETER, "parameter '"
          + name + "' of " + tool + ": unknown; accepted: " + String.join(", ", known)));
    }
  }

  private static Map<String, Object> asObject(Object value) {
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    JsonNode n = json(value);
    if (!n.isObject()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    n.properties().iterator().forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
    return out;
  }

  private static JsonNode json(Object value) {
    return value instanceof JsonNode ? (JsonNode) value : Json.mapper().valueToTree(value);
  }

  @Override
  public String toString() {
    return "ToolSet{" + size() + " actions, " + selection + "}";
  }
}
