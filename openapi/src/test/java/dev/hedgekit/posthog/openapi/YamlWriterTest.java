package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What YamlWriter writes, Jackson's YAML reader reads back as the same tree. */
class YamlWriterTest {

  /** Strings YAML could misread if they were written plain. */
  private static final List<String> TRICKY = List.of(
      // numbers, booleans and nulls in YAML 1.1 and 1.2 spellings
      "1", "-1", "+1", "1.5", "1e3", "1E-3", "0x1F", "0o17", "017", "1_000", "1:30", ".5", ".5e3",
      "-.5", "1.", ".inf", "-.Inf", ".NaN", "NaN", "Infinity", "2024-01-31", "2024-01-31T10:00:00Z",
      "true", "True", "FALSE", "yes", "No", "on", "OFF", "y", "N", "null", "Null", "NULL", "~", "",
      // indicators and other characters with a meaning
      "@current", "$ref", "$unset", "$set_once", "$", "@", "a: b", "a:b", "http://x.y/z", "ends:",
      "a #b", "a#b", "# comment", "'quoted'", "\"double\"", "it's", "say \"hi\"", "back\\slash",
      "-", "- item", "-7d", "? key", "&anchor", "*alias", "!tag", "%directive", "|", ">", "`tick`",
      "[a, b]", "{a: b}", "a, b", "a,b", "{project_id}", "/api/projects/{project_id}/", "a{b}",
      "...", "---", "--- x", "<<", "=", " leading", "trailing ", "  ", "\t",
      // line breaks and control characters
      "line1\nline2", "crlf\r\n", "tab\there", "nul\u0000", "bell\u0007", "del\u007f",
      "next-line\u0085x", "c1\u0090x", "line-sep\u2028x", "para-sep\u2029x", "bom\ufeffx",
      // unicode
      "café", "日本語", "emoji 😀", "nbsp\u00a0x", "ümlaut: yes");

  private static void assertRoundTrip(JsonNode tree) throws IOException {
    assertEquals(tree, TestFiles.YAML.readTree(YamlWriter.write(tree)),
        () -> "written as:\n" + YamlWriter.write(tree));
  }

  /** Round-trips one tree per tricky string and reports every string that did not survive. */
  private static void assertAllSurvive(Function<String, JsonNode> treeFor) {
    List<String> failed = new ArrayList<>();
    for (String s : TRICKY) {
      JsonNode tree = treeFor.apply(s);
      String yaml = YamlWriter.write(tree);
      try {
        JsonNode back = TestFiles.YAML.readTree(yaml);
        if (!tree.equals(back)) {
          failed.add(escape(s) + " -> written as " + escape(yaml) + " read back as " + back);
        }
      } catch (IOException | RuntimeException e) {
        failed.add(escape(s) + " -> written as " + escape(yaml) + " unreadable: " + e.getMessage());
      }
    }
    assertTrue(failed.isEmpty(),
        failed.size() + " string(s) changed:\n  " + String.join("\n  ", failed));
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      boolean invisible = c < 0x20 || (c >= 0x7f && c <= 0xa0) || c > 0x2000;
      sb.append(invisible ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }

  @Test
  void trickyStringValuesSurvive() {
    assertAllSurvive(s -> Trees.obj().put("value", s));
  }

  @Test
  void trickyStringsSurviveAsKeys() {
    assertAllSurvive(s -> Trees.obj().put(s, "v").put("after", 1));
  }

  @Test
  void trickyStringsSurviveInFlowAndBlockLists() {
    assertAllSurvive(s -> {
      ObjectNode tree = Trees.obj();
      ArrayNode shortList = tree.putArray("flow");
      shortList.add("a").add(s).add("b, c").add(1).add(true);
      shortList.addNull();
      ArrayNode longList = tree.putArray("block");
      longList.add(s).add("x".repeat(120));
      ArrayNode nested = tree.putArray("nested");
      nested.addArray().add(s).add("[x]");
      nested.addObject().put(s, s);
      nested.addObject().putArray(s).add(s);
      return tree;
    });
  }

  @Test
  void typedScalarsKeepTheirTypes() throws IOException {
    ObjectNode tree = Trees.obj();
    tree.put("int", 14).put("negative", -7).put("long", 12345678901234L).put("double", 0.25)
        .put("big", 1.0e10).put("yes", true).put("no", false).putNull("nothing");
    tree.putArray("numbers").add(0).add(-1).add(2.5);
    tree.putObject("empty");
    tree.putArray("none");
    assertRoundTrip(tree);
  }

  @Test
  void nestedStructuresSurvive() throws IOException {
    ObjectNode tree = Trees.obj();
    ObjectNode paths = tree.putObject("paths");
    ObjectNode op = paths.putObject("/api/projects/{project_id}/").putObject("get");
    op.putArray("tags").add("actions");
    ArrayNode params = op.putArray("parameters");
    ObjectNode p = params.addObject();
    p.put("name", "project_id").put("in", "path").put("required", true);
    p.putObject("schema").put("type", "string");
    params.addObject().putObject("schema").putArray("enum").add("").add("csv").add("json");
    op.putObject("responses").putObject("200").put("description", "OK: yes, it works # really")
        .putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/X");
    ArrayNode list = tree.putArray("objects");
    list.addObject();
    list.addObject().put("a", 1).putObject("b").put("c", "d");
    list.addArray();
    assertRoundTrip(tree);
  }

  @Test
  void outputIsStable() {
    ObjectNode tree = Trees.obj();
    tree.put("openapi", "3.0.3").put("version", "1.0").put("ref", "$ref").put("at", "@current");
    tree.putArray("list").add("a").add("b,c");
    assertEquals("openapi: \"3.0.3\"\nversion: \"1.0\"\nref: \"$ref\"\nat: \"@current\"\n"
        + "list: [a, \"b,c\"]\n", YamlWriter.write(tree));
  }
}
