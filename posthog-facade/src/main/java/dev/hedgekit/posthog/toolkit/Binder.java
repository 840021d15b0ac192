package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hedgekit.posthog.internal.config.UrlLimits;
import dev.hedgekit.posthog.internal.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the caller's parameter map into the arguments of the generated method: resolves names
 * (exact, alias, flattened nested), coerces and validates every value, fills in the client's
 * default project and organization and the spec's defaults, and reports every problem at once.
 */
final class Binder {

  private static final String PROJECT_ID = "project_id";
  private static final String ORGANIZATION_ID = "organization_id";
  private static final int LISTED_NAMES = 15;
  /** Turns caller values (maps, lists, UUIDs, java.time values) into trees, nulls included. */
  private static final ObjectMapper TREES =
      Json.mapper().copy().setDefaultPropertyInclusion(
          JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));

  private Binder() {
  }

  /** The outcome of binding: either problems, or the wire values and body. */
  static final class Bound {
    /** Path, query and header values by wire name: a String, or a List of Strings. */
    final Map<String, Object> wire;
    /** The JSON body (an object, or a list of one object), or null when the operation takes none. */
    final JsonNode body;
    /** Every problem found; empty when the call may be sent. */
    final List<ValidationProblem> problems;

    Bound(Map<String, Object> wire, JsonNode body, List<ValidationProblem> problems) {
      this.wire = wire;
      this.body = body;
      this.problems = problems;
    }
  }

  /** A flattened nested body field, e.g. {@code user__first__name} for {@code user.first_name}. */
  private static final class Flat {
    final String givenAs;
    final List<String> segments;
    final boolean readOnly;
    JsonNode value;

    Flat(String givenAs, List<String> segments, boolean readOnly) {
      this.givenAs = givenAs;
      this.segments = segments;
      this.readOnly = readOnly;
    }
  }

  /**
   * Binds a call.
   *
   * @param a the action
   * @param params the caller's parameters (null means none)
   * @param defaultProject the client's project id, or null
   * @param defaultOrganization the client's organization id, or null
   * @return the bound call
   */
  static Bound bind(ToolSpec a, Map<String, ?> params, String defaultProject,
      String defaultOrganization) {
    List<ValidationProblem> problems = new ArrayList<>();
    Map<ParamSpec, JsonNode> values = new LinkedHashMap<>();
    Map<ParamSpec, String> givenAs = new HashMap<>();
    List<Flat> flats = new ArrayList<>();
    Map<String, ?> given = params == null ? Collections.emptyMap() : params;

    for (Map.Entry<String, ?> e : given.entrySet()) {
      String key = e.getKey();
      if (key == null) {
        problems.add(new ValidationProblem(null, ValidationRule.UNKNOWN_PARAMETER,
            "parameter null of " + a.slug + ": unknown (a parameter name must not be null)"));
        continue;
      }
      JsonNode raw;
      try {
        raw = toTree(e.getValue());
      } catch (IllegalArgumentException ex) {
        problems.add(Coercion.problem(key, a.slug, ValidationRule.TYPE, "expected a JSON value,"
            + " got a " + e.getValue().getClass().getName() + " that cannot be written as JSON"));
        continue;
      }
      ParamSpec p = a.byName.get(key);
      if (p == null) {
        Flat flat = flatten(a, key);
        if (flat == null) {
          problems.add(unknown(a, key));
          continue;
        }
        flat.value = Coercion.coerce(raw, leafSchema(a, flat), key, a.slug, problems);
        if (flat.value != null) {
          flats.add(flat);
        }
        continue;
      }
      String earlier = givenAs.putIfAbsent(p, key);
      if (earlier != null) {
        problems.add(Coercion.problem(key, a.slug, ValidationRule.DUPLICATE,
            "given twice (also as '" + earlier + "')"));
        continue;
      }
      // Read-only fields (ids, timestamps the toolkit documents as inputs) are checked like any
      // other and sent as given: PostHog ignores them, and nothing a caller passes is dropped.
      JsonNode v = Coercion.coerce(raw, p.schema, key, a.slug, problems);
      if (v == null) {
        continue;
      }
      if (p.in == ParamSpec.In.PATH && v.isTextual() && v.asText().isEmpty()) {
        problems.add(Coercion.problem(key, a.slug, ValidationRule.EMPTY,
            "must not be empty (path parameter)"));
        continue;
      }
      values.put(p, v);
    }

    for (ParamSpec p : a.params) {
      if (givenAs.containsKey(p) || p.in == ParamSpec.In.BODY) {
        continue;
      }
      String fallback = PROJECT_ID.equals(p.name) ? defaultProject
          : ORGANIZATION_ID.equals(p.name) ? defaultOrganization : null;
      if (fallback != null) {
        JsonNode v = Coercion.coerce(TextNode.valueOf(fallback), p.schema, p.name, a.slug,
            problems);
        if (v != null) {
          values.put(p, v);
        }
        givenAs.put(p, p.name);
      }
    }

    boolean patch = "PATCH".equals(a.method);
    for (ParamSpec p : a.params) {
      if (givenAs.containsKey(p) || coveredByFlat(p, flats)) {
        continue;
      }
      if (p.required) {
        problems.add(Coercion.problem(p.name, a.slug, ValidationRule.REQUIRED,
            "required (" + p.in.label() + ")"));
        continue;
      }
      JsonNode def = p.schema.defaultValue();
      if (def != null && !p.readOnly() && !(patch && p.in == ParamSpec.In.BODY)) {
        values.put(p, def.deepCopy());
      }
    }

    if (!problems.isEmpty()) {
      return new Bound(Map.of(), null, List.copyOf(problems));
    }

    Map<String, Object> wire = new HashMap<>();
    ObjectNode body = a.body != null ? JsonNodeFactory.instance.objectNode() : null;
    for (Map.Entry<ParamSpec, JsonNode> e : values.entrySet()) {
      ParamSpec p = e.getKey();
      JsonNode v = e.getValue();
      if (p.in == ParamSpec.In.BODY) {
        body.set(p.name, v);
      } else if (!v.isNull()) {
        Object text = wireValue(v);
        if (text != null && p.in != ParamSpec.In.HEADER) {
          checkUrlLength(a, p, givenAs.getOrDefault(p, p.name), text, problems);
        }
        if (text != null) {
          wire.put(p.name, text);
        }
      }
    }
    for (Flat f : flats) {
      ObjectNode at = body;
      for (int i = 0; i < f.segments.size() - 1; i++) {
        String seg = f.segments.get(i);
        JsonNode child = at.get(seg);
        if (child == null || child.isNull()) {
          at = at.putObject(seg);
        } else if (child.isObject()) {
          at = (ObjectNode) child;
        } else {
          problems.add(Coercion.problem(f.givenAs, a.slug, ValidationRule.TYPE,
              "cannot be set inside '" + seg + "', which was given as "
                  + Coercion.describe(child)));
          at = null;
          break;
        }
      }
      if (at != null) {
        at.set(f.segments.get(f.segments.size() - 1), f.value);
      }
    }
    if (!problems.isEmpty()) {
      return new Bound(Map.of(), null, List.copyOf(problems));
    }
    JsonNode sent = a.bodyIsList && body != null
        ? JsonNodeFactory.instance.arrayNode().add(body) : body;
    return new Bound(Collections.unmodifiableMap(wire), sent, List.of());
  }

  /**
   * The value of a path, query or header parameter as text. An array of scalars becomes a list
   * (one {@code name=value} per item; empty means not sent); an object, or an array holding
   * objects, is sent as one JSON-encoded value, as PostHog reads such filters.
   */
  private static Object wireValue(JsonNode v) {
    if (v.isArray()) {
      boolean scalars = true;
      for (JsonNode item : v) {
        scalars &= item.isValueNode();
      }
      if (!scalars) {
        return json(v);
      }
      if (v.isEmpty()) {
        return null;
      }
      List<String> items = new ArrayList<>(v.size());
      for (JsonNode item : v) {
        if (!item.isNull()) {
          items.add(scalarText(item));
        }
      }
      return Collections.unmodifiableList(items);
    }
    if (v.isObject()) {
      return json(v);
    }
    return scalarText(v);
  }

  /**
   * Refuses a path or query value too long to travel in a URL (see
   * {@link dev.hedgekit.posthog.internal.config.UrlLimits}); each item of a repeated query value counts
   * on its own.
   */
  private static void checkUrlLength(ToolSpec a, ParamSpec p, String name, Object text,
      List<ValidationProblem> problems) {
    List<?> items = text instanceof List ? (List<?>) text : List.of(text);
    for (Object item : items) {
      String problem = UrlLimits.valueProblem((String) item);
      if (problem != null) {
        problems.add(Coercion.problem(name, a.slug, ValidationRule.TOO_LONG,
            problem.replaceFirst("^is ", "") + " (" + p.in.label() + ")"));
        return;
      }
    }
  }

  private static String scalarText(JsonNode v) {
    if (v.isBigDecimal()) {
      return v.decimalValue().toPlainString();
    }
    return v.asText();
  }

  private static String json(JsonNode v) {
    try {
      return Json.mapper().writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static JsonNode toTree(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode) {
      return ((JsonNode) value).deepCopy();
    }
    if (value instanceof CharSequence) {
      return TextNode.valueOf(value.toString());
    }
    return TREES.valueToTree(value);
  }

  private static boolean coveredByFlat(ParamSpec p, List<Flat> flats) {
    if (p.in != ParamSpec.In.BODY) {
      return false;
    }
    for (Flat f : flats) {
      if (f.segments.get(0).equals(p.name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Resolves a Composio-style flattened name: {@code outer__inner__name} where {@code outer} is
   * an object field of the body whose schema has a property {@code inner_name} (and so on,
   * level by level). Each {@code __} separates either two levels or two words of one name;
   * the first reading that matches the schema wins, shorter outer names first.
   */
  private static Flat flatten(ToolSpec a, String key) {
    if (a.body == null || !key.contains("__")) {
      return null;
    }
    String[] tokens = key.split("__", -1);
    for (String t : tokens) {
      if (t.isEmpty()) {
        return null;
      }
    }
    Map<String, Schema> top = new LinkedHashMap<>();
    for (ParamSpec p : a.params) {
      if (p.in == ParamSpec.In.BODY) {
        top.put(p.name, p.schema);
      }
    }
    List<String> segments = new ArrayList<>();
    boolean[] readOnly = new boolean[1];
    if (resolve(top, tokens, 0, segments, readOnly) && segments.size() >= 2) {
      return new Flat(key, List.copyOf(segments), readOnly[0]);
    }
    return null;
  }

  private static boolean resolve(Map<String, Schema> props, String[] tokens, int start,
      List<String> segments, boolean[] readOnly) {
    for (int end = start + 1; end <= tokens.length; end++) {
      String name = String.join("_", java.util.Arrays.asList(tokens).subList(start, end));
      Schema s = props.get(name);
      if (s == null) {
        continue;
      }
      segments.add(name);
      boolean wasReadOnly = readOnly[0];
      readOnly[0] |= s.readOnly();
      if (end == tokens.length) {
        if (segments.size() >= 2) {
          return true;
        }
      } else if (s.hasProperties() && resolve(s.properties(), tokens, end, segments, readOnly)) {
        return true;
      }
      segments.remove(segments.size() - 1);
      readOnly[0] = wasReadOnly;
    }
    return false;
  }

  private static Schema leafSchema(ToolSpec a, Flat f) {
    Schema s = null;
    for (ParamSpec p : a.params) {
      if (p.in == ParamSpec.In.BODY && p.name.equals(f.segments.get(0))) {
        s = p.schema;
        break;
      }
    }
    for (int i = 1; i < f.segments.size(); i++) {
      s = s.properties().get(f.segments.get(i));
    }
    return s;
  }

  private static ValidationProblem unknown(ToolSpec a, String key) {
    List<String> names = a.acceptedNames();
    int max = Math.max(2, key.length() / 3);
    List<String> close = Suggest.closest(key, names, 1, max);
    String detail;
    if (!close.isEmpty()) {
      detail = "unknown; did you mean '" + close.get(0) + "'?";
    } else if (names.isEmpty()) {
      detail = "unknown; this action takes no parameters";
    } else {
      // Read-only fields are accepted but pointless, so the list leaves them out.
      List<String> listed = new ArrayList<>();
      for (String n : names) {
        if (!a.byName.get(n).readOnly()) {
          listed.add(n);
        }
      }
      StringBuilder sb = new StringBuilder("unknown; accepted: ");
      for (int i = 0; i < listed.size() && i < LISTED_NAMES; i++) {
        sb.append(i == 0 ? "" : ", ").append(listed.get(i));
      }
      if (listed.size() > LISTED_NAMES) {
        sb.append(", ...");
      }
      detail = sb.toString();
    }
    return Coercion.problem(key, a.slug, ValidationRule.UNKNOWN_PARAMETER, detail);
  }
}
