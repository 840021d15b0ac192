package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.internal.json.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link Toolkit#execute} call: either the decoded answer
 * ({@link #data()}) or why it failed ({@link #error()}). Never both.
 *
 * <p>{@link #toJson()} renders the uniform envelope used by tool-calling agents:
 * <pre>{@code
 * {"data": {...} | [...] | null, "successful": true | false, "error": null | "readable message"}
 * }</pre>
 *
 * <p>The data tree is handed out as is: treat it as read-only.
 */
public final class ToolResult {

  private final String slug;
  private final JsonNode data;
  private final ToolError error;
  private final Integer status;

  private ToolResult(String slug, JsonNode data, ToolError error, Integer status) {
    this.slug = slug;
    this.data = data;
    this.error = error;
    this.status = status;
  }

  static ToolResult success(String slug, JsonNode data, int status) {
    return new ToolResult(slug, data, null, status);
  }

  /** An answer made here, without a request (describing an action): no status. */
  static ToolResult local(String slug, JsonNode data) {
    return new ToolResult(slug, data, null, null);
  }

  static ToolResult failure(String slug, ToolError error) {
    return new ToolResult(slug, null, Objects.requireNonNull(error, "error"), error.status());
  }

  /** @return the slug the call named, as given (may be unknown or null for such failures) */
  public String slug() {
    return slug;
  }

  /** @return whether PostHog answered with a success status and the answer was decoded */
  public boolean successful() {
    return error == null;
  }

  /**
   * The decoded answer: a JSON object or array (or, rarely, a scalar when the endpoint answers
   * one). Java null for a 204, an empty body, or a failed call.
   *
   * @return the answer, or null
   */
  public JsonNode data() {
    return data;
  }

  /** @return why the call failed, or null when it succeeded */
  public ToolError error() {
    return error;
  }

  /**
   * The typed exception behind a failure that happened while the call ran: a
   * {@link dev.hedgekit.posthog.errors.PostHogApiException} subclass for an API error,
   * {@link dev.hedgekit.posthog.errors.PostHogIoException} for the network,
   * {@link dev.hedgekit.posthog.errors.PostHogTimeoutException},
   * {@link dev.hedgekit.posthog.errors.PostHogDecodeException}, or a plain
   * {@link PostHogException} wrapping a cancellation or client failure. Empty on success and
   * for validation errors (nothing was sent).
   *
   * @return the exception, if any
   */
  public Optional<PostHogException> exception() {
    return error == null ? Optional.empty() : Optional.ofNullable(error.exception());
  }

  /** @return the HTTP status PostHog answered with, or null when no answer was received */
  public Integer status() {
    return status;
  }

  /**
   * The uniform envelope: {@code {"data": ..., "successful": bool, "error": null | string}},
   * where {@code error} is {@link ToolError#message()}.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("data", data == null ? JsonNodeFactory.instance.nullNode() : data);
    o.put("successful", successful());
    if (error == null) {
      o.putNull("error");
    } else {
      o.put("error", error.message());
    }
    return o;
  }

  /** @return {@link #toJson()} as compact JSON text */
  public String toJsonString() {
    try {
      return Json.mapper().writeValueAsString(toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  @Override
  public String toString() {
    return "ToolResult{" + slug + ", " + (error == null ? "successful" : error.toString()) + "}";
  }
}
