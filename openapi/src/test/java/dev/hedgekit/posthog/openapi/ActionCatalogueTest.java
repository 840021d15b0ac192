package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * actions.yaml (the actions) and posthog-api.yaml agree: every action has exactly one operation
 * that accepts every parameter the action documents, every slug in the spec belongs to exactly
 * one action, and the operations without a slug are exactly the declared ones.
 */
class ActionCatalogueTest {

  /** All public slugs: the 356 documented actions and the 2 slugs no action documents. */
  private static final int ACTIONS = 358;
  private static final int DOCUMENTED = 356;
  /** The toolkit's slug list, a copy kept with the tests. */
  private static final String REFERENCE = "src/test/resources/reference/composio-slugs.json";

  private static JsonNode catalogue;
  private static JsonNode spec;
  private static Map<String, JsonNode> operations;

  @BeforeAll
  static void load() {
    catalogue = TestFiles.yaml(TestFiles.file("actions.yaml"));
    spec = TestFiles.yaml(TestFiles.file("posthog-api.yaml"));
    operations = TestFiles.operationsById(spec);
  }

  @Test
  void catalogueHasAllActionsWithUniqueSlugs() {
    JsonNode actions = catalogue.path("actions");
    assertEquals(ACTIONS, actions.size(), "actions in actions.yaml");
    int documented = 0;
    for (JsonNode a : actions) {
      documented += a.path("documented").asBoolean(true) ? 1 : 0;
    }
    assertEquals(DOCUMENTED, documented, "actions the toolkit documents");
    Set<String> slugs = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode a : actions) {
      String slug = a.path("slug").asText("");
      if (slug.isBlank()) {
        problems.add("an action without slug: " + a);
      } else if (!slugs.add(slug)) {
        problems.add(slug + " appears twice");
      }
    }
    TestFiles.assertNone(problems, "catalogue slugs");
  }

  @Test
  void everyActionHasItsOperationAndSlugInTheSpec() {
    List<String> problems = new ArrayList<>();
    for (JsonNode a : catalogue.path("actions")) {
      String slug = a.path("slug").asText();
      String id = a.path("operationId").asText();
      JsonNode op = operations.get(id);
      if (op == null) {
        problems.add(slug + ": operation " + id + " is not in the spec");
        continue;
      }
      Set<String> opSlugs = new TreeSet<>();
      op.path("x-composio-slugs").forEach(s -> opSlugs.add(s.asText()));
      if (!opSlugs.contains(slug)) {
        problems.add(slug + ": not among the x-composio-slugs of " + id + " " + opSlugs);
      }
    }
    TestFiles.assertNone(problems, "actions without their operation");
  }

  @Test
  void everySlugInTheSpecBelongsToExactlyOneAction() {
    Map<String, Integer> actionsPerSlug = new TreeMap<>();
    for (JsonNode a : catalogue.path("actions")) {
      actionsPerSlug.merge(a.path("slug").asText(), 1, Integer::sum);
    }
    Map<String, List<String>> where = new TreeMap<>();
    operations.forEach((id, op) -> op.path("x-composio-slugs")
        .forEach(s -> where.computeIfAbsent(s.asText(), k -> new ArrayList<>()).add(id)));
    List<String> problems = new ArrayList<>();
    where.forEach((slug, ids) -> {
      if (ids.size() != 1) {
        problems.add(slug + ": on " + ids.size() + " operations " + ids);
      }
      int n = actionsPerSlug.getOrDefault(slug, 0);
      if (n != 1) {
        problems.add(slug + ": " + n + " catalogue actions");
      }
    });
    actionsPerSlug.keySet().stream().filter(s -> !where.containsKey(s))
        .forEach(s -> problems.add(s + ": catalogue action whose slug is not in the spec"));
    TestFiles.assertNone(problems, "slug ownership");
    assertEquals(ACTIONS, where.size(), "distinct slugs in the spec");
  }

  @Test
  void slugsWithoutActionAreNotInTheSpec() {
    Set<String> inSpec = new TreeSet<>();
    operations.values().forEach(
        op -> op.path("x-composio-slugs").forEach(s -> inSpec.add(s.asText())));
    Set<String> catalogued = new TreeSet<>();
    catalogue.path("actions").forEach(a -> catalogued.add(a.path("slug").asText()));
    List<String> problems = new ArrayList<>();
    JsonNode without = catalogue.path("slugsWithoutAction");
    assertTrue(without.isArray(), "slugsWithoutAction is missing");
    for (JsonNode s : without) {
      if (inSpec.contains(s.asText())) {
        problems.add(s.asText() + " is in the spec");
      }
      if (catalogued.contains(s.asText())) {
        problems.add(s.asText() + " also has an action");
      }
    }
    TestFiles.assertNone(problems, "slugs without action");
  }

  @Test
  void everyDocumentedParameterIsAcceptedByItsOperation() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (JsonNode a : catalogue.path("actions")) {
      String slug = a.path("slug").asText();
      JsonNode op = operations.get(a.path("operationId").asText());
      if (op == null) {
        continue; // reported by everyActionHasItsOperationAndSlugInTheSpec
      }
      Set<String> documented = new TreeSet<>();
      a.path("parameters").forEach(p -> documented.add(p.path("name").asText()));
      Set<String> notAccepted = new TreeSet<>();
      a.path("notAccepted").forEach(n -> notAccepted.add(n.asText()));
      for (String name : documented) {
        boolean accepted = accepts(op, name);
        checked++;
        if (notAccepted.contains(name)) {
          if (accepted) {
            problems.add(slug + ": " + name + " is listed in notAccepted but is accepted");
          }
        } else if (!accepted) {
          problems.add(slug + ": " + name + " is not accepted by "
              + op.path("operationId").asText());
        }
      }
      for (String n : notAccepted) {
        if (!documented.contains(n)) {
          problems.add(slug + ": notAccepted names " + n + ", which the action does not document");
        }
      }
    }
    TestFiles.assertNone(problems, "documented parameters the operation does not accept");
    assertTrue(checked > 1000, "suspiciously few parameters checked: " + checked);
  }

  @Test
  void operationsWithoutSlugsAreExactlyTheDeclaredOnes() {
    Set<String> declared = new TreeSet<>();
    catalogue.path("operationsWithoutAction").forEach(o -> declared.add(o.asText()));
    assertTrue(declared.size() > 0, "operationsWithoutAction is missing or empty");
    Set<String> withoutSlugs = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    operations.forEach((id, op) -> {
      if (!op.has("x-composio-slugs")) {
        withoutSlugs.add(id);
      } else if (op.path("x-composio-slugs").size() == 0) {
        problems.add(id + ": an empty x-composio-slugs (leave the key out instead)");
      }
    });
    TestFiles.assertNone(problems, "slug lists");
    assertEquals(declared, withoutSlugs, "operations without x-composio-slugs");
    Set<String> actionOps = new TreeSet<>();
    catalogue.path("actions").forEach(a -> actionOps.add(a.path("operationId").asText()));
    for (String id : declared) {
      assertFalse(actionOps.contains(id), id + " is declared without action but an action uses it");
    }
  }

  /** Checks the names against the toolkit's own slug list (a copy in the test resources). */
  @Test
  void slugsMatchTheReferenceList() throws IOException {
    Path reference = TestFiles.file(REFERENCE);
    assertTrue(Files.isRegularFile(reference), "reference slug list not present: " + reference);
    JsonNode ref = new ObjectMapper().readTree(reference.toFile());
    Set<String> expected = new TreeSet<>();
    ref.fieldNames().forEachRemaining(expected::add);
    Set<String> actual = new TreeSet<>();
    catalogue.path("actions").forEach(a -> actual.add(a.path("slug").asText()));
    catalogue.path("slugsWithoutAction").forEach(s -> actual.add(s.asText()));
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    assertTrue(missing.isEmpty() && extra.isEmpty(),
        "slugs missing from the catalogue: " + missing + "; slugs not in the reference: " + extra);
    // The documented parameter names are the reference's names, action by action.
    List<String> problems = new ArrayList<>();
    for (JsonNode a : catalogue.path("actions")) {
      Set<String> mine = new TreeSet<>();
      a.path("parameters").forEach(p -> mine.add(p.path("name").asText()));
      Set<String> theirs = new TreeSet<>();
      ref.path(a.path("slug").asText()).forEach(p -> theirs.add(p.path("name").asText()));
      if (!mine.equals(theirs)) {
        problems.add(a.path("slug").asText() + ": " + mine + " vs reference " + theirs);
      }
    }
    TestFiles.assertNone(problems, "parameter names that differ from the reference");
  }

  /**
   * Whether the operation accepts a parameter of this name: as a path or query parameter, a
   * request-body property (through $ref and allOf, and array items), an alias listed in a
   * property's x-hedgekit-aliases, or a Composio-style flattened nested field
   * {@code outer__inner__name} for body property {@code outer} whose schema has
   * {@code inner_name}.
   */
  static boolean accepts(JsonNode op, String name) {
    for (JsonNode p : op.path("parameters")) {
      String in = p.path("in").asText();
      if (("path".equals(in) || "query".equals(in)) && name.equals(p.path("name").asText())) {
        return true;
      }
    }
    JsonNode body = op.path("requestBody").path("content").path("application/json").get("schema");
    if (body == null) {
      return false;
    }
    Map<String, JsonNode> props = properties(body, 0);
    if (props.containsKey(name)) {
      return true;
    }
    for (JsonNode p : props.values()) {
      for (JsonNode alias : p.path("x-hedgekit-aliases")) {
        if (name.equals(alias.asText())) {
          return true;
        }
      }
    }
    int cut = name.indexOf("__");
    if (cut > 0 && cut + 2 < name.length()) {
      JsonNode outer = props.get(name.substring(0, cut));
      String inner = name.substring(cut + 2).replace("__", "_");
      return outer != null && properties(outer, 0).containsKey(inner);
    }
    return false;
  }

  /** The properties of a schema, following $ref, allOf and array items. */
  private static Map<String, JsonNode> properties(JsonNode schema, int depth) {
    Map<String, JsonNode> out = new TreeMap<>();
    if (schema == null || depth > 12) {
      return out;
    }
    JsonNode s = schema;
    if (s.has("$ref")) {
      s = spec.at(s.get("$ref").asText().substring(1));
      return properties(s, depth + 1);
    }
    s.path("allOf").forEach(part -> out.putAll(properties(part, depth + 1)));
    if ("array".equals(s.path("type").asText())) {
      out.putAll(properties(s.get("items"), depth + 1));
    }
    s.path("properties").properties().iterator().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
