package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One tool as an agent sees it, independent of any provider's wire shape: a name, a
 * description, a JSON Schema of its input, and hints about what calling it does (the hints
 * MCP calls {@code readOnlyHint}, {@code destructiveHint} and {@code idempotentHint}).
 * Obtained from {@link ToolSet#definitions()} or {@link ToolSet#compactDefinitions()};
 * immutable.
 */
public final class ToolDefinition {

  private final String name;
  private final String description;
  private final ObjectNode inputSchema;
  private final boolean readOnly;
  private final boolean destructive;
  private final boolean idempotent;

  ToolDefinition(String name, String description, ObjectNode inputSchema, boolean readOnly,
      boolean destructive, boolean idempotent) {
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema");
    this.readOnly = readOnly;
    this.destructive = destructive;
    this.idempotent = idempotent;
  }

  /**
   * The tool of one action, with its hints from the HTTP method.
   *
   * @param a the action
   * @param description what to tell the model
   * @param inputSchema the parameters' schema
   * @return the definition
   */
  static ToolDefinition of(ToolSpec a, String description, ObjectNode inputSchema) {
    boolean read = a.readOnly();
    return new ToolDefinition(a.slug, description, inputSchema, read, "DELETE".equals(a.method),
        read || "PUT".equals(a.method) || "DELETE".equals(a.method));
  }

  /** @return the tool name: an action slug, or one of the two compact tools' names */
  public String name() {
    return name;
  }

  /** @return what the tool does, shortened for a model; never empty */
  public String description() {
    return description;
  }

  /**
   * The input as a JSON Schema object: {@code type: object}, {@code properties},
   * {@code required} when something is, and {@code additionalProperties: false}.
   *
   * @return a copy
   */
  public ObjectNode inputSchema() {
    return inputSchema.deepCopy();
  }

  /** @return whether the tool only reads (an HTTP GET, or describing an action) */
  public boolean readOnly() {
    return readOnly;
  }

  /** @return whether the tool may delete something (an HTTP DELETE, or running any action) */
  public boolean destructive() {
    return destructive;
  }

  /** @return whether calling it twice with the same input does no more than calling it once */
  public boolean idempotent() {
    return idempotent;
  }

  @Override
  public String toString() {
    return "ToolDefinition{" + name + "}";
  }
}
