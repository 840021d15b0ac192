package dev.hedgekit.posthog.toolkit;

import dev.hedgekit.posthog.internal.config.Uuids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hedgekit.posthog.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks one value against its schema, converting it first where the schema's type allows only
 * one reading (see {@link Toolkit} for the rules), and words every failure in the one message
 * shape {@code parameter 'NAME' of SLUG: DETAIL}.
 */
final class Coercion {

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final int SHOWN = 60;

  private Coercion() {
  }

  /**
   * Coerces and checks a value.
   *
   * @param value the value as a JSON tree (JSON null for Java null)
   * @param schema its schema
   * @param name the parameter as the caller named it (used in messages)
   * @param slug the action (used in messages)
   * @param problems where failures are added
   * @return the value to send, or null (Java) if a problem was added
   */
  static JsonNode coerce(JsonNode value, Schema schema, String name, String slug,
      List<ValidationProblem> problems) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      if (schema.nullable() || schema.type() == null) {
        return NullNode.getInstance();
      }
      problems.add(problem(name, slug, ValidationRule.NOT_NULLABLE, "null is not allowed"));
      return null;
    }
    String type = schema.type();
    JsonNode v = value;
    if (type != null) {
      v = toType(value, type);
      if (v == null) {
        problems.add(problem(name, slug, ValidationRule.TYPE,
            "expected " + type + ", got " + describe(value)));
        return null;
      }
    }
    if (v.isArray() && schema.items() != null) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode(v.size());
      boolean ok = true;
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = coerce(v.get(i), schema.items(), name + "[" + i + "]", slug, problems);
        if (item == null) {
          ok = false;
        } else {
          items.add(item);
        }
      }
      if (!ok) {
        return null;
      }
      v = items;
    }
    if (v.isTextual() && schema.format() != null) {
      String detail = checkFormat(schema.format(), v.asText());
      if (detail != null) {
        problems.add(problem(name, slug, ValidationRule.FORMAT,
            "expected format " + detail + ", got " + describe(v)));
        return null;
      }
    }
    List<JsonNode> allowed = schema.enumValues();
    if (allowed != null && !contains(allowed, v)) {
      StringBuilder sb = new StringBuilder("expected one of ");
      for (int i = 0; i < allowed.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(allowed.get(i).toString());
      }
      problems.add(problem(name, slug, ValidationRule.ENUM,
          sb.append(", got ").append(describe(v)).toString()));
      return null;
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      if (schema.minimum() != null && d.compareTo(schema.minimum()) < 0) {
        problems.add(problem(name, slug, ValidationRule.MINIMUM,
            "expected at least " + schema.minimum().toPlainString() + ", got " + describe(v)));
        return null;
      }
      if (schema.maximum() != null && d.compareTo(schema.maximum()) > 0) {
        problems.add(problem(name, slug, ValidationRule.MAXIMUM,
            "expected at most " + schema.maximum().toPlainString() + ", got " + describe(v)));
        return null;
      }
    }
    return v;
  }

  /** The value as the given JSON type, or null when it cannot be read as one unambiguously. */
  private static JsonNode toType(JsonNode v, String type) {
    switch (type) {
      case "string":
        if (v.isTextual()) {
          return v;
        }
        if (v.isIntegralNumber()) {
          return TextNode.valueOf(v.bigIntegerValue().toString());
        }
        if (v.isNumber()) {
          return TextNode.valueOf(plain(v.decimalValue()));
        }
        return null;
      case "integer":
        if (v.isIntegralNumber()) {
          return v;
        }
        if (v.isNumber()) {
          return integral(v);
        }
        if (v.isTextual() && INTEGER.matcher(v.asText()).matches()) {
          return integerNode(new BigInteger(v.asText()));
        }
        return null;
      case "number":
        if (v.isNumber()) {
          return v;
        }
        if (v.isTextual() && NUMBER.matcher(v.asText()).matches()) {
          return parse(v.asText());
        }
        return null;
      case "boolean":
        if (v.isBoolean()) {
          return v;
        }
        if (v.isTextual() && ("true".equalsIgnoreCase(v.asText())
            || "false".equalsIgnoreCase(v.asText()))) {
          return BooleanNode.valueOf(Boolean.parseBoolean(v.asText()));
        }
        return null;
      case "object":
        if (v.isObject()) {
          return v;
        }
        if (v.isTextual()) {
          JsonNode parsed = parse(v.asText());
          return parsed != null && parsed.isObject() ? parsed : null;
        }
        return null;
      case "array":
        if (v.isArray()) {
          return v;
        }
        if (v.isTextual()) {
          JsonNode parsed = parse(v.asText());
          return parsed != null && parsed.isArray() ? parsed : null;
        }
        return null;
      default:
        return v;
    }
  }

  private static JsonNode integral(JsonNode v) {
    try {
      BigDecimal d = v.decimalValue();
      if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
        return null;
      }
      return integerNode(d.toBigIntegerExact());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static JsonNode integerNode(BigInteger i) {
    if (i.bitLength() < 32) {
      return IntNode.valueOf(i.intValue());
    }
    if (i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0) {
      return LongNode.valueOf(i.longValue());
    }
    return BigIntegerNode.valueOf(i);
  }

  private static JsonNode parse(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** @return null when the text has the format, else how the format is named in messages */
  private static String checkFormat(String format, String text) {
    switch (format) {
      case "uuid":
        return Uuids.isUuid(text) ? null : "uuid";
      case "date-time":
        try {
          OffsetDateTime.parse(text);
          return null;
        } catch (DateTimeParseException e) {
          return "date-time (ISO 8601 with offset, e.g. 2024-01-31T09:00:00Z)";
        }
      case "email":
        return EMAIL.matcher(text).matches() ? null : "email";
      case "uri":
        try {
          return new URI(text).isAbsolute() ? null : "uri (absolute, e.g. https://example.com/x)";
        } catch (URISyntaxException e) {
          return "uri (absolute, e.g. https://example.com/x)";
        }
      default:
        return null;
    }
  }

  private static boolean contains(List<JsonNode> allowed, JsonNode v) {
    for (JsonNode a : allowed) {
      if (a.isNumber() && v.isNumber()) {
        if (a.decimalValue().compareTo(v.decimalValue()) == 0) {
          return true;
        }
      } else if (a.equals(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How a value is shown in messages: {@code string "abc"}, {@code integer 42},
   * {@code number 3.5}, {@code boolean true}, {@code object}, {@code array} or {@code null}.
   *
   * @param v the value
   * @return the description
   */
  static String describe(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isTextual()) {
      String t = v.asText();
      if (t.length() > SHOWN) {
        t = t.substring(0, SHOWN - 3) + "...";
      }
      return "string " + TextNode.valueOf(t).toString();
    }
    if (v.isIntegralNumber()) {
      return "integer " + v.asText();
    }
    if (v.isNumber()) {
      return "number " + plain(v.decimalValue());
    }
    if (v.isBoolean()) {
      return "boolean " + v.asText();
    }
    return v.isArray() ? "array" : v.isObject() ? "object" : v.getNodeType().name().toLowerCase();
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  /**
   * @param name the parameter as the caller named it
   * @param slug the action
   * @param rule the rule
   * @param detail what is wrong
   * @return the problem with the message {@code parameter 'NAME' of SLUG: DETAIL}
   */
  static ValidationProblem problem(String name, String slug, ValidationRule rule, String detail) {
    return new ValidationProblem(name, rule, "parameter '" + name + "' of " + slug + ": " + detail);
  }
}
