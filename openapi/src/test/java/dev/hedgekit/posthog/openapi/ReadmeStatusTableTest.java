package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The "Status by API area" table of README.md gives, per tag, the number of operations and how
 * many are served, hidden, deprecated and removed: the same numbers the spec gives.
 */
class ReadmeStatusTableTest {

  private static final String HEADER =
      "| tag | operations | served | hidden | deprecated | removed | replaced by |";

  /** Counts per tag from the spec: operations, then one count per status in table order. */
  private static Map<String, List<Integer>> fromSpec() {
    JsonNode spec = TestFiles.yaml(TestFiles.file("posthog-api.yaml"));
    Map<String, List<Integer>> out = new TreeMap<>();
    spec.path("paths").forEach(item -> {
      for (String m : TestFiles.METHODS) {
        JsonNode op = item.get(m);
        if (op == null) {
          continue;
        }
        List<Integer> row = out.computeIfAbsent(op.path("tags").path(0).asText(),
            k -> new ArrayList<>(List.of(0, 0, 0, 0, 0)));
        row.set(0, row.get(0) + 1);
        int i = List.of("served", "hidden", "deprecated", "removed")
            .indexOf(op.path("x-hedgekit-upstream").asText());
        assertTrue(i >= 0, op.path("operationId").asText() + ": no status");
        row.set(i + 1, row.get(i + 1) + 1);
      }
    });
    List<Integer> total = new ArrayList<>(List.of(0, 0, 0, 0, 0));
    out.values().forEach(r -> {
      for (int i = 0; i < 5; i++) {
        total.set(i, total.get(i) + r.get(i));
      }
    });
    out.put("**total**", total);
    return out;
  }

  private static Map<String, List<Integer>> fromReadme() {
    List<String> lines = TestFiles.text(TestFiles.file("README.md")).lines().toList();
    int start = lines.indexOf(HEADER);
    assertTrue(start >= 0, "README.md has no status table with the header " + HEADER);
    Map<String, List<Integer>> out = new TreeMap<>();
    for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = lines.get(i).split("\\|", -1);
      List<Integer> row = new ArrayList<>();
      for (int c = 2; c <= 6; c++) {
        row.add(Integer.parseInt(cells[c].strip().replace("*", "")));
      }
      out.put(cells[1].strip(), row);
    }
    return out;
  }

  @Test
  void statusTableMatchesTheSpec() {
    assertEquals(fromSpec(), fromReadme(),
        "README.md status table (tag: [operations, served, hidden, deprecated, removed])");
  }
}
