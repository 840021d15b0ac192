package dev.hedgekit.posthog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test shorthand: any value as a JSON tree, for model fields typed as free-form JSON. */
public final class Trees {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Trees() {
  }

  /** @return a new empty JSON object */
  public static com.fasterxml.jackson.databind.node.ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** @return the JSON text parsed, failing the test on bad JSON */
  public static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** @return the value as a JSON tree */
  public static JsonNode json(Object value) {
    return MAPPER.valueToTree(value);
  }
}
