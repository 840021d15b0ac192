package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Renders an action's parameters as a JSON Schema (draft 2020-12) object: one property per
 * accepted name, OpenAPI's {@code nullable} as a type union with {@code "null"}, nested body
 * objects inline (a schema that contains itself is cut off after its first level), and
 * {@code additionalProperties: false} at the top.
 */
final class SchemaExport {

  /** The dialect every exported schema declares. */
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private SchemaExport() {
  }

  /**
   * The parameters schema of an action.
   *
   * @param a the action
   * @param includeReadOnly whether read-only body fields are listed (marked {@code readOnly});
   *     tool definitions leave them out
   * @param defaultProject the client's project id (makes {@code project_id} optional), or null
   * @param defaultOrganization the client's organization id, or null
   * @return a new schema object
   */
  static ObjectNode parameters(ToolSpec a, boolean includeReadOnly, String defaultProject,
      String defaultOrganization) {
    ObjectNode root = F.objectNode();
    root.put("$schema", DIALECT);
    root.put("title", a.slug);
    root.put("description", description(a));
    root.put("type", "object");
    ObjectNode props = root.putObject("properties");
    ArrayNode required = F.arrayNode();
    for (ParamSpec p : a.params) {
      if (p.readOnly() && !includeReadOnly) {
        continue;
      }
      ObjectNode node = property(p.schema, includeReadOnly, new ArrayDeque<>(), 0);
      String text = p.description;
      if (!p.aliases.isEmpty()) {
        text = (text == null || text.isEmpty() ? "" : text + " ")
            + "Also accepted as " + quoteAll(p.aliases) + ".";
      }
      if (text != null && !text.isEmpty()) {
        node.put("description", text);
      }
      String fallback = "project_id".equals(p.name) ? defaultProject
          : "organization_id".equals(p.name) ? defaultOrganization : null;
      if (fallback != null && p.in != ParamSpec.In.BODY) {
        node.put("default", fallback);
      } else if (p.required) {
        required.add(p.name);
      }
      props.set(p.name, node);
    }
    if (required.size() > 0) {
      root.set("required", required);
    }
    root.put("additionalProperties", false);
    return root;
  }

  /**
   * The description of an action as tools show it: a removal or deprecation note naming the
   * replacement ({@code x-hedgekit-replacement}) when there is one, then the summary and the
   * description; never empty.
   *
   * @param a the action
   * @return the text
   */
  static String description(ToolSpec a) {
    StringBuilder sb = new StringBuilder();
    if (a.retired()) {
      sb.append("Removed: PostHog no longer serves this endpoint. ");
    } else if (a.deprecated) {
      sb.append("Deprecated. ");
    }
    if (a.deprecated && a.replacement != null) {
      // The spec words replacements freely ("POST ... with a TrendsQuery", "Nothing replaces
      // it ..."), so they are quoted as given rather than fitted into a sentence.
      sb.append("Replacement: ").append(a.replacement).append(". ");
    }
    if (!a.summary.isBlank()) {
      sb.append(a.summary.strip());
      if (!a.summary.strip().endsWith(".")) {
        sb.append('.');
      }
    }
    if (!a.description.isBlank() && !a.description.strip().equals(a.summary.strip())) {
      sb.append(sb.length() > 0 ? " " : "").append(a.description.strip());
    }
    if (a.summary.isBlank() && a.description.isBlank()) {
      sb.append("Calls ").append(a.method).append(' ').append(a.path)
          .append(" of the PostHog API.");
    }
    return sb.toString();
  }

  private static String quoteAll(Iterable<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
    }
    return sb.toString();
  }

  private static ObjectNode property(Schema s, boolean includeReadOnly, Deque<String> path,
      int depth) {
    ObjectNode o = F.objectNode();
    String type = s.type();
    if (type != null) {
      if (s.nullable()) {
        o.set("type", F.arrayNode().add(type).add("null"));
      } else {
        o.put("type", type);
      }
    }
    if (s.format() != null) {
      o.put("format", s.format());
    }
    if (s.description() != null && !s.description().isEmpty()) {
      o.put("description", s.description());
    }
    if (s.enumValues() != null) {
      ArrayNode values = o.putArray("enum");
      boolean hasNull = false;
      for (JsonNode v : s.enumValues()) {
        values.add(v.deepCopy());
        hasNull |= v.isNull();
      }
      if (s.nullable() && !hasNull) {
        values.addNull();
      }
    }
    if (s.defaultValue() != null) {
      o.set("default", s.defaultValue().deepCopy());
    }
    if (s.readOnly()) {
      o.put("readOnly", true);
    }
    if (s.minimum() != null) {
      o.put("minimum", s.minimum());
    }
    if (s.maximum() != null) {
      o.put("maximum", s.maximum());
    }
    String component = s.component();
    boolean recursive = component != null && path.contains(component);
    if (recursive || depth >= MAX_DEPTH) {
      return o;
    }
    if (component != null) {
      path.push(component);
    }
    try {
      if (s.hasProperties()) {
        ObjectNode props = o.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (Map.Entry<String, Schema> e : s.properties().entrySet()) {
          Schema ps = e.getValue();
          if (ps.readOnly() && !includeReadOnly) {
            continue;
          }
          props.set(e.getKey(), property(ps, includeReadOnly, path, depth + 1));
          if (s.required().contains(e.getKey()) && !ps.readOnly()) {
            required.add(e.getKey());
          }
        }
        if (required.size() > 0) {
          o.set("required", required);
        }
      }
      Object additional = s.additionalProperties();
      if (additional instanceof Schema) {
        o.set("additionalProperties",
            property((Schema) additional, includeReadOnly, path, depth + 1));
      } else if (Boolean.FALSE.equals(additional)) {
        o.put("additionalProperties", false);
      }
      if (s.items() != null) {
        o.set("items", property(s.items(), includeReadOnly, path, depth + 1));
      }
    } finally {
      if (component != null) {
        path.pop();
      }
    }
    return o;
  }
}
