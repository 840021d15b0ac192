package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh tool on a small upstream schema written for this test (src/test/resources/refresh):
 * upstream-v1.yaml normalizes to the reviewed expected files, and upstream-v2.yaml (v1 with
 * planted changes) gives a drift report with exactly those changes.
 */
class RefreshDriftTest {

  private static final Path FIXTURES = TestFiles.file("src/test/resources/refresh");
  private static final String V1 = FIXTURES.resolve("upstream-v1.yaml").toString();
  private static final String V2 = FIXTURES.resolve("upstream-v2.yaml").toString();
  private static final Path OVERLAY = FIXTURES.resolve("overlay.yaml");

  private static final String LEGACY_ROW = "| legacy_stats_retrieve | removed upstream | GET"
      + " /api/projects/{project_id}/legacy_stats/ kept from the previous selection; mark it"
      + " upstream: removed (or hidden) in the overlay, or drop the action | yes |";

  /** One row per change planted in upstream-v2.yaml, in the report's order. */
  private static final List<String> PLANTED = List.of(
      "| gadgets_destroy | operationId changed | gadgets_destroy -> gadgets_delete (rename the"
          + " overlay entry to keep the generated method name in step) | yes |",
      "| gadgets_destroy | parameter added | query confirm (required) | yes |",
      "| gadgets_run | path changed | POST /api/projects/{project_id}/gadgets/{id}/run/ -> POST"
          + " /api/environments/{project_id}/gadgets/{id}/run/ | yes |",
      "| gadgets_run | response 200 type changed | ref:GadgetRunResult ->"
          + " array<ref:GadgetRunResult> | yes |",
      LEGACY_ROW,
      "| widgets_list | enum values removed | parameter query status [draft] | yes |",
      "| widgets_list | parameter added | query ordering (optional) | no |",
      "| widgets_list | parameter removed | query search | yes |",
      "| widgets_list | parameter required changed | query kind false -> true | yes |",
      "| widgets_list | parameter type changed | query limit integer -> string | yes |",
      "| widgets_retrieve | path parameter renamed | /api/projects/{project_id}/widgets/{id}/ ->"
          + " /api/projects/{project_id}/widgets/{widget_id}/ (the spec keeps the overlay's path;"
          + " map the new name with renameParameters) | no |",
      "| widgets_retrieve | response 200 field removed | legacy_score | yes |");

  @TempDir
  Path tmp;

