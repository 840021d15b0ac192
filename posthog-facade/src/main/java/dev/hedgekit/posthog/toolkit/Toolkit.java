package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.internal.config.ClientConfig;
import dev.hedgekit.posthog.internal.http.Failures;
import feign.TypedResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Runs PostHog API calls by action slug with a map of parameters, the way tool-calling agents
 * do, and lists, describes and exports the actions as OpenAI or Anthropic tool definitions.
 *
 * <pre>{@code
 * ToolResult r = client.toolkit().execute("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS",
 *     Map.of("project_id", "1", "limit", 5));
 * if (r.successful()) {
 *   JsonNode page = r.data();
 * } else {
 *   System.err.println(r.error().message());   // or r.toJson(): {"data", "successful", "error"}
 * }
 * }</pre>
 *
 * <h2>Where actions come from</h2>
 * The catalogue is read once per JVM, on first use, from the curated spec on the classpath:
 * every operation with {@code x-composio-slugs} is an action per slug, with the operation's
 * path and query parameters and the top-level fields of its JSON request body as parameters.
 * A call goes through the generated {@code RawOperations} area interface (method found by its
 * {@code @Operation}, arguments ordered by their {@code @Wire} annotations), so it gets the
 * client's authentication, retries, rate limiting, timeouts and percent-encoding; no URL is
 * built here.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>Names are those of the spec, which are the toolkit's: {@code project_id},
 *       {@code organization_id}, {@code short_id}, {@code parent__membership__user__uuid}, ...
 *       A name that is both a path parameter and a (read-only) body field means the path
 *       parameter.
 *   <li>A flattened nested body field {@code outer__inner__name} (not itself a parameter) is
 *       set as {@code {"outer": {"inner_name": value}}} when {@code outer} is an object field
 *       whose schema has {@code inner_name}; deeper levels work the same way. It is merged
 *       into an {@code outer} object given as a whole.
 *   <li>Aliases declared with {@code x-hedgekit-aliases} are accepted (for example
 *       {@code unset} for {@code $unset}); giving both is an error.
 *   <li>When {@code project_id} or {@code organization_id} is missing and the client was built
 *       with {@code projectId(..)} / {@code organizationId(..)}, that value is used.
 *   <li>When an optional query parameter or body field with a default in the spec is missing,
 *       the default is sent (for example {@code send_email: true}); partial updates
 *       ({@code PATCH}) get no body defaults, as they change only what is given.
 *   <li>Read-only body fields (ids, timestamps the toolkit lists as inputs) are never required.
 *       When given, they are checked like any field and sent as given; PostHog ignores them.
 *   <li>Values may be anything Jackson writes as JSON: strings, numbers, booleans, maps, lists,
 *       {@link JsonNode}s, UUIDs, {@code java.time} values (as ISO 8601 text).
 *   <li>An array query parameter of scalars is sent as repeated {@code name=value} pairs (an
 *       empty array sends nothing); an object, or an array of objects (property filters), is
 *       sent as one JSON-encoded value. A JSON null for a nullable query parameter sends
 *       nothing.
 * </ul>
 *
 * <h2>Coercion</h2>
 * Before checking a value against its spec type, it is converted where only one reading is
 * possible: a string of digits ({@code "42"}) to an integer, an integral number ({@code 3.0})
 * to an integer, a number to a string ({@code 42} to {@code "42"}), a numeric string to a
 * number, {@code "true"}/{@code "false"} (any case) to a boolean, and a string holding JSON
 * to an object or array field when it parses as that type. Array items are converted the same
 * way. Nothing else is converted: {@code 3.5} for an integer or {@code true} for a string is
 * an error.
 *
 * <h2>Validation</h2>
 * Nothing is sent unless every parameter passes; all problems of a call are reported together,
 * joined with {@code "; "} in {@link ToolError#message()} and listed in
 * {@link ToolError#problems()}. Each problem has exactly one of these shapes:
 * <pre>
 * action 'POSTHOG_FOO': unknown; did you mean 'POSTHOG_A', 'POSTHOG_B', 'POSTHOG_C'?
 * parameter 'project_id' of POSTHOG_X: required (path parameter)        [or query parameter, body field]
 * parameter 'id' of POSTHOG_X: must not be empty (path parameter)
 * parameter 'serch' of POSTHOG_X: unknown; did you mean 'search'?       [or: unknown; accepted: a, b, ...]
 * parameter 'user__x' of POSTHOG_X: cannot be set inside 'user', which was given as string "u"
 * parameter 'unset' of POSTHOG_X: given twice (also as '$unset')
 * parameter 'name' of POSTHOG_X: null is not allowed
 * parameter 'limit' of POSTHOG_X: expected integer, got string "abc"
 * parameter 'id' of POSTHOG_X: expected format uuid, got string "42"    [uuid, date-time, email, uri]
 * parameter 'format' of POSTHOG_X: expected one of "csv", "json", got string "xml"
 * parameter 'group_type_index' of POSTHOG_X: expected at most 4, got integer 7    [or at least]
 * parameter 'select[1]' of POSTHOG_X: expected string, got object        [array items]
 * parameter 'short_id' of POSTHOG_X: too long for a URL: 9000 characters, 9000 once
 *     percent-encoded; path and query values are limited to 8192 (send large values in a
 *     request body) (path parameter)                                      [or query parameter]
 * </pre>
 * Values are shown as {@code string "..."} (JSON-quoted, cut at 60 characters),
 * {@code integer 42}, {@code number 3.5}, {@code boolean true}, {@code object}, {@code array}
 * or {@code null}. When no name is close, the writable names are listed (at most 15).
 * Slugs are suggested by edit distance over their words (up to three,
 * closest first; a misspelt word counts as a fraction of an edit, so both typos and missing
 * or extra words are found); a parameter name is suggested when it is within a third of its
 * length in character edits. Date-times
 * must be ISO 8601 with an offset ({@code 2024-01-31T09:00:00Z}). The first problem's rule
 * and parameter are also {@link ToolError#rule()} and {@link ToolError#parameter()}.
 *
 * <h2>Results</h2>
 * {@code execute} does not throw for validation, API, network, timeout, decode or cancellation
 * failures, nor for a closed client: each is a failed {@link ToolResult} with an
 * {@link ToolError.Kind}. The answer body is decoded as JSON into {@link ToolResult#data()}
 * (null for 204 or an empty body).
 *
 * <p>Thread-safe; obtain it from {@code PostHogClient.toolkit()}.
 */
public final class Toolkit {

  private static final int SUGGESTED_SLUGS = 3;

  private final ClientContext context;
  private volatile List<ToolDescriptor> descriptors;

  /**
   * Creates the toolkit of a client or view; use {@code PostHogClient.toolkit()}, which makes
   * one per client or view.
   *
   * @param context the client or view whose options and defaults are used
   */
  public Toolkit(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * Runs an action with the client's options (or the view's, for a client made by
   * {@code withOptions}).
   *
   * @param slug the action, e.g. {@code POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS}
   * @param params parameters by name; null means none
   * @return the outcome; never null, never thrown
   */
  public ToolResult execute(String slug, Map<String, ?> params) {
    return execute(slug, params, RequestOptions.none());
  }

  /**
   * Runs an action with per-call options (timeouts, retries, headers).
   *
   * @param slug the action
   * @param params parameters by name; null means none
   * @param options options for this call, on top of the client's; null means none
   * @return the outcome; never null, never thrown
   */
  public ToolResult execute(String slug, Map<String, ?> params, RequestOptions options) {
    Prepared p = prepare(slug, params);
    if (p.failure != null) {
      return p.failure;
    }
    try {
      return perform(p, view(options));
    } catch (RuntimeException e) {
      return failure(slug, e);
    }
  }

  /**
   * Runs an action on the client's async executor. Validation happens at once: a refused call
   * gives an already completed future. Cancelling the future aborts the request in flight.
   *
   * @param slug the action
   * @param params parameters by name; null means none
   * @return the future outcome; it never completes exceptionally except by cancellation
   */
  public CompletableFuture<ToolResult> executeAsync(String slug, Map<String, ?> params) {
    return executeAsync(slug, params, RequestOptions.none());
  }

  /**
   * Like {@link #executeAsync(String, Map)} with per-call options.
   *
   * @param slug the action
   * @param params parameters by name; null means none
   * @param options options for this call; null means none
   * @return the future outcome
   */
  public CompletableFuture<ToolResult> executeAsync(String slug, Map<String, ?> params,
      RequestOptions options) {
    Prepared p = prepare(slug, params);
    if (p.failure != null) {
      return CompletableFuture.completedFuture(p.failure);
    }
    try {
      ClientContext view = view(options);
      return view.async(() -> {
        try {
          return perform(p, view);
        } catch (RuntimeException e) {
          return failure(slug, e);
        }
      });
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure(slug, e));
    }
  }

  /**
   * Checks a call without sending it.
   *
   * @param slug the action
   * @param params parameters by name; null means none
   * @return every problem, in the shapes listed above; empty when the call would be sent
   * @throws IllegalStateException if the spec is missing from the classpath
   */
  public List<ValidationProblem> validate(String slug, Map<String, ?> params) {
    Catalog.get();
    Prepared p = prepare(slug, params);
    return p.failure == null ? List.of() : p.failure.error().problems();
  }

  /**
   * Every action, sorted by slug.
   *
   * @return the descriptors (an unmodifiable list)
   */
  public List<ToolDescriptor> list() {
    List<ToolDescriptor> d = descriptors;
    if (d == null) {
      List<ToolDescriptor> all = new ArrayList<>();
      for (ToolSpec a : Catalog.get().actions().values()) {
        all.add(descriptor(a));
      }
      d = Collections.unmodifiableList(all);
      descriptors = d;
    }
    return d;
  }

  /**
   * One action.
   *
   * @param slug the slug
   * @return the action, or empty if no action has this slug
   */
  public Optional<ToolDescriptor> find(String slug) {
    ToolSpec a = Catalog.get().find(slug);
    return a == null ? Optional.empty() : Optional.of(descriptor(a));
  }

  /**
   * One action.
   *
   * @param slug the slug
   * @return the action
   * @throws IllegalArgumentException if no action has this slug (the message suggests close
   *     slugs, in the unknown-action shape above)
   */
  public ToolDescriptor describe(String slug) {
    return find(slug).orElseThrow(() -> new IllegalArgumentException(unknownAction(slug)));
  }

  /**
   * Every action as a tool definition, sorted by slug, retired ones included and no provider
   * limit applied: the whole catalogue, for inspection or providers without a limit. Names
   * are the slugs (which match {@code ^[a-zA-Z0-9_-]{1,64}$}), descriptions are the summary
   * and description from the spec (after a deprecation note), and the schema is
   * {@link ToolDescriptor#parametersSchema()} without the read-only body fields. To hand tools
   * to a model, prefer {@link #toolDefinitions(ToolFormat, ToolSelection)}: it leaves out
   * retired operations, shortens descriptions and checks the provider's limit.
   *
   * @param format OpenAI ({@code [{"type":"function","function":{"name","description",
   *     "parameters"}}]}) or Anthropic ({@code [{"name","description","input_schema"}]})
   * @return a new JSON array
   */
  public ArrayNode toolDefinitions(ToolFormat format) {
    Objects.requireNonNull(format, "format");
    ClientConfig c = context.config();
    List<ToolDefinition> tools = new ArrayList<>();
    for (ToolSpec a : Catalog.get().actions().values()) {
      tools.add(ToolDefinition.of(a, SchemaExport.description(a),
          SchemaExport.parameters(a, false, c.projectId(), c.organizationId())));
    }
    return ToolSet.render(tools, format);
  }

  /**
   * The actions a selection chooses, as a {@link ToolSet} to export as tools (one per action,
   * or the two compact tools) and to run calls with, limited to those actions.
   *
   * @param selection which actions; {@link ToolSelection#served()} for every action PostHog
   *     still serves
   * @return the tool set
   * @throws IllegalArgumentException if the selection names an area or slug that does not
   *     exist, has a pattern that matches no action, names a slug that its own filters leave
   *     out (a retired or writing action), or chooses nothing; the message names each problem
   */
  public ToolSet select(ToolSelection selection) {
    Objects.requireNonNull(selection, "selection");
    Catalog catalog = Catalog.get();
    Map<String, Catalog.Entry> entries = catalog.entries();
    Set<String> areas = new TreeSet<>();
    entries.values().forEach(e -> areas.add(e.area.toLowerCase(Locale.ROOT)));
    List<String> problems = new ArrayList<>();
    for (String area : selection.areas()) {
      if (!areas.contains(area)) {
        List<String> close = Suggest.closest(area, areas, 3, Math.max(2, area.length() / 3));
        problems.add("unknown area '" + area + "'" + (close.isEmpty()
            ? "; areas: " + String.join(", ", areas)
            : "; did you mean " + quoteAll(close) + "?"));
      }
    }
    for (String slug : selection.slugs()) {
      Catalog.Entry e = catalog.entry(slug);
      if (e == null) {
        problems.add(unknownAction(slug));
      } else if (e.retired() && !selection.includeRetired()) {
        problems.add("action '" + slug + "': PostHog has removed this operation"
            + (e.replacement == null ? "" : " (replacement: " + e.replacement + ")")
            + "; include retired actions to choose it anyway");
      } else if (selection.readOnly() && !e.readOnly()) {
        problems.add("action '" + slug + "': not read-only (" + e.method + "), but the"
            + " selection is");
      }
    }
    for (String pattern : selection.patterns()) {
      Pattern glob = ToolSelection.glob(pattern);
      if (entries.keySet().stream().noneMatch(slug -> glob.matcher(slug).matches())) {
        problems.add("pattern '" + pattern + "' matches no action");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Map<String, Catalog.Entry> chosen = new LinkedHashMap<>();
    for (Catalog.Entry e : entries.values()) {
      if (selection.matches(e)) {
        chosen.put(e.slug, e);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("the selection chooses no action ("
          + selection.describe() + ")");
    }
    ClientConfig c = context.config();
    return new ToolSet(this, selection, chosen, c.projectId(), c.organizationId());
  }

  /**
   * The actions a selection chooses as tool definitions for a provider, with descriptions
   * shortened for a model; shorthand for {@code select(selection).toolDefinitions(format)}.
   *
   * @param format OpenAI or Anthropic
   * @param selection which actions
   * @return a new JSON array
   * @throws IllegalArgumentException if the selection is not valid (see
   *     {@link #select(ToolSelection)})
   * @throws ToolLimitExceededException if it chooses more tools than the provider accepts
   *     (OpenAI: 128)
   */
  public ArrayNode toolDefinitions(ToolFormat format, ToolSelection selection) {
    return select(selection).toolDefinitions(format);
  }

  private static String quoteAll(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
    }
    return sb.toString();
  }

  private ToolDescriptor descriptor(ToolSpec a) {
    ClientConfig c = context.config();
    return new ToolDescriptor(a,
        SchemaExport.parameters(a, true, c.projectId(), c.organizationId()));
  }

  /** A call after validation: either the failure, or what to send. */
  private static final class Prepared {
    final ToolResult failure;
    final ToolSpec action;
    final Binder.Bound bound;

    Prepared(ToolResult failure, ToolSpec action, Binder.Bound bound) {
      this.failure = failure;
      this.action = action;
      this.bound = bound;
    }
  }

  private Prepared prepare(String slug, Map<String, ?> params) {
    try {
      ToolSpec a = Catalog.get().find(slug);
      if (a == null) {
        return new Prepared(ToolResult.failure(slug, ToolError.validation(List.of(
            new ValidationProblem(null, ValidationRule.UNKNOWN_ACTION, unknownAction(slug))))),
            null, null);
      }
      ClientConfig c = context.config();
      Binder.Bound b = Binder.bind(a, params, c.projectId(), c.organizationId());
      if (!b.problems.isEmpty()) {
        return new Prepared(ToolResult.failure(slug, ToolError.validation(b.problems)),
            a, b);
      }
      return new Prepared(null, a, b);
    } catch (RuntimeException e) {
      return new Prepared(failure(slug, e), null, null);
    }
  }

  private static String unknownAction(String slug) {
    StringBuilder sb = new StringBuilder("action ");
    sb.append(slug == null ? "null" : "'" + slug + "'").append(": unknown");
    if (slug != null) {
      List<String> close = Suggest.closestByWords(slug, Catalog.get().entries().keySet(),
          SUGGESTED_SLUGS);
      for (int i = 0; i < close.size(); i++) {
        sb.append(i == 0 ? "; did you mean " : ", ").append('\'').append(close.get(i)).append('\'');
      }
      if (!close.isEmpty()) {
        sb.append('?');
      }
    }
    return sb.toString();
  }

  private ToolResult perform(Prepared p, ClientContext view) {
    ToolSpec a = p.action;
    TypedResponse<JsonNode> r = a.invoker.invoke(view.api(a.invoker.api()), p.bound.wire,
        p.bound.body);
    JsonNode data = r.body();
    return ToolResult.success(a.slug, data == null || data.isMissingNode() ? null : data,
        r.status());
  }

  private static ToolResult failure(String slug, Throwable t) {
    return ToolResult.failure(slug, ToolError.of(slug, unwrap(t)));
  }

  /** The failure that matters, without the JDK's wrappers. */
  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while (cur instanceof CompletionException && cur.getCause() != null) {
      cur = cur.getCause();
    }
    if (cur instanceof PostHogException || cur instanceof CancellationException) {
      return cur;
    }
    return Failures.translate(cur);
  }

  /** The client or view with the call's options on top. */
  private ClientContext view(RequestOptions options) {
    return options == null || options == RequestOptions.none() ? context
        : context.withOptions(options);
  }

  @Override
  public String toString() {
    return "Toolkit{" + context.config().endpoint() + "}";
  }
}
