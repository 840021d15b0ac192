package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the query nodes PostHog's query API takes. A node is a JSON object with a
 * {@code kind}; the builders return a new {@link ObjectNode} the caller may extend.
 *
 * <pre>{@code
 * ObjectNode q = QueryNodes.hogql("select count() from events where event = {e}", Map.of("e", name));
 * }</pre>
 */
public final class QueryNodes {

  /** The {@code kind} of a HogQL query node. */
  public static final String HOGQL = "HogQLQuery";

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
}
