package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Selects the curated operations from an upstream PostHog schema (OpenAPI 3.0 or 3.1) and
 * rewrites them into a plain OpenAPI 3.0.3 "selection": facts only (no upstream prose), in a
 * form the Java generator handles, with only the component schemas they reach.
 *
 * <p>Rules, each applied wherever it occurs:
 * <ul>
 *   <li>{@code type: [T, "null"]} becomes {@code type: T, nullable: true}; a type list with
 *       several non-null types becomes a free-form value.</li>
 *   <li>{@code oneOf}/{@code anyOf} of one schema and {@code null} becomes that schema,
 *       nullable ({@code allOf: [$ref]} for a reference).</li>
 *   <li>{@code oneOf}/{@code anyOf} made only of enums (PostHog's {@code XEnum | BlankEnum |
 *       NullEnum} pattern) becomes one string enum with all their values, nullable if
 *       {@code null} was one of them.</li>
 *   <li>Any other {@code oneOf}/{@code anyOf} becomes a free-form value marked
 *       {@code x-hedgekit-simplified: union}: the generator cannot build usable Java types
 *       from PostHog's large unions (query nodes), and the facade passes them as JSON.</li>
 *   <li>{@code const} becomes a one-value enum; a numeric {@code exclusiveMinimum}/
 *       {@code exclusiveMaximum} becomes {@code minimum}/{@code maximum} with the boolean flag;
 *       {@code null} is removed from enum values and becomes {@code nullable}.</li>
 *   <li>A {@code $ref} with sibling keywords becomes {@code allOf: [$ref]} plus the siblings.</li>
 *   <li>Read-only properties are removed from {@code required}: PostHog assigns them, so no
 *       caller has to send them.</li>
 *   <li>Descriptions, titles, examples and upstream {@code x-} extensions are dropped.</li>
 *   <li>Request bodies keep only a JSON media type; responses keep only 2xx answers.</li>
 * </ul>
 */
final class Normalizer {

  private static final Set<String> KEEP = Set.of("type", "format", "enum", "default", "items",
      "properties", "additionalProperties", "required", "nullable", "readOnly", "writeOnly",
      "allOf", "oneOf", "anyOf", "$ref", "minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
      "uniqueItems", "const", "multipleOf", "x-hedgekit-simplified");

  /** Marks an operation kept from an earlier upstream schema because upstream dropped it. */
  static final String CARRIED = "x-hedgekit-carried";

  private final JsonNode upstream;
  private final ObjectNode upstreamSchemas;

  Normalizer(JsonNode upstream) {
    this.upstream = upstream;
    JsonNode s = upstream.path("components").path("schemas");
    this.upstreamSchemas = s.isObject() ? (ObjectNode) s : Trees.obj();
  }

  /** Where an overlay operation was found upstream, and how. */
  static final class Match {
    final String method;
    final String path;
    final JsonNode operation;
    final JsonNode pathItem;
    final boolean byId;

    Match(String method, String path, JsonNode operation, JsonNode pathItem, boolean byId) {
      this.method = method;
      this.path = path;
      this.operation = operation;
      this.pathItem = pathItem;
      this.byId = byId;
    }
  }

  /**
   * Finds an operation that upstream really has: by operationId at the same method and path
   * shape, else by method and path shape, else by operationId alone (the operation moved).
   */
  Match find(String operationId, String method, String path) {
    return find(operationId, method, path, false, false);
  }

  /**
   * Finds an operation; with {@code carried}, also one kept from an earlier upstream
   * (marked {@code x-hedgekit-carried}).
   */
  Match find(String operationId, String method, String path, boolean carried) {
    return find(operationId, method, path, carried, false);
  }

