package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the query nodes PostHog's query API takes. A node is a JSON object with a
 * {@code kind}; the builders return a new {@link ObjectNode} the caller may extend.
 *
 * <p>This class holds the HogQL node and the entity nodes (what an insight counts: events or
 * an action); {@link InsightQueries} builds the insight and actor queries around them.
 *
 * <pre>{@code
 * ObjectNode q = QueryNodes.hogql("select count() from events where event = {e}", Map.of("e", name));
 * ObjectNode dau = QueryNodes.event("$pageview").put("math", "dau");
 * }</pre>
 */
public final class QueryNodes {

  /** The {@code kind} of a HogQL query node. */
  public static final String HOGQL = "HogQLQuery";

  /** The {@code kind} of an entity node that counts events. */
  public static final String EVENTS_NODE = "EventsNode";

  /** The {@code kind} of an entity node that counts an action. */
  public static final String ACTIONS_NODE = "ActionsNode";

  private QueryNodes() {
  }

  /**
   * A HogQL query: {@code {"kind": "HogQLQuery", "query": sql}}.
   *
   * @param sql the HogQL text
   * @return a new node
   */
  public static ObjectNode hogql(String sql) {
    return hogql(sql, Map.of());
  }

  /**
   * A HogQL query with placeholder values: PostHog puts each value where {@code {name}} stands
   * in the SQL, as a constant; this is the safe way to bring caller input into a query.
   *
   * @param sql the HogQL text with {@code {name}} placeholders
   * @param values values by name (strings, numbers, booleans, lists); empty for none
   * @return a new node
   */
  public static ObjectNode hogql(String sql, Map<String, ?> values) {
    Objects.requireNonNull(sql, "sql must not be null");
    Objects.requireNonNull(values, "values must not be null");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("sql must not be blank");
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("kind", HOGQL);
    node.put("query", sql);
    if (!values.isEmpty()) {
      node.putPOJO("values", values);
    }
    return node;
  }

  /**
   * An entity node counting one event: {@code {"kind": "EventsNode", "event": event}}. Extend
   * it with {@code math} ({@code total} by default; {@code dau}, {@code weekly_active},
   * {@code unique_session}, {@code sum}, ...), {@code math_property}, {@code properties} or
   * {@code custom_name}.
   *
   * @param event the event's name, e.g. {@code $pageview}
   * @return a new node
   */
  public static ObjectNode event(String event) {
    Objects.requireNonNull(event, "event must not be null");
    if (event.isBlank()) {
      throw new IllegalArgumentException("event must not be blank; for every event use"
          + " allEvents()");
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("kind", EVENTS_NODE);
    node.put("event", event);
    return node;
  }

  /**
   * An entity node counting every event: {@code {"kind": "EventsNode", "event": null}}.
   *
   * @return a new node
   */
  public static ObjectNode allEvents() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("kind", EVENTS_NODE);
    node.putNull("event");
    return node;
  }

  /**
   * An entity node counting an action: {@code {"kind": "ActionsNode", "id": actionId}}.
   *
   * @param actionId the action's numeric id
   * @return a new node
   */
  public static ObjectNode action(long actionId) {
    if (actionId <= 0) {
      throw new IllegalArgumentException("actionId must be positive, was " + actionId);
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("kind", ACTIONS_NODE);
    node.put("id", actionId);
    return node;
  }
}
