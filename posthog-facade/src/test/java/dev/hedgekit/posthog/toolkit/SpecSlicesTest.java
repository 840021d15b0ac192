package dev.hedgekit.posthog.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming index of the spec against a plain tree parse of the same bytes: every
 * operation's fields and byte range, every path's shared parameters and every component, on
 * the real spec, so a wrong offset anywhere fails here.
 */
class SpecSlicesTest {

  @Test
  void everyRangeHoldsExactlyTheValueATreeParseFinds() throws Exception {
    byte[] bytes = Catalog.loadSpec();
    JsonNode tree = ActionTestSupport.mapper().readTree(bytes);
    SpecSlices slices = SpecSlices.read(bytes);

    List<String> seen = new ArrayList<>();
    for (SpecSlices.Operation op : slices.operations()) {
      JsonNode item = tree.get("paths").get(op.path);
      JsonNode expected = item.get(op.method);
      assertEquals(expected, slices.parse(op.self), op.path + " " + op.method);
      assertEquals(item.get("parameters"), slices.parse(op.pathParameters), op.path);
      assertEquals(expected.path("operationId").asText(), op.operationId);
      assertEquals(expected.path("summary").asText(""), op.summary);
      assertEquals(expected.path("tags").path(0).asText(""), op.area);
      assertEquals(expected.path("deprecated").asBoolean(false), op.deprecated);
      assertEquals(expected.has("x-hedgekit-upstream")
          ? expected.get("x-hedgekit-upstream").asText() : null, op.upstream);
      List<String> slugs = new ArrayList<>();
      expected.path("x-composio-slugs").forEach(s -> slugs.add(s.asText()));
      assertEquals(slugs, op.slugs);
      seen.add(op.method + " " + op.path);
    }
    int operations = 0;
    for (JsonNode item : tree.get("paths")) {
      for (String m : List.of("get", "put", "post", "delete", "patch", "head", "options")) {
        operations += item.has(m) ? 1 : 0;
      }
    }
    assertEquals(operations, seen.size());

    tree.at("/components/schemas").properties().iterator().forEachRemaining(
        c -> assertEquals(c.getValue(), slices.schema(c.getKey()), c.getKey()));
    tree.at("/components/parameters").properties().iterator().forEachRemaining(
        c -> assertEquals(c.getValue(), slices.parameter(c.getKey()), c.getKey()));
    assertNull(slices.schema("NoSuchSchema"));
  }

  @Test
  void multiByteTextDoesNotShiftTheRanges() {
    String spec = "{\"info\":{\"title\":\"Caf\u00e9 \u2014 \u65e5\u672c\"},\"paths\":{\"/a/\":{"
        + "\"parameters\":[{\"name\":\"\u00e9\",\"in\":\"query\"}],"
        + "\"get\":{\"operationId\":\"a\",\"summary\":\"R\u00e9sum\u00e9 \ud83d\ude00\","
        + "\"x-composio-slugs\":[\"A\"],\"responses\":{}}}},"
        + "\"components\":{\"schemas\":{\"S\":{\"description\":\"\u00fc\",\"type\":\"object\"}}}}";
    SpecSlices s = SpecSlices.read(spec.getBytes(StandardCharsets.UTF_8));
    SpecSlices.Operation op = s.operations().get(0);
    assertEquals("R\u00e9sum\u00e9 \ud83d\ude00", op.summary);
    assertEquals("a", s.parse(op.self).get("operationId").asText());
    assertEquals("\u00e9", s.parse(op.pathParameters).get(0).get("name").asText());
    assertEquals("\u00fc", s.schema("S").get("description").asText());
  }

  @Test
  void aSpecThatIsNotAnObjectIsRefused() {
    assertThrows(IllegalStateException.class,
        () -> SpecSlices.read("[1]".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IllegalStateException.class,
        () -> SpecSlices.read("{\"paths\": {".getBytes(StandardCharsets.UTF_8)));
  }
}
