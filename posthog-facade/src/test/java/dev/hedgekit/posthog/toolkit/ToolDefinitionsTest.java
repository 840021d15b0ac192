package dev.hedgekit.posthog.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exported tool definitions: every parameters schema is a valid JSON Schema 2020-12
 * (checked against the official meta-schema), the tool shapes are right, and sample inputs
 * validate (or not) as they should.
 */
class ToolDefinitionsTest {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static PostHogClient client;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder("http://127.0.0.1:9").build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private static Schema metaSchema() {
    return REGISTRY.getSchema(SchemaLocation.of(SchemaExport.DIALECT));
  }

  private static List<String> problems(Schema schema, JsonNode instance) {
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      out.add(e.toString());
    }
    return out;
  }

  @Test
  void theMetaSchemaCatchesMistakes() {
    Schema meta = metaSchema();
    assertFalse(problems(meta, ActionTestSupport.tree("{\"type\":5}")).isEmpty());
    assertFalse(problems(meta, ActionTestSupport.tree("{\"type\":[\"string\",\"nil\"]}"))
        .isEmpty());
    assertFalse(problems(meta, ActionTestSupport.tree("{\"required\":\"id\"}")).isEmpty());
    assertFalse(problems(meta, ActionTestSupport.tree("{\"properties\":{\"a\":3}}")).isEmpty());
  }

  @Test
  void everyParametersSchemaIsValidJsonSchema202012() {
    Schema meta = metaSchema();
    List<String> failures = new ArrayList<>();
    List<ToolDescriptor> all = client.toolkit().list();
    assertEquals(358, all.size());
    for (ToolDescriptor d : all) {
      ObjectNode schema = d.parametersSchema();
      List<String> p = problems(meta, schema);
      if (!p.isEmpty()) {
        failures.add(d.slug() + ": " + p);
      }
      assertEquals(SchemaExport.DIALECT, schema.get("$schema").asText());
      assertEquals("object", schema.get("type").asText());
      assertFalse(schema.get("additionalProperties").asBoolean(true));
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void openAiToolsAreValidAndComplete() {
    ArrayNode tools = client.toolkit().toolDefinitions(ToolFormat.OPENAI);
    assertEquals(358, tools.size());
    Schema meta = metaSchema();
    Set<String> names = new HashSet<>();
    List<String> failures = new ArrayList<>();
    for (JsonNode tool : tools) {
      assertEquals("function", tool.get("type").asText());
      JsonNode fn = tool.get("function");
      String name = fn.get("name").asText();
      check(name, fn.get("description"), fn.get("parameters"), meta, names, failures);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void anthropicToolsAreValidAndComplete() {
    ArrayNode tools = client.toolkit().toolDefinitions(ToolFormat.ANTHROPIC);
    assertEquals(358, tools.size());
    Schema meta = metaSchema();
    Set<String> names = new HashSet<>();
    List<String> failures = new ArrayList<>();
    for (JsonNode tool : tools) {
      assertEquals(3, tool.size(), tool::toString);
      String name = tool.get("name").asText();
      check(name, tool.get("description"), tool.get("input_schema"), meta, names, failures);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static void check(String name, JsonNode description, JsonNode schema, Schema meta,
      Set<String> names, List<String> failures) {
    if (!NAME.matcher(name).matches()) {
      failures.add(name + ": name does not match " + NAME);
    }
    if (!names.add(name)) {
      failures.add(name + ": duplicate name");
    }
    if (description == null || description.asText().isBlank()) {
      failures.add(name + ": empty description");
    }
    List<String> p = problems(meta, schema);
    if (!p.isEmpty()) {
      failures.add(name + ": " + p);
    }
    if (schema.toString().contains("\"readOnly\":true")) {
      failures.add(name + ": a read-only field is in the tool schema");
    }
  }

  private static Schema toolSchema(String slug) {
    for (JsonNode tool : client.toolkit().toolDefinitions(ToolFormat.ANTHROPIC)) {
      if (tool.get("name").asText().equals(slug)) {
        return REGISTRY.getSchema(tool.get("input_schema"));
      }
    }
    throw new AssertionError("no tool " + slug);
  }

  @Test
  void sampleInputsValidateAgainstTheirSchemas() {
    Schema flags = toolSchema("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS");
    assertEquals(List.of(), problems(flags,
        ActionTestSupport.tree("{\"project_id\":\"1\",\"limit\":5,\"search\":\"beta\"}")));
    assertFalse(problems(flags, ActionTestSupport.tree("{\"project_id\":\"1\",\"limit\":\"x\"}"))
        .isEmpty());
    assertFalse(problems(flags, ActionTestSupport.tree("{\"project_id\":\"1\",\"serch\":\"x\"}"))
        .isEmpty());
    assertFalse(problems(flags, ActionTestSupport.tree("{}")).isEmpty(), "project_id required");

    Schema invite = toolSchema("POSTHOG_CREATE_ORGANIZATION_INVITE_WITH_ROLE_AND_EMAIL");
    assertEquals(List.of(), problems(invite, ActionTestSupport.tree(
        "{\"organization_id\":\"@current\",\"target_email\":\"ada@example.com\",\"level\":8,"
            + "\"message\":null,\"send_email\":false}")));
    assertFalse(problems(invite, ActionTestSupport.tree(
        "{\"organization_id\":\"@current\",\"target_email\":\"ada@example.com\",\"level\":3}"))
        .isEmpty(), "level outside the enum");
    assertFalse(problems(invite, ActionTestSupport.tree(
        "{\"organization_id\":\"@current\",\"target_email\":\"a@b.co\",\"id\":\"x\"}")).isEmpty(),
        "read-only id is not part of the tool schema");

    Schema bookmark = toolSchema("POSTHOG_BOOKMARK_PROJECT_ACTIVITY_NOTIFICATION");
    assertEquals(List.of(), problems(bookmark, ActionTestSupport.tree(
        "{\"project_id\":\"1\",\"activity\":\"updated\",\"scope\":\"FeatureFlag\","
            + "\"user\":{\"email\":\"ada@example.com\",\"is_email_verified\":null}}")));

    Schema deleteProperty = toolSchema("POSTHOG_PERSON_PROPERTY_DELETION_ENDPOINT");
    assertEquals(List.of(), problems(deleteProperty,
        ActionTestSupport.tree("{\"project_id\":\"1\","
            + "\"id\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"$unset\":\"plan\"}")));
  }

  @Test
  void describedSchemasListReadOnlyFieldsAndDefaults() {
    ObjectNode s = client.toolkit()
        .describe("POSTHOG_CREATE_ORGANIZATION_INVITE_WITH_ROLE_AND_EMAIL").parametersSchema();
    assertTrue(s.at("/properties/id/readOnly").asBoolean());
    assertTrue(s.at("/properties/send_email/default").asBoolean());
    assertEquals("[\"string\",\"null\"]", s.at("/properties/message/type").toString());
    assertEquals("[\"organization_id\",\"target_email\"]", s.get("required").toString());
  }

  @Test
  void aClientsDefaultIdsMakeThemOptional() {
    try (PostHogClient withDefaults = ActionTestSupport.builder("http://127.0.0.1:9")
        .projectId("77").build()) {
      ObjectNode s = withDefaults.toolkit()
          .describe("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS").parametersSchema();
      assertEquals("77", s.at("/properties/project_id/default").asText());
      assertTrue(s.get("required") == null || !s.get("required").toString().contains("project_id"));
    }
  }
}
