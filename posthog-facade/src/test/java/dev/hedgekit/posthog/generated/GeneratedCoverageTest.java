package dev.hedgekit.posthog.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.generated.raw.RawOperations;
import dev.hedgekit.posthog.generated.support.Operation;
import dev.hedgekit.posthog.internal.json.Json;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated module exposes every operation of the spec twice: as a typed method of its
 * area's interface ({@code <Tag>Api}) and in {@link RawOperations}, each marked with its
 * operationId.
 */
class GeneratedCoverageTest {

  private static Map<String, String> operationsByTag() throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (InputStream in = GeneratedCoverageTest.class
        .getResourceAsStream("/dev/hedgekit/posthog/generated/posthog-api.json")) {
      JsonNode spec = Json.mapper().readTree(in);
      Iterator<JsonNode> items = spec.path("paths").elements();
      while (items.hasNext()) {
        JsonNode item = items.next();
        for (String m : List.of("get", "put", "post", "patch", "delete")) {
          JsonNode op = item.get(m);
          if (op != null) {
            out.put(op.path("operationId").asText(), op.path("tags").get(0).asText());
          }
        }
      }
    }
    return out;
  }

  private static TreeSet<String> annotated(Class<?> type) {
    TreeSet<String> ids = new TreeSet<>();
    for (Method m : type.getMethods()) {
      Operation op = m.getAnnotation(Operation.class);
      if (op != null) {
        ids.add(op.value());
      }
    }
    return ids;
  }

  private static String apiClass(String tag) {
    StringBuilder sb = new StringBuilder("dev.hedgekit.posthog.generated.api.");
    for (String word : tag.split("_")) {
      sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return sb.append("Api").toString();
  }

  @Test
  void everyOperationHasATypedMethodInItsAreasInterface() throws Exception {
    Map<String, String> ops = operationsByTag();
    assertEquals(369, ops.size(), "operations in the spec");
    List<String> missing = new ArrayList<>();
    Map<String, TreeSet<String>> byClass = new TreeMap<>();
    for (Map.Entry<String, String> e : ops.entrySet()) {
      TreeSet<String> ids = byClass.computeIfAbsent(e.getValue(), tag -> {
        try {
          return annotated(Class.forName(apiClass(tag)));
        } catch (ClassNotFoundException ex) {
          return new TreeSet<>();
        }
      });
      if (!ids.contains(e.getKey())) {
        missing.add(e.getKey() + " (tag " + e.getValue() + ")");
      }
    }
    assertTrue(missing.isEmpty(), "operations without a typed method: " + missing);
  }

  @Test
  void everyOperationIsInRawOperations() throws Exception {
    TreeSet<String> raw = new TreeSet<>();
    for (Class<?> area : RawOperations.class.getClasses()) {
      TreeSet<String> typed = annotated(Class.forName("dev.hedgekit.posthog.generated.api."
          + area.getSimpleName()));
      assertEquals(typed, annotated(area), "the raw area " + area.getSimpleName()
          + " has the operations of its typed interface");
      raw.addAll(annotated(area));
    }
    assertEquals(new TreeSet<>(operationsByTag().keySet()), raw);
  }
}