  /**
   * Finds an operation.
   *
   * <p>The method and path win over the operationId when the two disagree: PostHog reuses
   * operationIds for other routes (its {@code x_activity_retrieve} was the list-level activity
   * route and is now the per-item one, the list-level one being {@code x_all_activity_retrieve};
   * {@code batch_exports_list} moved from the organization route to the project route), so an
   * operationId found at another path only counts when nothing upstream has the method and path
   * shape asked for.
   *
   * @param carried also consider operations kept from an earlier upstream
   * @param samePathOnly only an operation at the same method and path shape counts (for an
   *     operation marked removed: another route of the same name is another operation)
   */
  Match find(String operationId, String method, String path, boolean carried,
      boolean samePathOnly) {
    JsonNode paths = upstream.path("paths");
    String wanted = Trees.shape(path);
    Match byShape = null;
    Match byIdElsewhere = null;
    Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      boolean sameShape = Trees.shape(p.getKey()).equals(wanted);
      for (String m : Trees.METHODS) {
        JsonNode op = p.getValue().get(m);
        if (op == null || !op.isObject() || (!carried && op.path(CARRIED).asBoolean(false))) {
          continue;
        }
        boolean sameRoute = sameShape && m.equals(method);
        if (operationId.equals(Trees.text(op, "operationId"))) {
          if (sameRoute) {
            return new Match(m, p.getKey(), op, p.getValue(), true);
          }
          if (byIdElsewhere == null) {
            byIdElsewhere = new Match(m, p.getKey(), op, p.getValue(), true);
          }
        } else if (sameRoute && byShape == null) {
          byShape = new Match(m, p.getKey(), op, p.getValue(), false);
        }
      }
    }
    return byShape != null || samePathOnly ? byShape : byIdElsewhere;
  }

  /**
   * Normalizes one upstream operation.
   *
   * @return the operation in selection form (operationId, parameters, requestBody, responses, tags)
   */
  ObjectNode operation(Match match, Set<String> reached) {
    ObjectNode out = Trees.obj();
    out.put("operationId", Trees.text(match.operation, "operationId"));
    Map<String, JsonNode> params = new TreeMap<>();
    List<String> order = new ArrayList<>();
    for (JsonNode source : new JsonNode[] {match.pathItem.get("parameters"),
        match.operation.get("parameters")}) {
      if (source == null) {
        continue;
      }
      for (JsonNode p : source) {
        JsonNode param = resolveParameter(p);
        String key = Trees.text(param, "in") + ":" + Trees.text(param, "name");
        if (!params.containsKey(key)) {
          order.add(key);
        }
        params.put(key, param);
      }
    }
    if (!params.isEmpty()) {
      ArrayNode list = Trees.arr();
      // Path parameters in path order first, then the others in upstream order.
      List<String> keys = new ArrayList<>();
      for (String name : Trees.pathParams(match.path)) {
        if (params.containsKey("path:" + name)) {
          keys.add("path:" + name);
        }
      }
      for (String k : order) {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
      for (String k : keys) {
        JsonNode p = params.get(k);
        String in = Trees.text(p, "in");
        if (!"path".equals(in) && !"query".equals(in)) {
          continue;
        }
        ObjectNode np = Trees.obj();
        np.put("name", Trees.text(p, "name"));
        np.put("in", in);
        np.put("required", "path".equals(in) || p.path("required").asBoolean(false));
        JsonNode schema = p.get("schema");
        np.set("schema", schema(schema == null ? Trees.obj() : schema, reached));
        list.add(np);
      }
      out.set("parameters", list);
    }
    JsonNode body = match.operation.get("requestBody");
    if (body != null) {
      body = resolve(body, "requestBodies");
      JsonNode content = body.path("content");
      JsonNode chosen = content.get("application/json");
      if (chosen == null && content.size() > 0) {
        chosen = content.elements().next();
      }
      if (chosen != null && chosen.has("schema")) {
        ObjectNode nb = Trees.obj();
        nb.put("required", body.path("required").asBoolean(false));
        ObjectNode json = Trees.obj();
        json.set("schema", schema(chosen.get("schema"), reached));
        ObjectNode ct = Trees.obj();
        ct.set("application/json", json);
        nb.set("content", ct);
        out.set("requestBody", nb);
      }
    }
    ObjectNode responses = Trees.obj();
    JsonNode up = match.operation.path("responses");
    List<String> statuses = new ArrayList<>(new TreeSet<>(Trees.fieldNames(up)));
    for (String status : statuses) {
      if (!status.startsWith("2")) {
        continue;
      }
      JsonNode r = resolve(up.get(status), "responses");
      ObjectNode nr = Trees.obj();
      nr.put("description", statusText(status));
      JsonNode content = r.path("content");
      JsonNode chosen = content.get("application/json");
      if (chosen == null) {
        Iterator<Map.Entry<String, JsonNode>> ci = content.properties().iterator();
        while (ci.hasNext() && chosen == null) {
          Map.Entry<String, JsonNode> c = ci.next();
          if (c.getKey().contains("json")) {
            chosen = c.getValue();
          }
        }
      }
      if (chosen != null && chosen.has("schema")) {
        ObjectNode json = Trees.obj();
        json.set("schema", schema(chosen.get("schema"), reached));
        ObjectNode ct = Trees.obj();
        ct.set("application/json", json);
        nr.set("content", ct);
      }
      responses.set(status, nr);
    }
    out.set("responses", responses);
    JsonNode tags = match.operation.get("tags");
    if (tags != null && tags.isArray() && tags.size() > 0) {
      ArrayNode t = Trees.arr();
      Set<String> seen = new LinkedHashSet<>();
      tags.forEach(x -> seen.add(x.asText()));
      seen.forEach(t::add);
      out.set("tags", t);
    }
    if (match.operation.path("deprecated").asBoolean(false)) {
      out.put("deprecated", true);
    }
    return out;
  }

  /** Like {@link #operation} for an operation kept from an earlier upstream: marks it carried. */
  ObjectNode carriedOperation(Match match, Set<String> reached) {
    ObjectNode out = operation(match, reached);
    out.put(CARRIED, true);
    return out;
  }

  /** Normalizes the component schemas reached from the operations, transitively. */
  ObjectNode components(Set<String> reached) {
    return components(reached, Set.of());
  }

  /**
   * Normalizes the component schemas reached from the operations, transitively, leaving out
   * (and not following) the names in {@code provided}, which another source defines.
   */
  ObjectNode components(Set<String> reached, Set<String> provided) {
    TreeMap<String, JsonNode> done = new TreeMap<>();
    Deque<String> todo = new ArrayDeque<>(new TreeSet<>(reached));
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (done.containsKey(name) || provided.contains(name)) {
        continue;
      }
      JsonNode raw = upstreamSchemas.get(name);
      Set<String> more = new TreeSet<>();
      JsonNode norm = raw == null ? Trees.obj() : schema(raw, more);
      done.put(name, norm);
      for (String m : more) {
        if (!done.containsKey(m)) {
          todo.add(m);
        }
      }
    }
    ObjectNode out = Trees.obj();
    done.forEach(out::set);
    return out;
  }

  private JsonNode resolveParameter(JsonNode p) {
    return resolve(p, "parameters");
  }

  private JsonNode resolve(JsonNode node, String section) {
    int guard = 0;
    while (node != null && node.has("$ref") && guard++ < 10) {
      String ref = node.get("$ref").asText();
      String prefix = "#/components/" + section + "/";
      if (!ref.startsWith(prefix)) {
        break;
      }
      node = upstream.path("components").path(section).get(ref.substring(prefix.length()));
    }
    return node == null ? Trees.obj() : node;
  }

  /** Normalizes one schema; adds referenced component names to {@code reached}. */
  JsonNode schema(JsonNode in, Set<String> reached) {
    JsonNode out = schema0(in, reached);
    return out instanceof ObjectNode ? orderSchema((ObjectNode) out) : out;
  }

  private JsonNode schema0(JsonNode in, Set<String> reached) {
    if (in == null || !in.isObject()) {
      return in != null && in.isBoolean() && in.asBoolean() ? Trees.obj() : Trees.obj();
    }
    ObjectNode s = Trees.obj();
    boolean nullable = in.path("nullable").asBoolean(false);
    Iterator<Map.Entry<String, JsonNode>> it = in.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (KEEP.contains(e.getKey())) {
        s.set(e.getKey(), e.getValue());
      }
    }
    // $ref (with or without siblings)
    if (s.has("$ref")) {
      String name = Trees.refName(s);
      reached.add(name);
      ObjectNode ref = Trees.ref(name);
      s.remove("$ref");
      if (s.size() == 0 && !nullable) {
        return ref;
      }
      ObjectNode wrapped = Trees.obj();
      ArrayNode all = Trees.arr();
      all.add(ref);
      wrapped.set("allOf", all);
      copyFlags(s, wrapped);
      if (nullable) {
        wrapped.put("nullable", true);
      }
      return wrapped;
    }
    // type lists (3.1)
    JsonNode type = s.get("type");
    if (type != null && type.isArray()) {
      List<String> types = new ArrayList<>();
      for (JsonNode t : type) {
        if ("null".equals(t.asText())) {
          nullable = true;
        } else {
          types.add(t.asText());
        }
      }
      s.remove("type");
      if (types.size() == 1) {
        s.put("type", types.get(0));
      } else if (types.size() > 1) {
        return freeForm(nullable, s);
      }
    } else if (type != null && "null".equals(type.asText())) {
      s.remove("type");
      nullable = true;
    }
    // const, enum with null
    if (s.has("const")) {
      ArrayNode e = Trees.arr();
      e.add(s.get("const"));
      s.set("enum", e);
      s.remove("const");
    }
    if (s.has("enum")) {
      ArrayNode e = Trees.arr();
      for (JsonNode v : s.get("enum")) {
        if (v.isNull()) {
          nullable = true;
        } else {
          e.add(v);
        }
      }
      s.set("enum", e);
      if (!s.has("type") && e.size() > 0) {
        s.put("type", e.get(0).isTextual() ? "string" : e.get(0).isIntegralNumber() ? "integer"
            : e.get(0).isNumber() ? "number" : e.get(0).isBoolean() ? "boolean" : "string");
      }
    }
    for (String bound : new String[] {"exclusiveMinimum", "exclusiveMaximum"}) {
      JsonNode b = s.get(bound);
      if (b != null && b.isNumber()) {
        s.set(bound.equals("exclusiveMinimum") ? "minimum" : "maximum", b);
        s.put(bound, true);
      }
    }
    // unions
    for (String kind : new String[] {"oneOf", "anyOf"}) {
      JsonNode alts = s.get(kind);
      if (alts == null) {
        continue;
      }
      s.remove(kind);
      List<JsonNode> real = new ArrayList<>();
      for (JsonNode a : alts) {
        if (isNull(a)) {
          nullable = true;
        } else {
          real.add(a);
        }
      }
      if (real.isEmpty()) {
        break;
      }
      if (real.size() == 1) {
        JsonNode only = schema(real.get(0), reached);
        ObjectNode merged = only.isObject() ? ((ObjectNode) only).deepCopy() : Trees.obj();
        if (merged.has("$ref")) {
          ObjectNode wrapped = Trees.obj();
          ArrayNode all = Trees.arr();
          all.add(merged);
          wrapped.set("allOf", all);
          merged = wrapped;
        }
        copyFlags(s, merged);
        if (nullable) {
          merged.put("nullable", true);
        }
        return merged;
      }
      List<JsonNode> values = new ArrayList<>();
      boolean allEnums = true;
      for (JsonNode a : real) {
        JsonNode target = a.has("$ref") ? upstreamSchemas.get(Trees.refName(a)) : a;
        if (target == null || !target.has("enum")) {
          allEnums = false;
          break;
        }
        for (JsonNode v : target.get("enum")) {
          if (v.isNull()) {
            nullable = true;
          } else if (!values.contains(v)) {
            values.add(v);
          }
        }
      }
      if (allEnums && !values.isEmpty() && values.stream().allMatch(JsonNode::isTextual)) {
        ObjectNode en = Trees.obj();
        en.put("type", "string");
        ArrayNode ev = Trees.arr();
        values.forEach(ev::add);
        en.set("enum", ev);
        copyFlags(s, en);
        if (nullable) {
          en.put("nullable", true);
        }
        return en;
      }
      ObjectNode free = freeForm(nullable, s);
      free.put("x-hedgekit-simplified", "union");
      return free;
    }
    if (s.has("items")) {
      s.set("items", schema(s.get("items"), reached));
    }
    if (s.has("properties")) {
      ObjectNode props = Trees.obj();
      Set<String> readOnly = new TreeSet<>();
      Iterator<Map.Entry<String, JsonNode>> pi = s.get("properties").properties().iterator();
      while (pi.hasNext()) {
        Map.Entry<String, JsonNode> p = pi.next();
        JsonNode ns = schema(p.getValue(), reached);
        props.set(p.getKey(), ns);
        if (ns.path("readOnly").asBoolean(false)) {
          readOnly.add(p.getKey());
        }
      }
      s.set("properties", props);
      if (s.has("required")) {
        ArrayNode req = Trees.arr();
        for (JsonNode r : s.get("required")) {
          if (!readOnly.contains(r.asText()) && props.has(r.asText())) {
            req.add(r.asText());
          }
        }
        if (req.size() == 0) {
          s.remove("required");
        } else {
          s.set("required", req);
        }
      }
    } else {
      s.remove("required");
    }
    JsonNode ap = s.get("additionalProperties");
    if (ap != null && ap.isObject()) {
      s.set("additionalProperties", ap.size() == 0 ? Trees.F.booleanNode(true) : schema(ap, reached));
    }
    if (s.has("allOf")) {
      ArrayNode all = Trees.arr();
      for (JsonNode a : s.get("allOf")) {
        all.add(schema(a, reached));
      }
      s.set("allOf", all);
    }
    if (nullable) {
      s.put("nullable", true);
    } else {
      s.remove("nullable");
    }
    return orderSchema(s);
  }

  private static ObjectNode freeForm(boolean nullable, ObjectNode flagsFrom) {
    ObjectNode free = Trees.obj();
    copyFlags(flagsFrom, free);
    if (nullable) {
      free.put("nullable", true);
    }
    return free;
  }

  private static void copyFlags(ObjectNode from, ObjectNode to) {
    for (String f : new String[] {"readOnly", "writeOnly", "default"}) {
      if (from.has(f)) {
        to.set(f, from.get(f));
      }
    }
  }

  private static boolean isNull(JsonNode a) {
    JsonNode t = a.get("type");
    if (t != null && t.isTextual() && "null".equals(t.asText())) {
      return true;
    }
    if (a.has("enum") && a.get("enum").size() == 1 && a.get("enum").get(0).isNull()) {
      return true;
    }
    return a.has("$ref") && Trees.refName(a).equals("NullEnum");
  }

  static ObjectNode orderSchema(ObjectNode s) {
    return Trees.ordered(s, List.of("type", "format", "nullable", "readOnly", "writeOnly",
        "enum", "default", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "items", "required", "properties",
        "additionalProperties", "allOf"));
  }

  static String statusText(String status) {
    switch (status) {
      case "200":
        return "OK";
      case "201":
        return "Created";
      case "202":
        return "Accepted";
      case "204":
        return "No content";
      case "405":
        return "Method not allowed";
      default:
        return "Status " + status;
    }
  }
}
