package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the spec says about PostHog's side of each operation: its status
 * ({@code x-hedgekit-upstream}), what replaces it when it is removed or deprecated
 * ({@code x-hedgekit-replacement}), an announced sunset date ({@code x-hedgekit-sunset}); the
 * constant names of numeric enums; and the evidence the overlay keeps for every operation.
 */
class UpstreamStatusTest {

  static final List<String> STATUSES = List.of("served", "hidden", "deprecated", "removed");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
  /** A commit (7 to 40 hex digits) or an id of the search index the verification used. */
  private static final Pattern REVISION = Pattern.compile("@[0-9a-f]{7,40}\\b|index id \\d+");
  /** A PostHog source path: directories and a file with an extension. */
  private static final Pattern SOURCE_PATH = Pattern.compile("[a-z_]+(/[A-Za-z0-9_.]+)+\\.[a-z]+");

  private static JsonNode spec;
  private static JsonNode overlay;
  private static Map<String, JsonNode> operations;

  @BeforeAll
  static void load() {
    spec = TestFiles.yaml(TestFiles.file("posthog-api.yaml"));
    overlay = TestFiles.yaml(TestFiles.file("overlay.yaml"));
    operations = TestFiles.operationsById(spec);
  }

  @Test
  void everyOperationHasAStatusAndDeprecatedFollowsIt() {
    List<String> problems = new ArrayList<>();
    operations.forEach((id, op) -> {
      String status = op.path("x-hedgekit-upstream").asText("");
      if (!STATUSES.contains(status)) {
        problems.add(id + ": x-hedgekit-upstream is '" + status + "', not one of " + STATUSES);
      }
      boolean gone = status.equals("removed") || status.equals("deprecated");
      if (op.path("deprecated").asBoolean(false) != gone) {
        problems.add(id + ": deprecated is " + op.path("deprecated").asBoolean(false)
            + " for status " + status);
      }
    });
    TestFiles.assertNone(problems, "statuses");
    assertTrue(operations.size() > 356, "operations: " + operations.size());
  }

  @Test
  void everyRemovedOrDeprecatedOperationSaysWhatReplacesIt() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, JsonNode> e : operations.entrySet()) {
      String status = e.getValue().path("x-hedgekit-upstream").asText();
      if (!status.equals("removed") && !status.equals("deprecated")) {
        continue;
      }
      checked++;
      String replacement = e.getValue().path("x-hedgekit-replacement").asText("").strip();
      if (replacement.isEmpty()) {
        problems.add(e.getKey() + " (" + status + "): no x-hedgekit-replacement");
      } else if (replacement.contains("\n") || replacement.length() > 200
          || !replacement.endsWith(".")) {
        problems.add(e.getKey() + ": x-hedgekit-replacement is not one short sentence: "
            + replacement);
      }
    }
    TestFiles.assertNone(problems, "replacements");
    assertTrue(checked >= 40, "removed or deprecated operations: " + checked);
  }

  @Test
  void sunsetDatesAreDatesOnDeprecatedOperations() {
    List<String> problems = new ArrayList<>();
    int seen = 0;
    for (Map.Entry<String, JsonNode> e : operations.entrySet()) {
      JsonNode sunset = e.getValue().get("x-hedgekit-sunset");
      if (sunset == null) {
        continue;
      }
      seen++;
      if (!DATE.matcher(sunset.asText()).matches()) {
        problems.add(e.getKey() + ": x-hedgekit-sunset " + sunset.asText() + " is not a date");
      }
      if (!e.getValue().path("deprecated").asBoolean(false)) {
        problems.add(e.getKey() + ": a sunset date on an operation that is not deprecated");
      }
    }
    TestFiles.assertNone(problems, "sunset dates");
    assertTrue(seen > 0, "no sunset date at all");
  }

  /** The generator names integer enum constants NUMBER_1, NUMBER_8...: the spec names them. */
  @Test
  void integerEnumsHaveConstantNames() {
    List<String> problems = new ArrayList<>();
    int[] seen = {0};
    walk(spec.path("components").path("schemas"), "#/components/schemas", (where, node) -> {
      JsonNode values = node.get("enum");
      if (values == null || !values.isArray() || values.size() == 0) {
        return;
      }
      boolean integers = "integer".equals(node.path("type").asText());
      for (JsonNode v : values) {
        integers &= v.isIntegralNumber();
      }
      if (!integers) {
        return;
      }
      seen[0]++;
      JsonNode names = node.get("x-enum-varnames");
      if (names == null || names.size() != values.size()) {
        problems.add(where + ": " + values.size() + " values, x-enum-varnames " + names);
        return;
      }
      Set<String> unique = new HashSet<>();
      for (JsonNode n : names) {
        if (!CONSTANT.matcher(n.asText()).matches() || !unique.add(n.asText())) {
          problems.add(where + ": bad or repeated constant name " + n.asText());
        }
      }
    });
    TestFiles.assertNone(problems, "integer enums");
    assertTrue(seen[0] >= 5, "integer enums found: " + seen[0]);
  }

  /** Every operation's notes name the PostHog file checked and its revision. */
  @Test
  void everyOverlayOperationCitesItsSource() {
    List<String> problems = new ArrayList<>();
    overlay.path("operations").properties().iterator().forEachRemaining(e -> {
      String notes = e.getValue().path("notes").asText("");
      if (!notes.startsWith("Source: ") || !SOURCE_PATH.matcher(notes).find()
          || !REVISION.matcher(notes).find()) {
        problems.add(e.getKey() + ": notes do not cite a source path and commit or index id");
      }
      String mark = e.getValue().path("upstream").asText("");
      if (!STATUSES.contains(mark)) {
        problems.add(e.getKey() + ": upstream mark '" + mark + "'");
      }
    });
    TestFiles.assertNone(problems, "overlay notes");
    assertEquals(operations.size(), overlay.path("operations").size(), "overlay operations");
  }

  @Test
  void everyOverlaySchemaCitesItsSource() {
    List<String> problems = new ArrayList<>();
    for (String section : List.of("schemas", "addSchemas")) {
      overlay.path(section).properties().iterator().forEachRemaining(e -> {
        String notes = e.getValue().path("notes").asText("");
        if (!notes.startsWith("Source: ") || !SOURCE_PATH.matcher(notes).find()
            || !REVISION.matcher(notes).find()) {
          problems.add(section + "." + e.getKey()
              + ": notes do not cite a source path and commit or index id");
        }
      });
    }
    TestFiles.assertNone(problems, "overlay schema notes");
    assertTrue(overlay.path("schemas").size() + overlay.path("addSchemas").size() > 0);
  }

  private interface Visitor {
    void visit(String where, JsonNode node);
  }

  private static void walk(JsonNode node, String where, Visitor v) {
    if (node.isObject()) {
      v.visit(where, node);
      node.properties().iterator().forEachRemaining(e -> walk(e.getValue(), where + "/" + e.getKey(), v));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), where + "/" + i, v);
      }
    }
  }
}
