package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI 3.0 schema of the spec with {@code $ref} and single-entry {@code allOf} resolved:
 * the facts the action layer needs to validate, coerce and describe a value.
 *
 * <p>A schema that refers to another and overrides a few keywords (a {@code $ref} inside a
 * one-entry {@code allOf} next to {@code readOnly}, {@code nullable} or a description) keeps
 * the referenced schema as its {@link #base}: every unset fact falls through to it. This keeps
 * recursive component schemas finite. Instances are built once by {@link SchemaFactory} and
 * never change afterwards, so they are safe to share.
 */
final class Schema {

  /** Schema this one refines, or null. */
  Schema base;
  /** Component name when this is a component schema, else null. */
  String componentName;
  String type;
  String format;
  List<JsonNode> enumValues;
  Boolean nullable;
  Boolean readOnly;
  JsonNode defaultValue;
  String description;
  BigDecimal minimum;
  BigDecimal maximum;
  Schema items;
  Map<String, Schema> properties;
  Set<String> required;
  /** Boolean.TRUE, Boolean.FALSE, a Schema, or null when not stated. */
  Object additionalProperties;
  List<String> aliases;

  /** @return the JSON type (string, integer, number, boolean, object, array), or null for any */
  String type() {
    if (type != null) {
      return type;
    }
    return base != null ? base.type() : null;
  }

  String format() {
    return format != null ? format : base != null ? base.format() : null;
  }

  /** @return the allowed values, or null when not restricted */
  List<JsonNode> enumValues() {
    return enumValues != null ? enumValues : base != null ? base.enumValues() : null;
  }

  boolean nullable() {
    return nullable != null ? nullable : base != null && base.nullable();
  }

  boolean readOnly() {
    return readOnly != null ? readOnly : base != null && base.readOnly();
  }

  JsonNode defaultValue() {
    return defaultValue != null ? defaultValue : base != null ? base.defaultValue() : null;
  }

  String description() {
    return description != null ? description : base != null ? base.description() : null;
  }

  BigDecimal minimum() {
    return minimum != null ? minimum : base != null ? base.minimum() : null;
  }

  BigDecimal maximum() {
    return maximum != null ? maximum : base != null ? base.maximum() : null;
  }

  Schema items() {
    return items != null ? items : base != null ? base.items() : null;
  }

  /** @return the declared properties in spec order, never null */
  Map<String, Schema> properties() {
    if (properties != null) {
      return properties;
    }
    return base != null ? base.properties() : Collections.emptyMap();
  }

  /** @return the required property names, never null */
  Set<String> required() {
    if (required != null) {
      return required;
    }
    return base != null ? base.required() : Collections.emptySet();
  }

  Object additionalProperties() {
    return additionalProperties != null ? additionalProperties
        : base != null ? base.additionalProperties() : null;
  }

  /** @return other names accepted for this property ({@code x-hedgekit-aliases}), never null */
  List<String> aliases() {
    if (aliases != null) {
      return aliases;
    }
    return base != null ? base.aliases() : Collections.emptyList();
  }

  /** @return whether values of this schema are JSON objects with declared properties */
  boolean hasProperties() {
    return !properties().isEmpty();
  }

  /** @return the component this schema is or refines, or null for an inline schema */
  String component() {
    return componentName != null ? componentName : base != null ? base.component() : null;
  }

  static Map<String, Schema> newProperties() {
    return new LinkedHashMap<>();
  }

  static Set<String> newRequired() {
    return new LinkedHashSet<>();
  }

  @Override
  public String toString() {
    return "Schema{" + (component() != null ? component() + ", " : "") + type() + "}";
  }
}
