package dev.hedgekit.posthog.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hedgekit.posthog.PostHogClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Choosing actions for an agent: which actions a selection gives (expected sets are worked
 * out from the spec JSON here, not by the code under test), the errors for selections that
 * name nothing, the provider limit, the shortened definitions, and the lazy catalogue.
 */
class ToolSelectionTest {

  private static PostHogClient client;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder("http://127.0.0.1:9").build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** Slugs of the spec whose operation passes the test, read straight from the JSON. */
  private static Set<String> specSlugs(Predicate<JsonNode> operation, Predicate<String> method) {
    Set<String> out = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = ActionTestSupport.spec().path("paths").properties().iterator();
    while (paths.hasNext()) {
      Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().properties().iterator();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (op.getValue().has("x-composio-slugs") && operation.test(op.getValue())
            && method.test(op.getKey())) {
          op.getValue().get("x-composio-slugs").forEach(s -> out.add(s.asText()));
        }
      }
    }
    return out;
  }

  private static boolean removed(JsonNode op) {
    return "removed".equals(op.path("x-hedgekit-upstream").asText());
  }

  private static boolean tagged(JsonNode op, String tag) {
    return tag.equals(op.path("tags").path(0).asText());
  }

  @Test
  void theDefaultSelectionLeavesOutExactlyTheRemovedOperations() {
    Set<String> served = specSlugs(op -> !removed(op), m -> true);
    Set<String> retired = specSlugs(ToolSelectionTest::removed, m -> true);
    assertFalse(retired.isEmpty(), "the spec marks some operations removed");
    ToolSet set = client.toolkit().select(ToolSelection.served());
    assertEquals(served, set.slugs());
    int total = specSlugs(op -> true, m -> true).size();
    assertEquals(total, served.size() + retired.size());
    ToolSet all = client.toolkit().select(ToolSelection.builder().includeRetired(true).build());
    assertEquals(total, all.size());
  }

  @Test
  void anAreaGivesItsServedOperations() {
    Set<String> flags = specSlugs(op -> tagged(op, "feature_flags") && !removed(op), m -> true);
    ToolSet set = client.toolkit().select(ToolSelection.builder().areas("Feature_Flags").build());
    assertEquals(flags, set.slugs());
    for (ToolDescriptor d : set.list()) {
      assertEquals("feature_flags", d.area());
      assertFalse(d.retired());
    }
  }

  @Test
  void readOnlyKeepsOnlyGets() {
    Set<String> gets = specSlugs(op -> tagged(op, "insights") && !removed(op), "get"::equals);
    ToolSet set = client.toolkit().select(ToolSelection.builder().areas("insights")
        .readOnly(true).build());
    assertEquals(gets, set.slugs());
    set.list().forEach(d -> assertEquals("GET", d.method(), d.slug()));
    set.definitions().forEach(t -> assertTrue(t.readOnly() && !t.destructive(), t.name()));
  }

  @Test
  void slugsPatternsAndAreasAddUp() {
    Set<String> expected = new TreeSet<>(specSlugs(op -> tagged(op, "annotations"), m -> true));
    expected.add("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS");
    expected.addAll(specSlugs(op -> !removed(op), m -> true).stream()
        .filter(s -> s.startsWith("POSTHOG_RETRIEVE_") && s.contains("COHORT")).toList());
    ToolSet set = client.toolkit().select(ToolSelection.builder()
        .areas("annotations")
        .slugs("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS")
        .patterns("posthog_retrieve_*cohort*")
        .build());
    assertEquals(expected, set.slugs());
  }

  @Test
  void mistakesInASelectionAreNamed() {
    IllegalArgumentException area = assertThrows(IllegalArgumentException.class,
        () -> client.toolkit().select(ToolSelection.builder().areas("feature_flag").build()));
    assertTrue(area.getMessage().contains("unknown area 'feature_flag'; did you mean"
        + " 'feature_flags'"), area.getMessage());

    IllegalArgumentException slug = assertThrows(IllegalArgumentException.class,
        () -> client.toolkit().select(ToolSelection.builder()
            .slugs("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAIL").build()));
    assertTrue(slug.getMessage().contains("did you mean 'POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS'"),
        slug.getMessage());

    IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
        () -> client.toolkit().select(ToolSelection.builder().patterns("*NO_SUCH_THING*")
            .build()));
    assertEquals("pattern '*NO_SUCH_THING*' matches no action", pattern.getMessage());

    String removedSlug = specSlugs(ToolSelectionTest::removed, m -> true).iterator().next();
    IllegalArgumentException retired = assertThrows(IllegalArgumentException.class,
        () -> client.toolkit().select(ToolSelection.builder().slugs(removedSlug).build()));
    assertTrue(retired.getMessage().contains("PostHog has removed this operation"),
        retired.getMessage());
    assertEquals(Set.of(removedSlug), client.toolkit().select(ToolSelection.builder()
        .slugs(removedSlug).includeRetired(true).build()).slugs());

    IllegalArgumentException writes = assertThrows(IllegalArgumentException.class,
        () -> client.toolkit().select(ToolSelection.builder()
            .slugs("POSTHOG_DELETE_SURVEY_BY_ID").readOnly(true).build()));
    assertTrue(writes.getMessage().contains("not read-only (DELETE)"), writes.getMessage());

    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> client.toolkit().select(ToolSelection.builder().patterns("POSTHOG_CREATE_*")
            .readOnly(true).build()));
    assertTrue(empty.getMessage().startsWith("the selection chooses no action"),
        empty.getMessage());
  }

  @Test
  void openAiRefusesMoreThan128ToolsWithAClearMessage() {
    int served = specSlugs(op -> !removed(op), m -> true).size();
    assertTrue(served > 128, "the served catalogue is larger than OpenAI's limit");
    ToolLimitExceededException e = assertThrows(ToolLimitExceededException.class,
        () -> client.toolkit().toolDefinitions(ToolFormat.OPENAI, ToolSelection.served()));
    assertEquals(128, e.limit());
    assertEquals(served, e.count());
    assertEquals(served + " tools selected, but OpenAI accepts at most 128 tools in one"
        + " request; narrow the selection (areas, slugs, patterns, read-only) or use the compact"
        + " mode, which gives 2 tools that describe and run any selected action", e.getMessage());

    ToolSet all = client.toolkit().select(ToolSelection.served());
    assertEquals(served, all.toolDefinitions(ToolFormat.ANTHROPIC).size(),
        "Anthropic documents no limit");
    assertEquals(served, all.toolDefinitions(ToolFormat.OPENAI, false).size());
    assertEquals(2, all.compactToolDefinitions(ToolFormat.OPENAI).size());

    // Exactly at the limit is accepted; one more is not.
    List<String> slugs = new ArrayList<>(all.slugs());
    ToolSet at = client.toolkit().select(ToolSelection.builder().slugs(slugs.subList(0, 128))
        .build());
    assertEquals(128, at.toolDefinitions(ToolFormat.OPENAI).size());
    ToolSet over = client.toolkit().select(ToolSelection.builder().slugs(slugs.subList(0, 129))
        .build());
    assertEquals(129, assertThrows(ToolLimitExceededException.class,
        () -> over.toolDefinitions(ToolFormat.OPENAI)).count());
  }

  @Test
  void exportedToolsAreShortValidJsonSchema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta = registry.getSchema(SchemaLocation.of(SchemaExport.DIALECT));
    ToolSet all = client.toolkit().select(ToolSelection.builder().includeRetired(true).build());
    int full = client.toolkit().toolDefinitions(ToolFormat.ANTHROPIC).toString().length();
    ArrayNode tools = all.toolDefinitions(ToolFormat.ANTHROPIC);
    assertTrue(tools.toString().length() < full * 0.9,
        "shortened export " + tools.toString().length() + " vs full " + full);
    List<String> problems = new ArrayList<>();
    for (JsonNode tool : tools) {
      String name = tool.get("name").asText();
      String description = tool.get("description").asText();
      if (description.isEmpty() || description.length() > ToolExport.MAX_TOOL_DESCRIPTION
          || description.contains("\n")) {
        problems.add(name + ": description " + description.length());
      }
      JsonNode schema = tool.get("input_schema");
      for (String gone : List.of("$schema", "title", "description")) {
        if (schema.has(gone)) {
          problems.add(name + ": has " + gone);
        }
      }
      for (Error e : meta.validate(schema)) {
        problems.add(name + ": " + e);
      }
      collectLongDescriptions(name, schema, problems);
    }
    assertEquals(List.of(), problems);
  }

  private static void collectLongDescriptions(String where, JsonNode schema, List<String> out) {
    JsonNode d = schema.get("description");
    if (d != null && (d.asText().length() > ToolExport.MAX_PARAMETER_DESCRIPTION
        || d.asText().contains("\n"))) {
      out.add(where + ": " + d.asText().length());
    }
    schema.path("properties").properties().iterator().forEachRemaining(
        f -> collectLongDescriptions(where + "." + f.getKey(), f.getValue(), out));
    if (schema.path("items").isObject()) {
      collectLongDescriptions(where + "[]", schema.get("items"), out);
    }
  }

  @Test
  void shortenCutsAtASentenceOrAWord() {
    assertEquals("One. Two.", ToolExport.shorten("  One.\n  Two.  ", 100));
    assertEquals("First sentence here.",
        ToolExport.shorten("First sentence here. Second sentence is long.", 30));
    assertEquals("alpha beta\u2026", ToolExport.shorten("alpha beta gamma delta", 16));
    assertEquals("", ToolExport.shorten(null, 10));
  }

  @Test
  void deprecatedAndRemovedOperationsSayWhatToUseInstead() {
    ObjectNode spec = ActionTestSupport.spec().deepCopy();
    ObjectNode eventsList = (ObjectNode) spec.at("/paths/~1api~1projects~1{project_id}~1events~1/get");
    assertFalse(eventsList.isMissingNode());
    String eventsSlug = eventsList.get("x-composio-slugs").get(0).asText();
    eventsList.put("x-hedgekit-upstream", "deprecated");
    eventsList.put("x-hedgekit-replacement", "the query API (POSTHOG_CREATE_QUERY_IN_PROJECT_BY_ID).");
    ObjectNode flag = (ObjectNode) spec.at(
        "/paths/~1api~1projects~1{project_id}~1feature_flags~1{id}~1/get");
    String flagSlug = flag.get("x-composio-slugs").get(0).asText();
    flag.put("x-hedgekit-upstream", "removed");
    flag.put("x-hedgekit-replacement", "POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS");

    Catalog c = Catalog.index(spec, Invoker::of);
    ToolSpec events = c.find(eventsSlug);
    assertTrue(events.deprecated);
    assertTrue(ToolExport.description(events).startsWith("Deprecated. Replacement: the query API"
        + " (POSTHOG_CREATE_QUERY_IN_PROJECT_BY_ID). "), ToolExport.description(events));
    ToolSpec gone = c.find(flagSlug);
    assertTrue(c.entry(flagSlug).retired());
    assertTrue(ToolExport.description(gone).startsWith("Removed: PostHog no longer serves this"
        + " endpoint. Replacement: POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS. "),
        ToolExport.description(gone));
    assertFalse(ToolSelection.served().matches(c.entry(flagSlug)));
    assertTrue(ToolSelection.served().matches(c.entry(eventsSlug)),
        "deprecated operations stay in the default selection");

    // A deprecation stated only by x-hedgekit-upstream counts, with or without a replacement.
    ObjectNode survey = (ObjectNode) spec.at(
        "/paths/~1api~1projects~1{project_id}~1surveys~1{id}~1/delete");
    survey.remove("deprecated");
    survey.put("x-hedgekit-upstream", "Deprecated");
    survey.remove("x-hedgekit-replacement");
    ObjectNode create = (ObjectNode) spec.at("/paths/~1api~1projects~1{project_id}~1surveys~1/post");
    create.remove(List.of("x-hedgekit-upstream", "x-hedgekit-replacement", "deprecated"));
    Catalog c2 = Catalog.index(spec, Invoker::of);
    String surveySlug = survey.get("x-composio-slugs").get(0).asText();
    assertTrue(ToolExport.description(c2.find(surveySlug)).startsWith("Deprecated. ")
        && !ToolExport.description(c2.find(surveySlug)).contains("Replacement"));
    assertEquals("deprecated", c2.entry(surveySlug).upstream);

    // An operation without the extension is served, and its description has no note.
    ToolSpec plain = c2.find(create.get("x-composio-slugs").get(0).asText());
    assertEquals(Catalog.SERVED, plain.upstream);
    assertFalse(ToolExport.description(plain).startsWith("Deprecated"));
  }

  @Test
  void theRealCatalogueMarksRemovedOperationsInTheirDescriptions() {
    ToolSet all = client.toolkit().select(ToolSelection.builder().includeRetired(true).build());
    Set<String> retired = specSlugs(ToolSelectionTest::removed, m -> true);
    Map<String, String> replacements = new java.util.HashMap<>();
    Set<String> deprecated = specSlugs(op -> {
      boolean d = op.path("deprecated").asBoolean()
          || List.of("deprecated", "removed").contains(op.path("x-hedgekit-upstream").asText());
      if (d && op.hasNonNull("x-hedgekit-replacement")) {
        op.get("x-composio-slugs").forEach(slug -> replacements.put(slug.asText(),
            op.get("x-hedgekit-replacement").asText().strip().replaceAll("[.\\s]+$", "")));
      }
      return d;
    }, m -> true);
    for (ToolDefinition t : all.definitions()) {
      String d = t.description();
      assertEquals(retired.contains(t.name()), d.startsWith("Removed: "), t.name() + ": " + d);
      assertEquals(deprecated.contains(t.name()) && !retired.contains(t.name()),
          d.startsWith("Deprecated. "), t.name() + ": " + d);
      if (replacements.containsKey(t.name())) {
        String expected = ToolExport.shorten("Replacement: " + replacements.get(t.name()) + ".",
            ToolExport.MAX_TOOL_DESCRIPTION);
        assertTrue(d.contains(expected), t.name() + ": " + d);
      }
    }
  }

  @Test
  void theCatalogueBuildsActionsOnlyWhenAsked() {
    AtomicInteger looked = new AtomicInteger();
    Catalog c = Catalog.index(ActionTestSupport.spec(), operationId -> {
      looked.incrementAndGet();
      return Invoker.of(operationId);
    });
    int total = specSlugs(op -> true, m -> true).size();
    assertEquals(total, c.entries().size());
    assertEquals(0, looked.get(), "indexing looks at no generated method");
    ToolSpec a = c.find("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS");
    assertEquals("feature_flags_retrieve", a.operationId);
    assertEquals(1, looked.get(), "one action built, one method looked up");
    assertTrue(a == c.find("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS"), "built once, then kept");
    assertEquals(1, looked.get());
    assertEquals(total, c.actions().size());
    assertEquals(total, looked.get());
  }

  @Test
  void aSpecThatDisagreesWithTheGeneratedCodeFailsWhenTheActionIsBuilt() {
    ObjectNode spec = ActionTestSupport.spec().deepCopy();
    ObjectNode op = (ObjectNode) spec.at(
        "/paths/~1api~1projects~1{project_id}~1feature_flags~1{id}~1/get");
    op.put("operationId", "no_such_operation");
    Catalog c = Catalog.index(spec, Invoker::of);
    String slug = op.get("x-composio-slugs").get(0).asText();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.find(slug));
    assertTrue(e.getMessage().contains("no_such_operation"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Catalog.from(spec, Invoker.all()));
    assertNotEquals(null, c.find("POSTHOG_DELETE_SURVEY_BY_ID"), "other actions still build");
  }

  @Test
  void everyOperationFindsItsGeneratedMethodByName() {
    Map<String, Invoker> all = Invoker.all();
    assertEquals(specSlugs(op -> true, m -> true).size(),
        Catalog.from(ActionTestSupport.spec(), all).actions().size());
    for (String operationId : all.keySet()) {
      assertEquals(all.get(operationId).toString(), Invoker.of(operationId).toString());
      assertEquals(all.get(operationId).wireNames(), Invoker.of(operationId).wireNames());
    }
    assertEquals(null, Invoker.of("no_such_operation"));
  }

  @Test
  void selectionsAreValues() {
    ToolSelection a = ToolSelection.builder().areas("Insights").readOnly(true).build();
    ToolSelection b = ToolSelection.builder().readOnly(true).areas("insights").build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("--area insights --read-only", a.describe());
    assertEquals(a, a.toBuilder().build());
    assertNotEquals(a, a.toBuilder().includeRetired(true).build());
    assertTrue(ToolSelection.served().unrestricted());
    assertThrows(IllegalArgumentException.class, () -> ToolSelection.builder().slugs(" "));
  }
}
