package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec as JSON bytes, read in one streaming pass that keeps only what listing actions
 * needs (each operation's slugs, texts, tags and upstream marks) and where everything else
 * lies: the byte range of each operation, of each path's shared parameters, and of each
 * component schema and parameter. Those ranges are parsed into trees only when an action is
 * built, so a process that runs one action parses a few kilobytes of the spec, not all of it.
 * Immutable after {@link #read(byte[])}; parsing a range is thread-safe.
 */
final class SpecSlices {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "patch", "head", "options");

  /** One operation as the streaming pass saw it. */
  static final class Operation {
    String method;
    String path;
    String operationId = "";
    String summary = "";
    String description = "";
    String area = "";
    String upstream;
    String replacement;
    boolean deprecated;
    final List<String> slugs = new ArrayList<>();
    /** The operation object's bytes. */
    Range self;
    /** The path item's {@code parameters} array, or null. */
    Range pathParameters;
  }

  /** A run of bytes holding one JSON value. */
  static final class Range {
    final int offset;
    final int length;

    Range(int offset, int length) {
      this.offset = offset;
      this.length = length;
    }
  }

  private final byte[] bytes;
  private final List<Operation> operations;
  private final Map<String, Range> schemas;
  private final Map<String, Range> parameters;

  private SpecSlices(byte[] bytes, List<Operation> operations, Map<String, Range> schemas,
      Map<String, Range> parameters) {
    this.bytes = bytes;
    this.operations = operations;
    this.schemas = schemas;
    this.parameters = parameters;
  }

  /**
   * Reads a spec.
   *
   * @param bytes the OpenAPI document as UTF-8 JSON; kept, not copied
   * @return the index
   * @throws IllegalStateException if the bytes are not a JSON object
   */
  static SpecSlices read(byte[] bytes) {
    List<Operation> operations = new ArrayList<>();
    Map<String, Range> schemas = new HashMap<>();
    Map<String, Range> parameters = new HashMap<>();
    try (JsonParser p = Json.mapper().getFactory().createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("the spec is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("paths".equals(field) && value == JsonToken.START_OBJECT) {
          readPaths(p, operations);
        } else if ("components".equals(field) && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String kind = p.currentName();
            JsonToken v = p.nextToken();
            if ("schemas".equals(kind) && v == JsonToken.START_OBJECT) {
              readRanges(p, schemas);
            } else if ("parameters".equals(kind) && v == JsonToken.START_OBJECT) {
              readRanges(p, parameters);
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("the PostHog spec is not valid JSON: " + e.getMessage(), e);
    }
    return new SpecSlices(bytes, List.copyOf(operations), Map.copyOf(schemas),
        Map.copyOf(parameters));
  }

  private static void readPaths(JsonParser p, List<Operation> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String path = p.currentName();
      if (p.nextToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      List<Operation> ops = new ArrayList<>();
      Range shared = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if ("parameters".equals(key) && value == JsonToken.START_ARRAY) {
          shared = range(p);
        } else if (METHODS.contains(key) && value == JsonToken.START_OBJECT) {
          Operation op = readOperation(p);
          op.method = key;
          op.path = path;
          ops.add(op);
        } else {
          p.skipChildren();
        }
      }
      for (Operation op : ops) {
        op.pathParameters = shared;
        out.add(op);
      }
    }
  }

  /** Reads the fields the index needs; the parser is on the operation's START_OBJECT. */
  private static Operation readOperation(JsonParser p) throws IOException {
    Operation op = new Operation();
    int start = offset(p);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      switch (key) {
        case "operationId":
          op.operationId = text(p, value, "");
          break;
        case "summary":
          op.summary = text(p, value, "");
          break;
        case "description":
          op.description = text(p, value, "");
          break;
        case "x-hedgekit-upstream":
          op.upstream = text(p, value, null);
          break;
        case "x-hedgekit-replacement":
          op.replacement = text(p, value, null);
          break;
        case "deprecated":
          op.deprecated = value == JsonToken.VALUE_TRUE;
          break;
        case "tags":
        case "x-composio-slugs":
          if (value == JsonToken.START_ARRAY) {
            List<String> texts = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
              if (t == JsonToken.VALUE_STRING) {
                texts.add(p.getText());
              } else {
                p.skipChildren();
              }
            }
            if ("tags".equals(key)) {
              op.area = texts.isEmpty() ? "" : texts.get(0);
            } else {
              op.slugs.addAll(texts);
            }
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    op.self = new Range(start, offset(p) + 1 - start);
    return op;
  }

  /** Records the range of every member of the object the parser is on. */
  private static void readRanges(JsonParser p, Map<String, Range> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      out.put(name, range(p));
    }
  }

  /** The range of the value starting at the current token; leaves the parser at its end. */
  private static Range range(JsonParser p) throws IOException {
    int start = offset(p);
    p.skipChildren();
    return new Range(start, offset(p) + 1 - start);
  }

  private static int offset(JsonParser p) {
    return Math.toIntExact(p.currentTokenLocation().getByteOffset());
  }

  private static String text(JsonParser p, JsonToken value, String fallback) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return fallback;
  }

  /** @return the operations, in spec order */
  List<Operation> operations() {
    return operations;
  }

  /**
   * @param name a component schema name
   * @return its tree (parsed now), or null when there is no such schema
   */
  JsonNode schema(String name) {
    return parse(schemas.get(name));
  }

  /**
   * @param name a component parameter name
   * @return its tree (parsed now), or null when there is no such parameter
   */
  JsonNode parameter(String name) {
    return parse(parameters.get(name));
  }

  /**
   * @param range a range of the spec, or null
   * @return its tree, or null for a null range
   */
  JsonNode parse(Range range) {
    if (range == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(bytes, range.offset, range.length);
    } catch (IOException e) {
      throw new IllegalStateException("a part of the PostHog spec is not valid JSON", e);
    }
  }
}
