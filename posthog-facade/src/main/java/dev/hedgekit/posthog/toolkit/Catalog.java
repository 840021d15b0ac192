package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue of actions, read from the spec that the generated module puts on the classpath
 * ({@value #SPEC_RESOURCE}): every operation with {@code x-composio-slugs} becomes one action
 * per slug. Built once per JVM, on first use, and immutable afterwards.
 */
final class Catalog {

  /** The classpath resource holding the curated spec as JSON. */
  static final String SPEC_RESOURCE = "/dev/hedgekit/posthog/generated/posthog-api.json";

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Object LOCK = new Object();
  private static volatile Catalog instance;

  private final Map<String, ToolSpec> bySlug;
  private final Map<String, Invoker> invokers;

  private Catalog(Map<String, ToolSpec> bySlug, Map<String, Invoker> invokers) {
    this.bySlug = bySlug;
    this.invokers = invokers;
  }

  /**
   * The shared catalogue, loaded on first call.
   *
   * @return the catalogue
   * @throws IllegalStateException if the spec is missing or does not match the generated code
   */
  static Catalog get() {
    Catalog c = instance;
    if (c == null) {
      synchronized (LOCK) {
        c = instance;
        if (c == null) {
          c = from(loadSpec(), Invoker.all());
          instance = c;
        }
      }
    }
    return c;
  }

  static JsonNode loadSpec() {
    // Read through the generated module itself, so that it is found on the module path too.
    try (InputStream in = dev.hedgekit.posthog.generated.support.SpecResource.open()) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("could not read the PostHog spec " + SPEC_RESOURCE, e);
    }
  }

  /**
   * Builds a catalogue from a spec.
   *
   * @param spec the OpenAPI document
   * @param invokers the generated methods by operationId
   * @return the catalogue
   */
  static Catalog from(JsonNode spec, Map<String, Invoker> invokers) {
    SchemaFactory schemas = new SchemaFactory(spec);
    Map<String, ToolSpec> actions = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> pathItem = paths.next();
      for (String method : METHODS) {
        JsonNode op = pathItem.getValue().get(method);
        if (op == null || !op.has("x-composio-slugs")) {
          continue;
        }
        String operationId = op.path("operationId").asText();
        Invoker invoker = invokers.get(operationId);
        if (invoker == null) {
          throw new IllegalStateException("operation " + operationId
              + " of the spec has no method in RawOperations; rebuild posthog-generated");
        }
        for (JsonNode slug : op.get("x-composio-slugs")) {
          ToolSpec a = action(spec, schemas, slug.asText(), method, pathItem.getKey(),
              pathItem.getValue(), op, invoker);
          if (actions.put(a.slug, a) != null) {
            throw new IllegalStateException("slug " + a.slug + " is used by two operations");
          }
        }
      }
    }
    return new Catalog(Collections.unmodifiableMap(actions), invokers);
  }

  private static ToolSpec action(JsonNode spec, SchemaFactory schemas, String slug,
      String method, String path, JsonNode pathItem, JsonNode op, Invoker invoker) {
    String operationId = op.path("operationId").asText();
    Map<String, JsonNode> declared = new LinkedHashMap<>();
    for (JsonNode p : pathItem.path("parameters")) {
      JsonNode r = resolveParameter(spec, p);
      declared.put(r.path("in").asText() + ":" + r.path("name").asText(), r);
    }
    for (JsonNode p : op.path("parameters")) {
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
    boolean bodyRequired = false;
    JsonNode requestBody = op.get("requestBody");
    if (requestBody != null) {
      JsonNode content = requestBody.path("content");
      JsonNode media = content.has("application/json") ? content.get("application/json")
          : content.elements().hasNext() ? content.elements().next() : null;
      body = schemas.build(media == null ? null : media.get("schema"));
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
    String summary = op.path("summary").asText("");
    String description = op.path("description").asText("");
    return new ToolSpec(slug, operationId, method.toUpperCase(Locale.ROOT), path, summary,
        description, op.path("deprecated").asBoolean(false), params, body, bodyRequired, invoker);
  }

  private static JsonNode resolveParameter(JsonNode spec, JsonNode p) {
    JsonNode ref = p.get("$ref");
    if (ref == null) {
      return p;
    }
    String prefix = "#/components/parameters/";
    String r = ref.asText();
    if (!r.startsWith(prefix)) {
      throw new IllegalStateException("unsupported parameter $ref: " + r);
    }
    JsonNode target = spec.path("components").path("parameters").get(r.substring(prefix.length()));
    if (target == null) {
      throw new IllegalStateException("the spec refers to a missing parameter: " + r);
    }
    return target;
  }

  /** @return the actions by slug, sorted */
  Map<String, ToolSpec> actions() {
    return bySlug;
  }

  /**
   * @param slug an action slug
   * @return the action, or null
   */
  ToolSpec find(String slug) {
    return slug == null ? null : bySlug.get(slug);
  }

  /**
   * @param operationId an operation of the spec
   * @return the generated method that calls it
   */
  Invoker invoker(String operationId) {
    return invokers.get(operationId);
  }
}
