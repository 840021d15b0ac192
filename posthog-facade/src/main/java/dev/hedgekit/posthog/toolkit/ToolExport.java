package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Tool definitions cut down to what a model reads: the parameters schema without
 * {@code $schema}, {@code title} and the top-level description (the tool's description says
 * it once), read-only body fields left out, and every description folded onto one line and
 * shortened at a sentence end.
 */
final class ToolExport {

  /** The longest tool description exported. */
  static final int MAX_TOOL_DESCRIPTION = 1024;
  /** The longest parameter description exported. */
  static final int MAX_PARAMETER_DESCRIPTION = 300;

  private ToolExport() {
  }

  /**
   * The tool description: {@link SchemaExport#description(ToolSpec)} (deprecation or removal
   * first, with the replacement), on one line, at most {@value #MAX_TOOL_DESCRIPTION}
   * characters.
   *
   * @param a the action
   * @return the text
   */
  static String description(ToolSpec a) {
    return shorten(SchemaExport.description(a), MAX_TOOL_DESCRIPTION);
  }

  /**
   * The input schema of a tool.
   *
   * @param a the action
   * @param defaultProject the client's project id, or null
   * @param defaultOrganization the client's organization id, or null
   * @return a new schema object: {@code type}, {@code properties}, {@code required},
   *     {@code additionalProperties: false}
   */
  static ObjectNode inputSchema(ToolSpec a, String defaultProject, String defaultOrganization) {
    ObjectNode full = SchemaExport.parameters(a, false, defaultProject, defaultOrganization);
    full.remove("$schema");
    full.remove("title");
    full.remove("description");
    trim(full);
    return full;
  }

  /** Shortens the descriptions of a schema and of everything it contains. */
  private static void trim(JsonNode schema) {
    if (!(schema instanceof ObjectNode)) {
      return;
    }
    ObjectNode o = (ObjectNode) schema;
    JsonNode d = o.get("description");
    if (d != null && d.isTextual()) {
      String t = shorten(d.asText(), MAX_PARAMETER_DESCRIPTION);
      if (t.isEmpty()) {
        o.remove("description");
      } else {
        o.put("description", t);
      }
    }
    JsonNode props = o.get("properties");
    if (props instanceof ObjectNode) {
      Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator();
      while (it.hasNext()) {
        trim(it.next().getValue());
      }
    }
    trim(o.get("items"));
    trim(o.get("additionalProperties"));
  }

  /**
   * Folds whitespace runs (line breaks included) into single spaces and, when the text is
   * longer than {@code max}, cuts it after the last sentence that fits, or else at a word
   * boundary followed by an ellipsis.
   *
   * @param text any text, or null
   * @param max the longest result
   * @return the shortened text, never null
   */
  static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.length() <= max) {
      return t;
    }
    String head = t.substring(0, max);
    int sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".)"));
    if (head.endsWith(".")) {
      return head;
    }
    if (sentence >= max / 2) {
      return head.substring(0, sentence + 1);
    }
    int space = t.lastIndexOf(' ', max - 1);
    int cut = space >= max / 2 ? space : max - 1;
    return t.substring(0, cut).stripTrailing() + "\u2026";
  }
}
