package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.internal.json.Json;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns rows into records of one type: each component takes the column of the same name,
 * compared without case and underscores ({@code person_id} fills {@code personId}); columns
 * no component names are ignored. Values convert as Jackson reads them (a number into
 * {@code long}, ISO text into {@code Instant}); a value that does not fit fails with the row,
 * column and component named.
 */
final class RecordRows<R extends Record> implements Function<Row, R> {

  private final Class<R> type;
  private final RecordComponent[] components;
  private List<String> mappedFor;
  private int[] columnOf;
  private long rowNumber;

  RecordRows(Class<R> type) {
    if (type == null) {
      throw new NullPointerException("rowType must not be null");
    }
    this.type = type;
    this.components = type.getRecordComponents();
  }

  @Override
  public R apply(Row row) {
    rowNumber++;
    if (!row.columns().equals(mappedFor)) {
      map(row.columns());
    }
    ObjectMapper mapper = Json.mapper();
    ObjectNode fields = mapper.createObjectNode();
    for (int i = 0; i < components.length; i++) {
      fields.set(components[i].getName(), row.get(columnOf[i]));
    }
    try {
      return mapper.treeToValue(fields, type);
    } catch (com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
      throw new IllegalArgumentException("rowType: " + type.getName() + " cannot be created by"
          + " Jackson (" + e.getOriginalMessage() + "); fix: make the record public, or open its"
          + " package to com.fasterxml.jackson.databind", e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PostHogDecodeException("row " + rowNumber + " does not fit "
          + type.getSimpleName() + ": " + reason(e, row), e, 200);
    }
  }

  private String reason(Exception e, Row row) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
        && !m.getPath().isEmpty()) {
      String field = m.getPath().get(0).getFieldName();
      for (int i = 0; i < components.length; i++) {
        if (components[i].getName().equals(field)) {
          JsonNode v = row.get(columnOf[i]);
          return "column '" + row.columns().get(columnOf[i]) + "' holds a JSON "
              + v.getNodeType().name().toLowerCase(Locale.ROOT) + " that component '" + field
              + "' (" + components[i].getGenericType().getTypeName() + ") cannot take";
        }
      }
    }
    return e.getClass().getSimpleName();
  }

  private void map(List<String> columns) {
    int[] map = new int[components.length];
    for (int i = 0; i < components.length; i++) {
      map[i] = find(columns, components[i].getName());
      if (map[i] < 0) {
        throw new IllegalArgumentException("rowType: component '" + components[i].getName()
            + "' of " + type.getSimpleName() + " matches none of the result's columns "
            + columns + "; fix: name the column with AS " + components[i].getName()
            + " in the SQL, or rename the component");
      }
    }
    columnOf = map;
    mappedFor = columns;
  }

  private static int find(List<String> columns, String component) {
    int i = columns.indexOf(component);
    if (i >= 0) {
      return i;
    }
    String key = fold(component);
    for (int j = 0; j < columns.size(); j++) {
      if (fold(columns.get(j)).equals(key)) {
        return j;
      }
    }
    return -1;
  }

  private static String fold(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
