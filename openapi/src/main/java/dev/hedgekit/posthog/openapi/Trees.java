package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for JSON trees. */
final class Trees {

  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete", "head", "options");
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  private Trees() {
  }

  static ObjectNode obj() {
    return F.objectNode();
  }

  static ArrayNode arr() {
    return F.arrayNode();
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) {
      n.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  /** The path with every {name} replaced by {}, to compare paths whatever their names. */
  static String shape(String path) {
    return PARAM.matcher(path).replaceAll("{}");
  }

  static List<String> pathParams(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Copies an object with its keys in the given order first, the rest after in their order. */
  static ObjectNode ordered(ObjectNode in, List<String> order) {
    ObjectNode out = obj();
    for (String k : order) {
      if (in.has(k)) {
        out.set(k, in.get(k));
      }
    }
    Iterator<Map.Entry<String, JsonNode>> it = in.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  static String refName(JsonNode schema) {
    String ref = text(schema, "$ref");
    if (ref == null) {
      return null;
    }
    int slash = ref.lastIndexOf('/');
    return slash >= 0 ? ref.substring(slash + 1) : ref;
  }

  static ObjectNode ref(String name) {
    ObjectNode r = obj();
    r.put("$ref", "#/components/schemas/" + name);
    return r;
  }
}
