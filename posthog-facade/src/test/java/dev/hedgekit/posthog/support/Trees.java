package dev.hedgekit.posthog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test shorthand: any value as a JSON tree, for model fields typed as free-form JSON. */
public final class Trees {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Trees() {
  }

  /** @return the value as a JSON tree */
  public static JsonNode json(Object value) {
    return MAPPER.valueToTree(value);
  }
}
