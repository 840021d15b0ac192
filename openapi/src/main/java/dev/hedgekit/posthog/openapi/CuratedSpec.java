package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the curated spec from a normalized selection and the overlay: our paths and
 * parameter names, tags, summaries and descriptions, slugs, defaults and enums the toolkit
 * documents, response corrections, schema patches, servers and security.
 */
final class CuratedSpec {

  private final JsonNode overlay;
  private final List<String> problems = new ArrayList<>();

  CuratedSpec(JsonNode overlay) {
    this.overlay = overlay;
  }

  List<String> problems() {
    return problems;
  }

  ObjectNode build(JsonNode selection, Normalizer finder) {
    ObjectNode schemas = ((ObjectNode) selection.path("components").path("schemas")).deepCopy();
    addSchemas(schemas);
    patchSchemas(schemas);
    markPages(schemas);
    nameCollidingEnums(schemas);
    TreeMap<String, ObjectNode> paths = new TreeMap<>();
    TreeSet<String> usedTags = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> ops = overlay.path("operations").properties().iterator();
    while (ops.hasNext()) {
      Map.Entry<String, JsonNode> e = ops.next();
      String id = e.getKey();
      JsonNode ov = e.getValue();
      Normalizer.Match m = finder.find(id, ov.path("method").asText(), ov.path("path").asText(), true);
      JsonNode sel = m == null ? null : m.operation;
      if (sel == null) {
        problems.add(id + ": not in the selection at " + ov.path("method").asText() + " "
            + ov.path("path").asText());
        continue;
      }
      ObjectNode op = operation(id, ov, sel, schemas);
      usedTags.add(ov.path("tag").asText());
      paths.computeIfAbsent(ov.path("path").asText(), k -> Trees.obj())
          .set(ov.path("method").asText(), op);
    }
    ObjectNode doc = Trees.obj();
    doc.put("openapi", "3.0.3");
    ObjectNode info = Trees.obj();
    info.put("title", overlay.path("info").path("title").asText());
    info.put("version", overlay.path("info").path("version").asText());
    info.put("description", overlay.path("info").path("description").asText());
    doc.set("info", info);
    ArrayNode servers = Trees.arr();
    ObjectNode server = Trees.obj();
    server.put("url", "https://{subdomain}.posthog.com");
    server.put("description", "PostHog Cloud; self-hosted instances use their own base URL.");
    ObjectNode vars = Trees.obj();
    ObjectNode sub = Trees.obj();
    sub.put("default", "us");
    sub.put("description", "Cloud region: us or eu.");
    vars.set("subdomain", sub);
    server.set("variables", vars);
    servers.add(server);
    doc.set("servers", servers);
    ArrayNode security = Trees.arr();
    ObjectNode req = Trees.obj();
    req.set("PersonalAPIKey", Trees.arr());
    security.add(req);
    doc.set("security", security);
    ArrayNode tags = Trees.arr();
    for (String t : usedTags) {
      ObjectNode tag = Trees.obj();
      tag.put("name", t);
      String d = Trees.text(overlay.path("tags"), t);
      if (d == null) {
        problems.add("tag " + t + " has no description in the overlay");
      } else {
        tag.put("description", d);
      }
      tags.add(tag);
    }
    doc.set("tags", tags);
    ObjectNode pathsNode = Trees.obj();
    for (Map.Entry<String, ObjectNode> p : paths.entrySet()) {
      pathsNode.set(p.getKey(), Trees.ordered(p.getValue(), Trees.METHODS));
    }
    doc.set("paths", pathsNode);
    ObjectNode components = Trees.obj();
    components.set("schemas", schemas);
    ObjectNode schemes = Trees.obj();
    ObjectNode bearer = Trees.obj();
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put("description", "A personal API key, sent as Authorization: Bearer <key>.");
    schemes.set("PersonalAPIKey", bearer);
    components.set("securitySchemes", schemes);
    doc.set("components", components);
    plainFreeForm(doc);
    dropNullDefaults(doc);
    return doc;
  }

