package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The catalogue of actions, read from the spec that the generated module puts on the classpath
 * ({@value #SPEC_RESOURCE}): every operation with {@code x-composio-slugs} becomes one action
 * per slug.
 *
 * <p>Loading is in two steps, so that a process that runs one action (a command line call)
 * does not pay for all of them. The spec is read once per JVM, on first use, in one streaming
 * pass ({@link SpecSlices}) into an index of {@link Entry entries}: slug, operation, method,
 * path, area, upstream status and texts, which is all that listing and selecting need. The
 * parameters of an action (its part of the spec and the component schemas it refers to,
 * parsed then) and the generated method that runs it are worked out the first time the action
 * is used, and kept. Building an action checks it against the generated code and fails with
 * {@link IllegalStateException} when they disagree.
 */
final class Catalog {

  /** The classpath resource holding the curated spec as JSON. */
  static final String SPEC_RESOURCE = "/dev/hedgekit/posthog/generated/posthog-api.json";

  /** The upstream status of an operation without {@code x-hedgekit-upstream}. */
  static final String SERVED = "served";

  private static final Object LOCK = new Object();
  private static volatile Catalog instance;

  private final SpecSlices spec;
  private final Map<String, Entry> bySlug;
  /** Finds the generated method of an operation (null when there is none). */
  private final Function<String, Invoker> invokerSource;
  private final Map<String, ToolSpec> built = new ConcurrentHashMap<>();
  /** Guards {@link #schemas}, which is filled while actions are built. */
  private final Object buildLock = new Object();
  private SchemaFactory schemas;
  private volatile Map<String, ToolSpec> all;

  /**
   * What the index knows of one action without looking at its parameters.
   */
  static final class Entry {
    final String slug;
    final String operationId;
    /** Upper case. */
    final String method;
    final String path;
    /** The operation's first tag; empty when it has none. */
    final String area;
    /** {@code x-hedgekit-upstream}, or {@value Catalog#SERVED} when absent. */
    final String upstream;
    /** {@code x-hedgekit-replacement}, or null. */
    final String replacement;
    /** OpenAPI's {@code deprecated}, or an upstream status of deprecated or removed. */
    final boolean deprecated;
    final String summary;
    final String description;
    /** Where the operation and its path's shared parameters lie in the spec. */
    final SpecSlices.Operation source;

    Entry(String slug, SpecSlices.Operation op) {
      this.slug = slug;
      this.operationId = op.operationId;
      this.method = op.method.toUpperCase(Locale.ROOT);
      this.path = op.path;
      this.area = op.area;
      this.upstream = blank(op.upstream) ? SERVED : op.upstream.strip().toLowerCase(Locale.ROOT);
      this.replacement = blank(op.replacement) ? null
          : op.replacement.strip().replaceAll("[.\\s]+$", "");
      this.deprecated = op.deprecated || "deprecated".equals(upstream)
          || "removed".equals(upstream);
      this.summary = op.summary;
      this.description = op.description;
      this.source = op;
    }

    /** @return whether PostHog no longer serves the operation */
    boolean retired() {
      return "removed".equals(upstream);
    }

    /** @return whether the method only reads (GET, HEAD, OPTIONS) */
    boolean readOnly() {
      return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static boolean blank(String text) {
      return text == null || text.isBlank();
    }
  }

  private Catalog(SpecSlices spec, Map<String, Entry> bySlug,
      Function<String, Invoker> invokerSource) {
    this.spec = spec;
    this.bySlug = bySlug;
    this.invokerSource = invokerSource;
  }

  /**
   * The shared catalogue, indexed on first call.
   *
   * @return the catalogue
   * @throws IllegalStateException if the spec is missing or malformed
   */
  static Catalog get() {
    Catalog c = instance;
    if (c == null) {
      synchronized (LOCK) {
        c = instance;
        if (c == null) {
          c = index(loadSpec(), Invoker::of);
          instance = c;
        }
      }
    }
    return c;
  }

  /** @return the bytes of the spec, read through the generated module (found on the module path too) */
  static byte[] loadSpec() {
    try (InputStream in = dev.hedgekit.posthog.generated.support.SpecResource.open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("could not read the PostHog spec " + SPEC_RESOURCE, e);
    }
  }

  /**
   * Builds a catalogue from a spec and checks every action against the generated code at
   * once (the shared catalogue does that lazily, action by action).
   *
   * @param spec the OpenAPI document
   * @param invokers the generated methods by operationId
   * @return the catalogue, every action built
   * @throws IllegalStateException if the spec and the generated code disagree
   */
  static Catalog from(JsonNode spec, Map<String, Invoker> invokers) {
    Objects.requireNonNull(invokers, "invokers");
    Catalog c = index(spec, invokers::get);
    c.actions();
    return c;
  }

  /**
   * Indexes a spec given as a tree (tests build specs this way) without building any action.
   *
   * @param spec the OpenAPI document
   * @param invokers finds the generated method of an operation
   * @return the catalogue
   */
  static Catalog index(JsonNode spec, Function<String, Invoker> invokers) {
    try {
      return index(Json.mapper().writeValueAsBytes(spec), invokers);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /**
   * Indexes a spec without building any action.
   *
   * @param spec the OpenAPI document as UTF-8 JSON
   * @param invokers finds the generated method of an operation (null when there is none);
   *     asked once per action, when it is built
   * @return the catalogue
   */
  static Catalog index(byte[] spec, Function<String, Invoker> invokers) {
    SpecSlices slices = SpecSlices.read(spec);
    Map<String, Entry> entries = new TreeMap<>();
    for (SpecSlices.Operation op : slices.operations()) {
      for (String slug : op.slugs) {
        Entry e = new Entry(slug, op);
        if (entries.put(e.slug, e) != null) {
          throw new IllegalStateException("slug " + e.slug + " is used by two operations");
        }
      }
    }
    return new Catalog(slices, Collections.unmodifiableMap(entries), invokers);
  }

  /** @return the index entries by slug, sorted; nothing is built */
  Map<String, Entry> entries() {
    return bySlug;
  }

  /**
   * @param slug a slug
   * @return its index entry, or null
   */
  Entry entry(String slug) {
    return slug == null ? null : bySlug.get(slug);
  }

  /**
   * Every action, built (the first call builds those not built yet).
   *
   * @return the actions by slug, sorted
   */
  Map<String, ToolSpec> actions() {
    Map<String, ToolSpec> a = all;
    if (a == null) {
      Map<String, ToolSpec> out = new TreeMap<>();
      for (String slug : bySlug.keySet()) {
        out.put(slug, find(slug));
      }
      a = Collections.unmodifiableMap(out);
      all = a;
    }
    return a;
  }

  /**
   * One action, built on first use.
   *
   * @param slug an action slug
   * @return the action, or null when no action has this slug
   * @throws IllegalStateException if the spec and the generated code disagree on it
   */
  ToolSpec find(String slug) {
    Entry e = entry(slug);
    if (e == null) {
      return null;
    }
    ToolSpec a = built.get(slug);
    if (a == null) {
      synchronized (buildLock) {
        a = built.get(slug);
        if (a == null) {
          a = build(e);
          built.put(slug, a);
        }
      }
    }
    return a;
  }

  /** Called with {@link #buildLock} held. */
  private ToolSpec build(Entry e) {
    if (schemas == null) {
      schemas = new SchemaFactory(spec::schema);
    }
    String operationId = e.operationId;
    Invoker invoker = invokerSource.apply(operationId);
    if (invoker == null) {
      throw new IllegalStateException("operation " + operationId
          + " of the spec has no method in RawOperations; rebuild posthog-generated");
    }
    JsonNode operation = spec.parse(e.source.self);
    JsonNode shared = spec.parse(e.source.pathParameters);
    Map<String, JsonNode> declared = new LinkedHashMap<>();
    for (JsonNode p : shared == null ? List.<JsonNode>of() : shared) {
      JsonNode r = resolveParameter(spec, p);
      declared.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
    }
    for (JsonNode p : operation.path("parameters")) {
      JsonNode r = resolveParameter(spec, p);
      declared.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
    }
    List<ParamSpec> params = new ArrayList<>();
    for (JsonNode p : declared.values()) {
      String in = p.path("in").asText();
      if ("cookie".equals(in)) {
        continue;
      }
      String name = p.path("name").asText();
      if (!in.equals(invoker.locationOf(name))) {
        throw new IllegalStateException("parameter " + name + " (" + in + ") of " + operationId
            + " is not an argument of its RawOperations method; rebuild posthog-generated");
      }
      Schema schema = schemas.build(p.get("schema"));
      ParamSpec.In where = ParamSpec.In.valueOf(in.toUpperCase(Locale.ROOT));
      boolean required = where == ParamSpec.In.PATH || p.path("required").asBoolean(false);
      String description = p.hasNonNull("description") ? p.get("description").asText()
          : schema.description();
      params.add(new ParamSpec(name, where, required, schema, description, schema.aliases()));
    }
    Schema body = null;
    boolean bodyIsList = false;
    boolean bodyRequired = false;
    JsonNode requestBody = operation.get("requestBody");
    if (requestBody != null) {
      JsonNode content = requestBody.path("content");
      JsonNode media = content.has("application/json") ? content.get("application/json")
          : content.elements().hasNext() ? content.elements().next() : null;
      body = schemas.build(media == null ? null : media.get("schema"));
      if ("array".equals(body.type()) && body.items() != null
          && !body.items().properties().isEmpty()) {
        // A list of objects (bulk invites, group type metadata): the fields describe one item.
        body = body.items();
        bodyIsList = true;
      }
      bodyRequired = requestBody.path("required").asBoolean(false);
      if (!invoker.takesBody()) {
        throw new IllegalStateException("operation " + operationId
            + " has a request body but its RawOperations method takes none");
      }
      List<String> taken = new ArrayList<>();
      params.forEach(p -> taken.add(p.name));
      for (Map.Entry<String, Schema> f : body.properties().entrySet()) {
        if (taken.contains(f.getKey())) {
          // A body field named like a path parameter (always a read-only id in this spec):
          // the name means the path parameter.
          continue;
        }
        Schema fs = f.getValue();
        boolean required = bodyRequired && body.required().contains(f.getKey()) && !fs.readOnly();
        params.add(new ParamSpec(f.getKey(), ParamSpec.In.BODY, required, fs, fs.description(),
            fs.aliases()));
      }
    }
    return new ToolSpec(e, params, body, bodyIsList, bodyRequired, invoker);
  }

  private static JsonNode resolveParameter(SpecSlices spec, JsonNode p) {
    JsonNode ref = p.get("$ref");
    if (ref == null) {
      return p;
    }
    String prefix = "#/components/parameters/";
    String r = ref.asText();
    if (!r.startsWith(prefix)) {
      throw new IllegalStateException("unsupported parameter $ref: " + r);
    }
    JsonNode target = spec.parameter(r.substring(prefix.length()));
    if (target == null) {
      throw new IllegalStateException("the spec refers to a missing parameter: " + r);
    }
    return target;
  }
}
