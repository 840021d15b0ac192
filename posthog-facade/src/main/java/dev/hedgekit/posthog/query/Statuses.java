package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.generated.model.QueryStatus;
import dev.hedgekit.posthog.internal.json.Json;

/**
 * Reads a {@code query_status} object: from a response already decoded, or from the body of
 * an error response (PostHog reports a failed query's status with a 4xx or 5xx code).
 */
final class Statuses {

  private Statuses() {
  }

  static QueryStatus decode(JsonNode queryStatus) {
    try {
      return Json.mapper().treeToValue(queryStatus, QueryStatus.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PostHogDecodeException("could not decode a query_status: " + e.getMessage(), e, 0);
    }
  }

  /** The failed status an error response carries, or null when it carries none. */
  static QueryStatus ofFailure(PostHogApiException e) {
    try {
      JsonNode body = Json.mapper().readTree(e.body());
      JsonNode qs = body == null ? null : body.get("query_status");
      if (qs != null && qs.isObject() && qs.path("error").asBoolean(false)) {
        return decode(qs);
      }
    } catch (JsonProcessingException | PostHogDecodeException ignored) {
      // not a query status: the error stands as it is
    }
    return null;
  }
}
