package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hedgekit.posthog.errors.QueryFailedException;
import dev.hedgekit.posthog.generated.model.QueryStatus;

/** What PostHog's last response said about a query: its status, and its results when done. */
final class Snapshot {

  final String id;
  final QueryStatus status;
  final boolean complete;
  final boolean failed;
  final JsonNode result;

  private Snapshot(String id, QueryStatus status, boolean complete, boolean failed,
      JsonNode result) {
    this.id = id;
    this.status = status;
    this.complete = complete;
    this.failed = failed;
    this.result = result;
  }

  /** Nothing known yet about a query just submitted. */
  static Snapshot pending(String id) {
    return new Snapshot(id, null, false, false, null);
  }

  /** From the response to the submission: a status to poll, or the results themselves. */
  static Snapshot ofSubmission(JsonNode response, String sentId) {
    JsonNode qs = response.get("query_status");
    if (qs == null || !qs.isObject()) {
      return new Snapshot(sentId, null, true, false, response);
    }
    QueryStatus status = Statuses.decode(qs);
    Snapshot s = ofStatus(status, sentId);
    if (s.complete && !s.failed && status.getResults() == null) {
      // Cached results ride beside their (complete) status.
      return new Snapshot(s.id, status, true, false, response);
    }
    return s;
  }

  /** From a status: complete when PostHog says so, or failed. */
  static Snapshot ofStatus(QueryStatus status, String fallbackId) {
    String id = status.getId() != null && !status.getId().isEmpty() ? status.getId() : fallbackId;
    boolean failed = Boolean.TRUE.equals(status.getError());
    boolean complete = failed || Boolean.TRUE.equals(status.getComplete());
    JsonNode results = status.getResults();
    return new Snapshot(id, status, complete, failed,
        results == null ? NullNode.getInstance() : results);
  }

  /** The results, or the failure PostHog reported. */
  JsonNode result(String queryId) {
    if (failed) {
      throw new QueryFailedException(id != null ? id : queryId, status.getErrorMessage());
    }
    return result;
  }
}
