package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed posthog-api.yaml is a clean OpenAPI 3.0.3 document the generator can trust. */
class SpecValidityTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

  private static String text;
  private static JsonNode spec;

  @BeforeAll
  static void load() {
    text = TestFiles.text(TestFiles.file("posthog-api.yaml"));
    spec = TestFiles.yaml(TestFiles.file("posthog-api.yaml"));
  }

  /** Calls back with (where, operation) for every operation of the spec. */
  private static void eachOperation(BiConsumer<String, JsonNode> each) {
    spec.path("paths").properties().iterator().forEachRemaining(p -> {
      for (String m : TestFiles.METHODS) {
        JsonNode op = p.getValue().get(m);
        if (op != null) {
          each.accept(m.toUpperCase() + " " + p.getKey(), op);
        }
      }
    });
  }

  @Test
  void swaggerParserReportsNothing() {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertTrue(result.getOpenAPI() != null, "the parser built no model");
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    TestFiles.assertNone(messages, "swagger-parser messages");
    assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    // Guard against a silently empty parse: the model must hold what the tree holds.
    assertEquals(spec.path("paths").size(), result.getOpenAPI().getPaths().size());
  }

  @Test
  void operationIdsAreUnique() {
    Map<String, String> seen = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    eachOperation((where, op) -> {
      String id = op.path("operationId").asText("");
      if (id.isBlank()) {
        problems.add(where + ": no operationId");
      } else if (seen.containsKey(id)) {
        problems.add(id + ": used by " + seen.get(id) + " and " + where);
      } else {
        seen.put(id, where);
      }
    });
    TestFiles.assertNone(problems, "operationIds");
    assertTrue(seen.size() > 0, "no operations");
  }

  @Test
  void pathParametersMatchTheirPaths() {
    List<String> problems = new ArrayList<>();
    spec.path("paths").properties().iterator().forEachRemaining(p -> {
      String path = p.getKey();
      Set<String> placeholders = new TreeSet<>();
      Matcher m = PLACEHOLDER.matcher(path);
      while (m.find()) {
        if (!placeholders.add(m.group(1))) {
          problems.add(path + ": {" + m.group(1) + "} appears twice");
        }
      }
      for (String method : TestFiles.METHODS) {
        JsonNode op = p.getValue().get(method);
        if (op == null) {
          continue;
        }
        String where = method.toUpperCase() + " " + path;
        Set<String> declared = new TreeSet<>();
        List<JsonNode> params = new ArrayList<>();
        p.getValue().path("parameters").forEach(params::add);
        op.path("parameters").forEach(params::add);
        for (JsonNode param : params) {
          if (!"path".equals(param.path("in").asText())) {
            continue;
          }
          String name = param.path("name").asText();
          declared.add(name);
          if (!param.path("required").asBoolean(false)) {
            problems.add(where + ": path parameter " + name + " is not required: true");
          }
          if (!placeholders.contains(name)) {
            problems.add(where + ": path parameter " + name + " is not in the path");
          }
        }
        for (String ph : placeholders) {
          if (!declared.contains(ph)) {
            problems.add(where + ": {" + ph + "} is not declared as an in: path parameter");
          }
        }
      }
    });
    TestFiles.assertNone(problems, "path parameters");
  }

  @Test
  void everyPathEndsWithSlash() {
    List<String> problems = new ArrayList<>();
    spec.path("paths").fieldNames().forEachRemaining(path -> {
      if (!path.startsWith("/") || !path.endsWith("/")) {
        problems.add(path);
      }
    });
    TestFiles.assertNone(problems, "paths that do not end with '/'");
  }

  @Test
  void everyOperationIsDocumented() {
    Set<String> declaredTags = new TreeSet<>();
    spec.path("tags").forEach(t -> declaredTags.add(t.path("name").asText()));
    List<String> problems = new ArrayList<>();
    eachOperation((where, op) -> {
      JsonNode tags = op.path("tags");
      if (tags.size() != 1) {
        problems.add(where + ": " + tags.size() + " tags, expected exactly one");
      } else if (!declaredTags.contains(tags.get(0).asText())) {
        problems.add(where + ": tag " + tags.get(0).asText() + " is not declared under tags");
      }
      String summary = op.path("summary").asText("");
      if (summary.isBlank()) {
        problems.add(where + ": no summary");
      } else if (summary.length() > 80) {
        problems.add(where + ": summary longer than 80 characters (" + summary.length() + ")");
      }
      if (op.path("description").asText("").isBlank()) {
        problems.add(where + ": no description");
      }
      // Operations beyond the documented actions carry no x-composio-slugs (ActionCatalogueTest
      // checks they are the declared ones); a list that is there is not empty.
      JsonNode slugs = op.path("x-composio-slugs");
      if (op.has("x-composio-slugs") && (!slugs.isArray() || slugs.size() == 0)) {
        problems.add(where + ": x-composio-slugs empty or not a list");
      } else {
        slugs.forEach(s -> {
          if (!s.isTextual() || s.asText().isBlank()) {
            problems.add(where + ": blank slug in x-composio-slugs");
          }
        });
      }
    });
    TestFiles.assertNone(problems, "operation documentation");
  }

  @Test
  void everyRefResolves() {
    List<String> problems = new ArrayList<>();
    int[] count = {0};
    walk(spec, "", (pointer, node) -> {
      JsonNode ref = node.get("$ref");
      if (ref == null || !node.isObject()) {
        return;
      }
      count[0]++;
      String r = ref.asText();
      if (!r.startsWith("#/")) {
        problems.add(pointer + ": $ref " + r + " is not local");
      } else if (spec.at(r.substring(1)).isMissingNode()) {
        problems.add(pointer + ": $ref " + r + " does not resolve");
      }
    });
    TestFiles.assertNone(problems, "references");
    assertTrue(count[0] > 0, "no $ref found at all");
  }

  @Test
  void serverIsPostHogCloudWithRegionVariable() {
    JsonNode servers = spec.path("servers");
    assertEquals(1, servers.size(), "servers");
    assertEquals("https://{subdomain}.posthog.com", servers.get(0).path("url").asText());
    assertEquals("us", servers.get(0).path("variables").path("subdomain").path("default").asText());
  }

  @Test
  void securityIsABearerPersonalApiKey() {
    JsonNode schemes = spec.path("components").path("securitySchemes");
    List<String> bearer = new ArrayList<>();
    schemes.properties().iterator().forEachRemaining(e -> {
      if ("http".equals(e.getValue().path("type").asText())
          && "bearer".equalsIgnoreCase(e.getValue().path("scheme").asText())) {
        bearer.add(e.getKey());
      }
    });
    assertEquals(1, bearer.size(), "bearer security schemes: " + bearer);
    JsonNode security = spec.path("security");
    assertEquals(1, security.size(), "global security requirements");
    assertTrue(security.get(0).has(bearer.get(0)),
        "the global security requirement does not use " + bearer.get(0));
  }

  /** Summaries and descriptions end up in Javadoc comments and Java string literals. */
  @Test
  void summariesAndDescriptionsAreSafeInJavadoc() {
    List<String> problems = new ArrayList<>();
    walk(spec, "", (pointer, node) -> {
      for (String key : new String[] {"summary", "description"}) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
          continue;
        }
        String s = v.asText();
        if (s.contains("*/") || s.contains("\"") || s.contains("\\")) {
          problems.add(pointer + "/" + key + ": " + s);
        }
      }
    });
    TestFiles.assertNone(problems, "summaries or descriptions with */, \" or a backslash");
  }

  /** Visits every object node with its JSON pointer. */
  private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visit) {
    if (node.isObject()) {
      visit.accept(pointer, node);
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), visit);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, visit);
      }
    }
  }
}
