package dev.hedgekit.posthog.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.PostHogClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue built from the spec against the documented one (openapi/actions.yaml): the
 * same 358 slugs and operations, and every parameter name the toolkit documents is accepted.
 */
class CatalogueTest {

  private static final Path ACTIONS_YAML = Path.of("..", "openapi", "actions.yaml");
  private static final Pattern SLUG = Pattern.compile("^  - slug: (\\S+)\\s*$");
  private static final Pattern OPERATION = Pattern.compile("^    operationId: (\\S+)\\s*$");
  private static final Pattern PARAMETER = Pattern.compile("^      - \\{name: \"([^\"]+)\"");
  private static final Pattern NOT_ACCEPTED = Pattern.compile("^    notAccepted: \\[(.*)]\\s*$");

  private static PostHogClient client;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder("http://127.0.0.1:9").build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** One documented action. */
  private static final class Documented {
    String operationId;
    final List<String> parameters = new ArrayList<>();
    final List<String> notAccepted = new ArrayList<>();
  }

  /** Reads the few line shapes of actions.yaml that matter here. */
  private static Map<String, Documented> documented() throws IOException {
    Map<String, Documented> out = new LinkedHashMap<>();
    Documented cur = null;
    for (String line : Files.readAllLines(ACTIONS_YAML, StandardCharsets.UTF_8)) {
      Matcher m;
      if ((m = SLUG.matcher(line)).matches()) {
        cur = new Documented();
        out.put(m.group(1), cur);
      } else if (cur != null && (m = OPERATION.matcher(line)).matches()) {
        cur.operationId = m.group(1);
      } else if (cur != null && (m = PARAMETER.matcher(line)).find()) {
        cur.parameters.add(m.group(1));
      } else if (cur != null && (m = NOT_ACCEPTED.matcher(line)).matches()) {
        for (String n : m.group(1).split(",")) {
          cur.notAccepted.add(n.trim());
        }
      }
    }
    return out;
  }

  @Test
  void listIsSortedAndMatchesTheDocumentedActions() throws IOException {
    Map<String, Documented> docs = documented();
    assertEquals(358, docs.size());
    List<ToolDescriptor> all = client.toolkit().list();
    List<String> slugs = all.stream().map(ToolDescriptor::slug).collect(Collectors.toList());
    assertEquals(slugs.stream().sorted().collect(Collectors.toList()), slugs, "sorted");
    assertEquals(docs.keySet().stream().sorted().collect(Collectors.toList()), slugs);
    for (ToolDescriptor d : all) {
      assertEquals(docs.get(d.slug()).operationId, d.operationId(), d.slug());
    }
  }

  @Test
  void everyDocumentedParameterNameIsAccepted() throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Documented> e : documented().entrySet()) {
      for (String name : e.getValue().parameters) {
        boolean refused = client.toolkit().validate(e.getKey(), Map.of(name, "1")).stream()
            .anyMatch(p -> p.rule() == ValidationRule.UNKNOWN_PARAMETER
                && name.equals(p.parameter()));
        boolean expectRefusal = e.getValue().notAccepted.contains(name);
        if (refused != expectRefusal) {
          failures.add(e.getKey() + "." + name + (refused ? " refused" : " accepted"));
        }
        checked++;
      }
    }
    assertTrue(checked > 2000, "checked " + checked);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void describeGivesTheOperation() {
    ToolDescriptor d = client.toolkit().describe("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS");
    assertEquals("feature_flags_list", d.operationId());
    assertEquals("GET", d.method());
    assertEquals("/api/projects/{project_id}/feature_flags/", d.path());
    assertFalse(d.summary().isBlank());
    assertFalse(d.description().isBlank());
    assertFalse(d.deprecated());
    assertTrue(client.toolkit().describe("POSTHOG_RETRIEVE_PROJECT_MEMBER_DETAILS_BY_UUID")
        .deprecated());
    assertEquals("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS (GET "
        + "/api/projects/{project_id}/feature_flags/)", d.toString());
    assertTrue(client.toolkit().find("POSTHOG_NOPE").isEmpty());
  }

  @Test
  void describeOfAnUnknownSlugSuggests() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.toolkit().describe("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAG"));
    assertTrue(e.getMessage().startsWith("action 'POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAG':"
        + " unknown; did you mean 'POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS'"),
        e.getMessage());
  }

  @Test
  void parametersSchemaIsACopy() {
    ToolDescriptor d = client.toolkit().describe("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS");
    d.parametersSchema().put("title", "changed");
    assertEquals("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS",
        d.parametersSchema().get("title").asText());
  }
}