  private RefreshTool.Result run(String upstream, Path previous, Path overlay, boolean accept)
      throws IOException {
    RefreshTool.Options o = RefreshTool.Options.defaults().upstream(upstream).previous(previous)
        .overlay(overlay).acceptBreaking(accept).write(false);
    return RefreshTool.run(o, quiet());
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** The expected files carry review comments on whole lines; the tool writes none. */
  private static String expected(String name) {
    return TestFiles.text(FIXTURES.resolve(name)).lines()
        .filter(l -> !l.stripLeading().startsWith("#"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static List<String> rows(String report) {
    return report.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| operation |"))
        .collect(Collectors.toList());
  }

  /** Runs v1 with no previous selection and stores its selection as the previous one. */
  private Path v1Selection() throws IOException {
    RefreshTool.Result v1 = run(V1, tmp.resolve("none.yaml"), OVERLAY, false);
    assertEquals(0, v1.status, () -> "v1: " + v1.problems);
    Path previous = tmp.resolve("selection-v1.yaml");
    Files.writeString(previous, v1.selectionYaml, StandardCharsets.UTF_8);
    return previous;
  }

  /** Writes a changed copy of the overlay fixture. */
  private Path overlayVariant(String name, Consumer<ObjectNode> change) throws IOException {
    ObjectNode overlay = (ObjectNode) TestFiles.yaml(OVERLAY);
    change.accept(overlay);
    Path file = tmp.resolve(name);
    Files.writeString(file, YamlWriter.write(overlay), StandardCharsets.UTF_8);
    return file;
  }

  private static ObjectNode op(ObjectNode overlay, String id) {
    return (ObjectNode) overlay.path("operations").path(id);
  }

  @Test
  void v1GivesTheReviewedSelectionAndSpec() throws IOException {
    RefreshTool.Result r = run(V1, tmp.resolve("none.yaml"), OVERLAY, false);
    assertEquals(List.of(), r.problems);
    assertEquals(0, r.status);
    assertTrue(r.report.contains("No drift"), r.report);
    TestFiles.assertSameText(expected("expected-selection-v1.yaml"), r.selectionYaml,
        "selection of upstream-v1.yaml");
    TestFiles.assertSameText(expected("expected-spec-v1.yaml"), r.specYaml,
        "curated spec of upstream-v1.yaml");
  }

  @Test
  void v1SelectionKeepsNoUpstreamProseOr31Constructs() throws IOException {
    RefreshTool.Result r = run(V1, tmp.resolve("none.yaml"), OVERLAY, false);
    JsonNode selection = TestFiles.YAML.readTree(r.selectionYaml);
    List<String> found = new ArrayList<>();
    scan(selection.path("paths"), "/paths", false, found);
    scan(selection.path("components"), "/components", false, found);
    assertEquals(List.of(), found, "3.1 constructs or prose left in the selection");
    Set<String> schemas =
        Set.copyOf(Trees.fieldNames(selection.path("components").path("schemas")));
    assertEquals(Set.of("GadgetRunRequest", "GadgetRunResult", "KindEnum", "LegacyStats",
        "PaginatedWidgetList", "UserBasic", "Widget", "WidgetDetail"), schemas,
        "only the schemas the curated operations reach");

    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.specYaml, null, options);
    assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages(),
        "swagger-parser on the fixture spec");
  }

  private static void scan(JsonNode node, String at, boolean propertyMap, List<String> found) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        scan(node.get(i), at + "/" + i, false, found);
      }
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      String where = at + "/" + k;
      if (!propertyMap) {
        boolean responseDescription = k.equals("description") && at.matches(".*/responses/\\d+");
        if (Set.of("title", "example", "examples", "const", "oneOf", "anyOf", "summary",
            "security").contains(k) || (k.equals("description") && !responseDescription)
            || (k.startsWith("x-") && !k.startsWith("x-hedgekit-"))
            || (k.equals("type") && !e.getValue().isTextual())) {
          found.add(where);
        }
      }
      scan(e.getValue(), where, !propertyMap && k.equals("properties"), found);
    }
  }

  @Test
  void driftReportListsExactlyThePlantedChanges() throws IOException {
    Path previous = v1Selection();
    RefreshTool.Result r = run(V2, previous, OVERLAY, false);
    assertEquals(List.of(), r.problems);
    assertEquals(PLANTED, rows(r.report), r.report);
    assertTrue(r.report.contains("12 change(s), 10 breaking."), r.report);
    assertEquals(2, r.status, "breaking drift, not accepted");

    RefreshTool.Result accepted = run(V2, previous, OVERLAY, true);
    assertEquals(0, accepted.status, "breaking drift, accepted");
    assertEquals(r.report, accepted.report);
    assertEquals(r.selectionYaml, accepted.selectionYaml);
  }

  @Test
  void breakingDriftWritesOnlyTheReportUntilAccepted() throws IOException {
    Path previous = v1Selection();
    String v1Bytes = Files.readString(previous);
    RefreshTool.Options o = RefreshTool.Options.defaults().dir(tmp).upstream(V2)
        .overlay(OVERLAY).previous(Path.of("selection-v1.yaml")).spec(Path.of("api.yaml"))
        .report(Path.of("target/drift-report.md"));

    RefreshTool.Result refused = RefreshTool.run(o, quiet());
    assertEquals(2, refused.status);
    assertEquals(refused.report, Files.readString(tmp.resolve("target/drift-report.md")));
    assertEquals(v1Bytes, Files.readString(previous), "selection must stay as it was");
    assertFalse(Files.exists(tmp.resolve("api.yaml")), "spec must not be written");

    RefreshTool.Result done = RefreshTool.run(o.acceptBreaking(true), quiet());
    assertEquals(0, done.status);
    assertEquals(done.selectionYaml, Files.readString(previous));
    assertEquals(done.specYaml, Files.readString(tmp.resolve("api.yaml")));
  }

  @Test
  void commandLineFlagsFromMaven() {
    String[] base = {"--dir", tmp.toString(), "--upstream", "upstream/selection.yaml"};
    RefreshTool.Options off = RefreshTool.Options.parse(concat(base, "--accept-breaking=false"));
    assertFalse(off.acceptBreaking);
    assertEquals(tmp.resolve("overlay.yaml"), off.at(off.overlay));
    assertEquals(List.of(tmp.resolve("upstream/selection.yaml").toString()),
        off.upstreamLocations());
    assertTrue(RefreshTool.Options.parse(concat(base, "--accept-breaking=true")).acceptBreaking);
    assertTrue(RefreshTool.Options.parse(concat(base, "--accept-breaking")).acceptBreaking);
    RefreshTool.Options url = RefreshTool.Options.parse(new String[] {"--dir", tmp.toString(),
        "--upstream", "https://us.posthog.com/api/schema/"});
    assertEquals(List.of("https://us.posthog.com/api/schema/"), url.upstreamLocations());
  }

  @Test
  void severalUpstreamFilesFromTheCommandLine() {
    RefreshTool.Options o = RefreshTool.Options.parse(new String[] {"--dir", tmp.toString(),
        "--upstream", "a.yaml, b.json", "--upstream", "https://us.posthog.com/api/schema/"});
    assertEquals(List.of(tmp.resolve("a.yaml").toString(), tmp.resolve("b.json").toString(),
        "https://us.posthog.com/api/schema/"), o.upstreamLocations());
    assertEquals(List.of("a.yaml", "b.json", "https://us.posthog.com/api/schema/"),
        o.upstreamNames());
  }

  /**
   * upstream-v1.yaml cut in two files (the gadget and legacy paths with the components in a
   * second file, as a file describing endpoints PostHog leaves out of its schema would be)
   * gives the same selection and spec as the whole file, whatever the format of each part.
   */
  @Test
  void severalUpstreamFilesAreMergedIntoOneSchema() throws IOException {
    ObjectNode whole = (ObjectNode) TestFiles.yaml(Path.of(V1));
    ObjectNode first = whole.deepCopy();
    ObjectNode second = Trees.obj();
    second.put("openapi", "3.0.3");
    ObjectNode secondPaths = second.putObject("paths");
    for (String p : List.of("/api/projects/{project_id}/gadgets/{id}/run/",
        "/api/projects/{project_id}/gadgets/{id}/", "/api/projects/{project_id}/legacy_stats/")) {
      secondPaths.set(p, ((ObjectNode) first.get("paths")).remove(p));
    }
    second.set("components", first.remove("components"));
    Path a = tmp.resolve("posthog.yaml");
    Path b = tmp.resolve("hidden.json");
    Files.writeString(a, YamlWriter.write(first), StandardCharsets.UTF_8);
    Files.writeString(b, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(second),
        StandardCharsets.UTF_8);

    RefreshTool.Result merged = run(a + "," + b, tmp.resolve("none.yaml"), OVERLAY, false);
    RefreshTool.Result single = run(V1, tmp.resolve("none.yaml"), OVERLAY, false);
    assertEquals(List.of(), merged.problems);
    assertEquals(0, merged.status);
    assertEquals(single.selectionYaml, merged.selectionYaml, "selection");
    assertEquals(single.specYaml, merged.specYaml, "spec");
    assertTrue(merged.report.contains("Upstream: posthog.yaml, hidden.json"), merged.report);

    // Alone, the first file lacks the gadget and legacy operations.
    RefreshTool.Result partial = run(a.toString(), tmp.resolve("none.yaml"), OVERLAY, false);
    assertEquals(1, partial.status, "operations found nowhere are problems");
  }

  /** A later file wins per path (the whole path item) and per component schema. */
  @Test
  void laterUpstreamFilesWinPerPathAndComponent() throws IOException {
    ObjectNode later = Trees.obj();
    ObjectNode schema = later.putObject("components").putObject("schemas").putObject("Widget");
    schema.put("type", "object");
    schema.putObject("properties").putObject("label").put("type", "string");
    ObjectNode item = later.putObject("paths").putObject("/api/projects/{project_id}/legacy_stats/");
    ObjectNode get = item.putObject("get");
    get.put("operationId", "legacy_stats_retrieve");
    get.putArray("parameters").addObject().put("name", "project_id").put("in", "path")
        .put("required", true).putObject("schema").put("type", "string");
    get.putObject("responses").putObject("204").put("description", "none");
    Path file = tmp.resolve("later.yaml");
    Files.writeString(file, YamlWriter.write(later), StandardCharsets.UTF_8);

    JsonNode merged = SpecFiles.merge(List.of(TestFiles.yaml(Path.of(V1)), TestFiles.yaml(file)));
    assertEquals(Set.of("label"), Set.copyOf(Trees.fieldNames(
        merged.path("components").path("schemas").path("Widget").path("properties"))));
    assertTrue(merged.path("components").path("schemas").has("WidgetDetail"),
        "components only in the earlier file are kept");
    assertEquals(Set.of("204"), Set.copyOf(Trees.fieldNames(merged.path("paths")
        .path("/api/projects/{project_id}/legacy_stats/").path("get").path("responses"))));
    assertTrue(merged.path("paths").has("/api/projects/{project_id}/widgets/"),
        "paths only in the earlier file are kept");
    assertEquals("3.1.0", merged.path("openapi").asText(), "keys the later file lacks are kept");

    RefreshTool.Result r = run(V1 + "," + file, tmp.resolve("none.yaml"), OVERLAY, true);
    JsonNode selection = TestFiles.YAML.readTree(r.selectionYaml);
    assertEquals(Set.of("204"), Set.copyOf(Trees.fieldNames(selection.path("paths")
        .path("/api/projects/{project_id}/legacy_stats/").path("get").path("responses"))));
  }

  /**
   * PostHog reuses operationIds for other routes: the overlay's method and path win over an
   * operationId found elsewhere, while an operation that really moved is still found by id.
   */
  @Test
  void operationIdsReusedForAnotherRouteDoNotSwapOperations() throws IOException {
    ObjectNode doc = (ObjectNode) TestFiles.yaml(Path.of(V1));
    ObjectNode paths = (ObjectNode) doc.get("paths");
    // The list-level route now has another id, and the list's old id names the item route.
    ((ObjectNode) paths.path("/api/projects/{project_id}/widgets/").path("get"))
        .put("operationId", "widgets_all_list");
    ((ObjectNode) paths.path("/api/projects/{project_id}/widgets/{id}/").path("get"))
        .put("operationId", "widgets_list");
    Path file = tmp.resolve("reused.yaml");
    Files.writeString(file, YamlWriter.write(doc), StandardCharsets.UTF_8);
    Normalizer n = new Normalizer(TestFiles.yaml(file));
    Normalizer.Match list = n.find("widgets_list", "get", "/api/projects/{project_id}/widgets/");
    assertEquals("/api/projects/{project_id}/widgets/", list.path);
    assertEquals("widgets_all_list", Trees.text(list.operation, "operationId"));
    Normalizer.Match item = n.find("widgets_retrieve", "get",
        "/api/projects/{project_id}/widgets/{id}/");
    assertEquals("/api/projects/{project_id}/widgets/{id}/", item.path);
    // Marked removed: only the same route counts, not the id elsewhere.
    assertEquals(null, n.find("widgets_list", "get", "/api/projects/{project_id}/gone/", false,
        true));
    assertEquals("/api/projects/{project_id}/widgets/{id}/",
        n.find("widgets_list", "get", "/api/projects/{project_id}/gone/").path);

    RefreshTool.Result r = run(file.toString(), tmp.resolve("none.yaml"), OVERLAY, false);
    assertEquals(List.of(), r.problems);
    JsonNode spec = TestFiles.YAML.readTree(r.specYaml);
    assertEquals("widgets_list", spec.path("paths").path("/api/projects/{project_id}/widgets/")
        .path("get").path("operationId").asText());
    assertEquals("widgets_retrieve", spec.path("paths")
        .path("/api/projects/{project_id}/widgets/{id}/").path("get").path("operationId").asText());
  }

  private static String[] concat(String[] a, String b) {
    String[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }

  @Test
  void operationRemovedUpstreamIsCarriedForward() throws IOException {
    Path previous = v1Selection();
    JsonNode v1 = TestFiles.yaml(previous);
    Path marked = overlayVariant("overlay-marked.yaml",
        o -> op(o, "legacy_stats_retrieve").put("upstream", "removed")
            .put("replacement", "GET /api/projects/{project_id}/stats/"));

    // Unmarked: reported as breaking drift, and kept.
    RefreshTool.Result unmarked = run(V2, previous, OVERLAY, true);
    assertTrue(rows(unmarked.report).contains(LEGACY_ROW), unmarked.report);
    assertCarried(unmarked, v1);

    // Marked upstream: removed: kept without a drift item, deprecated in the spec.
    RefreshTool.Result r = run(V2, previous, marked, false);
    assertEquals(List.of(), r.problems);
    List<String> expectedRows = new ArrayList<>(PLANTED);
    expectedRows.remove(LEGACY_ROW);
    assertEquals(expectedRows, rows(r.report), r.report);
    assertCarried(r, v1);
    JsonNode specOp = TestFiles.YAML.readTree(r.specYaml).path("paths")
        .path("/api/projects/{project_id}/legacy_stats/").path("get");
    assertTrue(specOp.path("deprecated").asBoolean(false), "deprecated in the spec");
    assertEquals("removed", specOp.path("x-hedgekit-upstream").asText());
    assertEquals("GET /api/projects/{project_id}/stats/",
        specOp.path("x-hedgekit-replacement").asText());
    assertFalse(specOp.has(Normalizer.CARRIED), "the carried mark stays in the selection");
    assertEquals("#/components/schemas/LegacyStats", specOp.path("responses").path("200")
        .path("content").path("application/json").path("schema").path("$ref").asText());

    // The next refresh starts from a selection with the carried operation: still carried,
    // and nothing else to report.
    Path accepted = tmp.resolve("selection-v2.yaml");
    Files.writeString(accepted, run(V2, previous, marked, true).selectionYaml);
    RefreshTool.Result again = run(V2, accepted, marked, false);
    assertEquals(0, again.status);
    assertTrue(again.report.contains("No drift"), again.report);
    assertEquals(Files.readString(accepted), again.selectionYaml, "a fixed point");
    RefreshTool.Result againUnmarked = run(V2, accepted, OVERLAY, false);
    assertEquals(List.of(LEGACY_ROW), rows(againUnmarked.report));
    assertEquals(2, againUnmarked.status);
  }

  private static void assertCarried(RefreshTool.Result r, JsonNode v1) throws IOException {
    JsonNode selection = TestFiles.YAML.readTree(r.selectionYaml);
    JsonNode op = selection.path("paths").path("/api/projects/{project_id}/legacy_stats/")
        .path("get");
    assertEquals("legacy_stats_retrieve", op.path("operationId").asText(), r.selectionYaml);
    assertTrue(op.path(Normalizer.CARRIED).asBoolean(false), "marked x-hedgekit-carried");
    ObjectNode withoutMark = ((ObjectNode) op.deepCopy());
    withoutMark.remove(Normalizer.CARRIED);
    assertEquals(v1.path("paths").path("/api/projects/{project_id}/legacy_stats/").path("get"),
        withoutMark, "carried as the previous selection had it");
    assertEquals(v1.path("components").path("schemas").path("LegacyStats"),
        selection.path("components").path("schemas").path("LegacyStats"),
        "its schema is carried too");
  }

  @Test
  void unmappedPathParameterRenameIsAProblem() throws IOException {
    Path previous = v1Selection();
    Path overlay = overlayVariant("overlay-no-rename.yaml",
        o -> op(o, "widgets_retrieve").remove("renameParameters"));
    RefreshTool.Result r = run(V2, previous, overlay, true);
    assertEquals(1, r.status);
    assertEquals(List.of("widgets_retrieve: path parameters [project_id, widget_id] do not match"
        + " the path /api/projects/{project_id}/widgets/{id}/; map upstream's names with"
        + " renameParameters"), r.problems);
  }
}
