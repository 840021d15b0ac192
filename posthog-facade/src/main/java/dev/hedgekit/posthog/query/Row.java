package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One row of a HogQL result: its values in column order, readable by position or by column
 * name. A SQL {@code NULL} reads as a JSON null node, never as Java {@code null}. Immutable.
 *
 * <pre>{@code
 * try (Stream<Row> rows = query.rows("select event, count() as n from events group by event")) {
 *   rows.forEach(r -> System.out.println(r.get("event").asText() + " " + r.get("n").asLong()));
 * }
 * }</pre>
 */
public final class Row {

  private final Columns columns;
  private final JsonNode values;

  Row(Columns columns, JsonNode values) {
    this.columns = columns;
    this.values = values;
  }

  /**
   * @param index the column's position, from 0
   * @return its value
   * @throws IndexOutOfBoundsException if the row has no such column
   */
  public JsonNode get(int index) {
    if (index < 0 || index >= values.size()) {
      throw new IndexOutOfBoundsException("column " + index + " of a row with " + values.size()
          + " values " + columns.names);
    }
    JsonNode v = values.get(index);
    return v == null ? NullNode.getInstance() : v;
  }

  /**
   * @param column a column name as PostHog reports it ({@code AS} aliases included)
   * @return its value
   * @throws IllegalArgumentException if the result has no such column
   */
  public JsonNode get(String column) {
    Integer i = columns.index.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column '" + column + "' in this result; its columns"
          + " are " + columns.names + " (name a column with AS in the SQL)");
    }
    return get(i);
  }

  /** @return the column names, in order */
  public List<String> columns() {
    return columns.names;
  }

  /** @return the values, in column order */
  public List<JsonNode> values() {
    List<JsonNode> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(get(i));
    }
    return Collections.unmodifiableList(out);
  }

  /** @return the number of values */
  public int size() {
    return values.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && r.columns.names.equals(columns.names) && r.values.equals(values);
  }

  @Override
  public int hashCode() {
    return 31 * columns.names.hashCode() + values.hashCode();
  }

  @Override
  public String toString() {
    return "Row" + values;
  }

  /** The column names of one page, shared by its rows. */
  static final class Columns {
    final List<String> names;
    final Map<String, Integer> index;

    Columns(List<String> names) {
      this.names = List.copyOf(names);
      Map<String, Integer> idx = new java.util.HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        idx.putIfAbsent(names.get(i), i);
      }
      this.index = Map.copyOf(idx);
    }
  }
}