  private ObjectNode operation(String id, JsonNode ov, JsonNode sel, ObjectNode schemas) {
    ObjectNode op = Trees.obj();
    ArrayNode tags = Trees.arr();
    tags.add(ov.path("tag").asText());
    op.set("tags", tags);
    op.put("summary", ov.path("summary").asText());
    op.put("description", ov.path("description").asText());
    op.put("operationId", id);
    JsonNode renames = ov.path("renameParameters");
    JsonNode overrides = ov.path("parameters");
    TreeSet<String> applied = new TreeSet<>();
    ArrayNode selected = Trees.arr();
    TreeSet<String> removed = new TreeSet<>();
    ov.path("removeParameters").forEach(r -> removed.add(r.asText()));
    for (JsonNode p : sel.path("parameters")) {
      if (removed.remove(p.path("name").asText())) {
        continue;
      }
      selected.add(p);
    }
    for (String r : removed) {
      problems.add(id + ": removeParameters names " + r + ", which upstream does not have");
    }
    for (JsonNode p : ov.path("addParameters")) {
      selected.add(p);
    }
    if (selected.size() > 0) {
      ArrayNode params = Trees.arr();
      for (JsonNode p : selected) {
        ObjectNode np = ((ObjectNode) p).deepCopy();
        String name = p.path("name").asText();
        if (renames.has(name)) {
          name = renames.get(name).asText();
          np.put("name", name);
        }
        String d = Trees.text(overlay.path("parameterDescriptions"), name);
        JsonNode o = overrides.get(name);
        if (o != null) {
          applied.add(name);
          if (o.has("description")) {
            d = o.get("description").asText();
          }
          if (o.has("required") && !"path".equals(np.path("in").asText())) {
            np.put("required", o.get("required").asBoolean());
          }
          np.set("schema", patchSchema((ObjectNode) np.get("schema").deepCopy(), o));
        }
        ObjectNode ordered = Trees.obj();
        ordered.set("name", np.get("name"));
        ordered.set("in", np.get("in"));
        if (d != null) {
          ordered.put("description", d);
        }
        ordered.set("required", np.get("required"));
        ordered.set("schema", np.get("schema"));
        params.add(ordered);
      }
      op.set("parameters", params);
    }
    // The spec uses the overlay's path: its placeholders must be exactly the path parameters
    // (an upstream rename needs renameParameters, or the generated code would not compile).
    TreeSet<String> placeholders = new TreeSet<>(Trees.pathParams(ov.path("path").asText()));
    TreeSet<String> pathParams = new TreeSet<>();
    op.path("parameters").forEach(p -> {
      if ("path".equals(p.path("in").asText())) {
        pathParams.add(p.path("name").asText());
      }
    });
    if (!placeholders.equals(pathParams)) {
      problems.add(id + ": path parameters " + pathParams + " do not match the path "
          + ov.path("path").asText() + "; map upstream's names with renameParameters");
    }
    JsonNode bodySource = sel.get("requestBody");
    if (ov.has("requestBody") && ov.get("requestBody").isNull()) {
      // The handler reads no body although upstream declares one.
      bodySource = null;
    } else if (ov.has("requestBody")) {
      ObjectNode replaced = Trees.obj();
      replaced.put("required", ov.path("requestBody").path("required").asBoolean(false));
      ObjectNode json = Trees.obj();
      json.set("schema", ov.path("requestBody").path("schema").deepCopy());
      ObjectNode ct = Trees.obj();
      ct.set("application/json", json);
      replaced.set("content", ct);
      bodySource = replaced;
    }
    if (bodySource != null) {
      ObjectNode body = bodySource.deepCopy();
      ObjectNode schema = (ObjectNode) body.path("content").path("application/json").path("schema");
      Iterator<Map.Entry<String, JsonNode>> oi = overrides.properties().iterator();
      while (oi.hasNext()) {
        Map.Entry<String, JsonNode> o = oi.next();
        if (applied.contains(o.getKey()) || renames.has(o.getKey())) {
          continue;
        }
        ObjectNode target = bodyProperty(schema, schemas, o.getKey());
        if (target == null) {
          if (!o.getValue().has("note")) {
            problems.add(id + ": overlay parameter " + o.getKey() + " is neither a parameter nor a body field");
          }
          continue;
        }
        applied.add(o.getKey());
        ObjectNode patched = patchSchema(target.deepCopy(), o.getValue());
        target.removeAll();
        target.setAll(patched);
      }
      op.set("requestBody", body);
    }
    Iterator<String> names = overrides.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!applied.contains(n) && !overrides.get(n).has("note")) {
        problems.add(id + ": overlay parameter " + n + " matches nothing");
      }
    }
    JsonNode resp = ov.get("response");
    JsonNode several = ov.get("responses");
    if (resp != null && several != null) {
      problems.add(id + ": response and responses both given; use one");
    }
    if (resp != null) {
      ObjectNode responses = Trees.obj();
      String status = resp.path("status").asText();
      responses.set(status, response(status, resp.get("schema"), schemas, id));
      op.set("responses", responses);
    } else if (several != null) {
      // responses: {status: schema}, statuses in ascending order
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      several.properties().iterator().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue()));
      ObjectNode responses = Trees.obj();
      sorted.forEach((status, schema) -> responses.set(status, response(status, schema, schemas,
          id)));
      op.set("responses", responses);
    } else {
      op.set("responses", sel.get("responses").deepCopy());
    }
    String upstream = Trees.text(ov, "upstream");
    if ("removed".equals(upstream) || "deprecated".equals(upstream)
        || sel.path("deprecated").asBoolean(false)) {
      op.put("deprecated", true);
    }
    if (ov.path("slugs").size() > 0) {
      // Operations without slugs (replacements beyond the documented actions) carry no
      // x-composio-slugs at all: the action catalogue takes only operations that have it.
      ArrayNode slugs = Trees.arr();
      ov.path("slugs").forEach(slugs::add);
      op.set("x-composio-slugs", slugs);
    }
    if (upstream != null) {
      op.put("x-hedgekit-upstream", upstream);
    }
    String replacement = Trees.text(ov, "replacement");
    if (replacement != null) {
      op.put("x-hedgekit-replacement", replacement);
    } else if ("removed".equals(upstream) || "deprecated".equals(upstream)) {
      problems.add(id + ": marked upstream: " + upstream + " without a replacement (say what"
          + " to use instead, or that nothing replaces it)");
    }
    String sunset = Trees.text(ov, "sunset");
    if (sunset != null) {
      op.put("x-hedgekit-sunset", sunset);
    }
    return op;
  }

  /**
   * One response: its description and, unless the schema is null, its content. The schema is
   * a component name ({@code X}, {@code X[]}), {@code object} (free-form), an inline schema, or
   * a media type other than JSON ({@code application/javascript}: text;
   * {@code application/octet-stream}: a file), for answers that are not JSON.
   */
  private ObjectNode response(String status, JsonNode schema, ObjectNode schemas, String id) {
    ObjectNode r = Trees.obj();
    r.put("description", Normalizer.statusText(status));
    if (schema != null && !schema.isNull()) {
      String mediaType = "application/json";
      ObjectNode body = Trees.obj();
      if (schema.isObject()) {
        body.set("schema", schema.deepCopy());
      } else if (schema.asText().contains("/")) {
        mediaType = schema.asText();
        ObjectNode text = Trees.obj();
        text.put("type", "string");
        if (mediaType.equals("application/octet-stream")) {
          text.put("format", "binary");
        }
        body.set("schema", text);
      } else {
        body.set("schema", responseSchema(schema.asText(), schemas, id));
      }
      ObjectNode ct = Trees.obj();
      ct.set(mediaType, body);
      r.set("content", ct);
    }
    return r;
  }

  private JsonNode responseSchema(String name, ObjectNode schemas, String id) {
    if (name.equals("object")) {
      ObjectNode free = Trees.obj();
      free.put("type", "object");
      free.put("additionalProperties", true);
      return free;
    }
    boolean array = name.endsWith("[]");
    String base = array ? name.substring(0, name.length() - 2) : name;
    if (!schemas.has(base)) {
      problems.add(id + ": response schema " + base + " is not a component");
    }
    if (!array) {
      return Trees.ref(base);
    }
    ObjectNode a = Trees.obj();
    a.put("type", "array");
    a.set("items", Trees.ref(base));
    return a;
  }

  private static ObjectNode bodyProperty(ObjectNode schema, ObjectNode schemas, String field) {
    ObjectNode s = schema;
    for (int guard = 0; guard < 5 && s != null; guard++) {
      if (s.has("properties") && s.get("properties").has(field)) {
        JsonNode p = s.get("properties").get(field);
        return p.isObject() ? (ObjectNode) p : null;
      }
      if ("array".equals(s.path("type").asText()) && s.get("items") instanceof ObjectNode) {
        s = (ObjectNode) s.get("items"); // a body that is a list: its items' fields
        continue;
      }
      String ref = Trees.refName(s);
      if (ref == null && s.has("allOf") && s.get("allOf").size() == 1) {
        ref = Trees.refName(s.get("allOf").get(0));
      }
      JsonNode next = ref == null ? null : schemas.get(ref);
      s = next instanceof ObjectNode ? (ObjectNode) next : null;
    }
    return null;
  }

  private static ObjectNode patchSchema(ObjectNode schema, JsonNode o) {
    if ("array".equals(schema.path("type").asText()) && o.has("enum")) {
      JsonNode items = schema.get("items");
      if (items instanceof ObjectNode && !items.has("enum") && !items.has("$ref")
          && !items.has("allOf")) {
        ((ObjectNode) items).set("enum", o.get("enum"));
      }
      o = ((ObjectNode) o.deepCopy()).without("enum");
    }
    for (String k : PATCHABLE) {
      if (o.has(k)) {
        if (k.equals("enum") && (schema.has("enum") || schema.has("allOf") || schema.has("$ref"))) {
          continue;
        }
        if (o.get(k).isNull()) {
          schema.remove(k); // e.g. format: null drops a format PostHog does not enforce
        } else {
          schema.set(k, o.get(k));
        }
      }
    }
    return Normalizer.orderSchema(schema);
  }

  /** Keys of a parameter or body field that an overlay {@code parameters} entry may set. */
  private static final String[] PATCHABLE = {"type", "format", "enum", "x-enum-varnames",
      "default", "readOnly", "writeOnly", "nullable", "minimum", "maximum", "maxLength",
      "minItems", "maxItems", "items"};

  /**
   * Adds the overlay's {@code addSchemas}: component schemas of our own (answers PostHog's
   * schema leaves untyped or types wrongly). A name upstream already has is a problem: patch
   * it under {@code schemas} instead. Each entry's {@code notes} cite the PostHog source and
   * are left out of the schema.
   */
  private void addSchemas(ObjectNode schemas) {
    Iterator<Map.Entry<String, JsonNode>> it = overlay.path("addSchemas").properties().iterator();
    TreeMap<String, JsonNode> added = new TreeMap<>();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (schemas.has(e.getKey())) {
        problems.add("overlay addSchemas " + e.getKey() + ": upstream has a component of that"
            + " name; patch it under schemas instead");
        continue;
      }
      added.put(e.getKey(), withoutNotes(e.getValue()));
    }
    if (added.isEmpty()) {
      return;
    }
    TreeMap<String, JsonNode> all = new TreeMap<>(added);
    schemas.properties().iterator().forEachRemaining(f -> all.put(f.getKey(), f.getValue()));
    schemas.removeAll();
    all.forEach(schemas::set);
  }

  private void patchSchemas(ObjectNode schemas) {
    Iterator<Map.Entry<String, JsonNode>> it = overlay.path("schemas").properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode target = schemas.get(e.getKey());
      if (!(target instanceof ObjectNode)) {
        problems.add("overlay schema patch for " + e.getKey() + ": no such component");
        continue;
      }
      merge((ObjectNode) target, withoutNotes(e.getValue()));
    }
  }

  /**
   * A schema entry of the overlay without its {@code notes} (the PostHog source that proves
   * it), which documents the overlay and is not part of the schema.
   */
  private static JsonNode withoutNotes(JsonNode entry) {
    JsonNode copy = entry.deepCopy();
    if (copy instanceof ObjectNode) {
      ((ObjectNode) copy).remove("notes");
    }
    return copy;
  }

  /**
   * Marks PostHog's page envelopes ({@code {count?, next, previous, results: [X]}}) with
   * {@code x-hedgekit-page-of: X}: the generated model of such a schema implements the
   * generic page interface, so the facade turns every list answer into a page one way.
   */
  private static void markPages(ObjectNode schemas) {
    Iterator<Map.Entry<String, JsonNode>> it = schemas.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode props = e.getValue().path("properties");
      JsonNode items = props.path("results").path("items");
      String item = Trees.refName(items);
      if (e.getValue() instanceof ObjectNode && props.has("next")
          && "array".equals(props.path("results").path("type").asText()) && item != null) {
        ((ObjectNode) e.getValue()).put("x-hedgekit-page-of", item);
      }
    }
  }

  /**
   * Writes free-form objects as {@code {type: object}}: {@code additionalProperties: true} (or
   * {@code {}}) on an object without declared properties says nothing more in OpenAPI 3.0,
   * and without it the Java generator types the value as a JSON tree, which any shape PostHog
   * sends fits, instead of a map that a list would break.
   */
  private static void plainFreeForm(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) node;
      JsonNode ap = o.get("additionalProperties");
      if ("object".equals(o.path("type").asText()) && !o.has("properties") && ap != null
          && (ap.isBoolean() && ap.asBoolean() || ap.isObject() && ap.isEmpty())) {
        o.remove("additionalProperties");
      }
    }
    for (JsonNode child : node) {
      plainFreeForm(child);
    }
  }

  /**
   * Removes {@code default: null} from schemas: an unset field is already null, and the Java
   * generator cannot turn a null default into a value (it reports an error for each one).
   */
  private static void dropNullDefaults(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) node;
      if (o.has("default") && o.get("default").isNull() && (o.has("type") || o.has("nullable")
          || o.has("$ref") || o.has("allOf") || o.has("anyOf") || o.has("oneOf"))) {
        o.remove("default");
      }
    }
    for (JsonNode child : node) {
      dropNullDefaults(child);
    }
  }

  /**
   * Gives constant names ({@code x-enum-varnames}) to string enums whose values the Java
   * generator would turn into the same name (time zones: {@code Etc/GMT+1} and
   * {@code Etc/GMT-1} both become {@code ETC_GMT_1}): signs are spelled out, so
   * {@code ETC_GMT_PLUS_1} and {@code ETC_GMT_MINUS_1}. Enums that already have names, or whose
   * names do not collide, are left alone.
   */
  private static void nameCollidingEnums(ObjectNode schemas) {
    Iterator<Map.Entry<String, JsonNode>> it = schemas.properties().iterator();
    while (it.hasNext()) {
      JsonNode schema = it.next().getValue();
      JsonNode values = schema.path("enum");
      if (!(schema instanceof ObjectNode) || !values.isArray() || schema.has("x-enum-varnames")
          || !"string".equals(schema.path("type").asText())) {
        continue;
      }
      TreeSet<String> plain = new TreeSet<>();
      boolean collides = false;
      for (JsonNode v : values) {
        collides |= !v.isNull() && !plain.add(constantName(v.asText(), false));
      }
      if (!collides) {
        continue;
      }
      ArrayNode names = Trees.arr();
      TreeSet<String> used = new TreeSet<>();
      for (JsonNode v : values) {
        String name = constantName(v.asText(), true);
        String unique = name;
        for (int n = 2; !used.add(unique); n++) {
          unique = name + "_" + n;
        }
        names.add(unique);
      }
      ((ObjectNode) schema).set("x-enum-varnames", names);
    }
  }

  private static String constantName(String value, boolean spellSigns) {
    String v = spellSigns ? value.replace("+", "_PLUS_").replace("-", "_MINUS_") : value;
    String name = v.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "")
        .toUpperCase(java.util.Locale.ROOT);
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      name = "V_" + name;
    }
    return name;
  }

  private static void merge(ObjectNode target, JsonNode patch) {
    Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = target.get(e.getKey());
      // A patch with a $ref replaces the node; $ref: null (removing a reference) merges.
      if (e.getValue().isObject() && existing instanceof ObjectNode
          && !e.getValue().hasNonNull("$ref")) {
        merge((ObjectNode) existing, e.getValue());
      } else if (e.getValue().isNull()) {
        target.remove(e.getKey());
      } else {
        target.set(e.getKey(), e.getValue());
      }
    }
  }
}
