package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds {@link Schema} objects from the OpenAPI document. A component is built the first time
 * something refers to it: its (empty) schema is registered before its contents are filled, so
 * references, even recursive ones, always find their target. Not thread-safe; the catalogue
 * uses it under a lock.
 */
final class SchemaFactory {

  private static final String COMPONENT_PREFIX = "#/components/schemas/";

  /** Finds a component schema's tree by name (null when there is none). */
  private final Function<String, JsonNode> componentNodes;
  private final Map<String, Schema> components = new HashMap<>();

  /**
   * @param components finds a component schema of the spec by name; asked once per component,
   *     the first time something refers to it
   */
  SchemaFactory(Function<String, JsonNode> components) {
    this.componentNodes = components;
  }

  /**
   * The schema of a node found anywhere in the spec (a parameter's or a body's schema).
   *
   * @param node an OpenAPI schema object, possibly a reference
   * @return the schema; an "any value" schema for a missing node
   */
  Schema build(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull() || !node.isObject()) {
      return new Schema();
    }
    JsonNode ref = node.get("$ref");
    if (ref != null && ref.isTextual()) {
      Schema target = component(ref.asText());
      if (node.size() == 1) {
        return target;
      }
      Schema refined = new Schema();
      refined.base = target;
      fillKeywords(refined, node);
      return refined;
    }
    JsonNode allOf = node.get("allOf");
    if (allOf != null && allOf.isArray() && allOf.size() == 1) {
      Schema refined = new Schema();
      refined.base = build(allOf.get(0));
      fillKeywords(refined, node);
      return refined;
    }
    Schema s = new Schema();
    fill(s, node);
    return s;
  }

  private Schema component(String ref) {
    if (!ref.startsWith(COMPONENT_PREFIX)) {
      throw new IllegalStateException("unsupported $ref in the spec: " + ref);
    }
    String name = ref.substring(COMPONENT_PREFIX.length());
    Schema s = components.get(name);
    if (s == null) {
      JsonNode node = componentNodes.apply(name);
      if (node == null || !node.isObject()) {
        throw new IllegalStateException("the spec refers to a missing schema: " + ref);
      }
      s = new Schema();
      s.componentName = name;
      components.put(name, s);
      fill(s, node);
    }
    return s;
  }

  private void fill(Schema s, JsonNode node) {
    if (node.has("$ref") || (node.has("allOf") && node.get("allOf").size() == 1)) {
      s.base = node.has("$ref") ? component(node.get("$ref").asText())
          : build(node.get("allOf").get(0));
      fillKeywords(s, node);
      return;
    }
    fillKeywords(s, node);
    JsonNode allOf = node.get("allOf");
    if (allOf != null && allOf.isArray() && allOf.size() > 1) {
      // Several parts: merge their properties and required lists (not used by the curated spec).
      s.properties = Schema.newProperties();
      s.required = Schema.newRequired();
      for (JsonNode part : allOf) {
        Schema p = build(part);
        s.properties.putAll(p.properties());
        s.required.addAll(p.required());
        if (s.type == null) {
          s.type = p.type();
        }
      }
    }
    if (s.type == null) {
      if (node.has("properties") || node.has("additionalProperties")) {
        s.type = "object";
      } else if (node.has("items")) {
        s.type = "array";
      }
    }
  }

  /** Copies the keywords of a node that describe it directly (not through a reference). */
  private void fillKeywords(Schema s, JsonNode node) {
    s.type = text(node, "type");
    s.format = text(node, "format");
    s.description = text(node, "description");
    if (node.has("nullable")) {
      s.nullable = node.get("nullable").asBoolean();
    }
    if (node.has("readOnly")) {
      s.readOnly = node.get("readOnly").asBoolean();
    }
    if (node.has("default")) {
      s.defaultValue = node.get("default");
    }
    if (node.has("minimum") && node.get("minimum").isNumber()) {
      s.minimum = node.get("minimum").decimalValue();
    }
    if (node.has("maximum") && node.get("maximum").isNumber()) {
      s.maximum = node.get("maximum").decimalValue();
    }
    JsonNode en = node.get("enum");
    if (en != null && en.isArray()) {
      List<JsonNode> values = new ArrayList<>();
      en.forEach(values::add);
      s.enumValues = Collections.unmodifiableList(values);
    }
    JsonNode items = node.get("items");
    if (items != null) {
      s.items = build(items);
    }
    JsonNode props = node.get("properties");
    if (props != null && props.isObject()) {
      s.properties = Schema.newProperties();
      Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        s.properties.put(e.getKey(), build(e.getValue()));
      }
      s.properties = Collections.unmodifiableMap(s.properties);
    }
    JsonNode req = node.get("required");
    if (req != null && req.isArray()) {
      s.required = Schema.newRequired();
      req.forEach(r -> s.required.add(r.asText()));
      s.required = Collections.unmodifiableSet(s.required);
    }
    JsonNode add = node.get("additionalProperties");
    if (add != null) {
      s.additionalProperties = add.isBoolean() ? (Object) add.asBoolean() : build(add);
    }
    JsonNode aliases = node.get("x-hedgekit-aliases");
    if (aliases != null && aliases.isArray()) {
      List<String> names = new ArrayList<>();
      aliases.forEach(a -> names.add(a.asText()));
      s.aliases = Collections.unmodifiableList(names);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
