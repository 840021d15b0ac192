package dev.hedgekit.posthog.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExampleGeneratorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String SPEC = String.join("\n",
      "{'components': {'schemas': {",
      " 'FeatureFlag': {'type': 'object', 'required': ['key'], 'properties': {",
      "   'id': {'type': 'integer', 'readOnly': true},",
      "   'key': {'type': 'string'}, 'name': {'type': 'string'},",
      "   'filters': {'type': 'object', 'additionalProperties': {}},",
      "   'deleted': {'type': 'boolean'}, 'active': {'type': 'boolean'},",
      "   'created_at': {'type': 'string', 'format': 'date-time', 'readOnly': true},",
      "   'created_by': {'$ref': '#/components/schemas/UserBasic'},",
      "   'rollout_percentage': {'type': 'integer', 'nullable': true, 'maximum': 100},",
      "   'tags': {'type': 'array', 'items': {}},",
      "   'status': {'allOf': [{'$ref': '#/components/schemas/StatusEnum'}], 'readOnly': true},",
      "   'role': {'nullable': true, 'oneOf': [{'$ref': '#/components/schemas/NullEnum'},",
      "                                        {'$ref': '#/components/schemas/RoleEnum'}]},",
      "   'short_id': {'type': 'string', 'maxLength': 4},",
      "   'homepage': {'type': 'string', 'format': 'uri'},",
      "   'payload': {'nullable': true},",
      "   'password': {'type': 'string', 'writeOnly': true}}},",
      " 'UserBasic': {'type': 'object', 'properties': {",
      "   'uuid': {'type': 'string', 'format': 'uuid'}, 'email': {'type': 'string', 'format': 'email'},",
      "   'distinct_id': {'type': 'string'}}},",
      " 'StatusEnum': {'enum': ['active', 'stale'], 'type': 'string'},",
      " 'RoleEnum': {'enum': ['engineering', 'data'], 'type': 'string'},",
      " 'NullEnum': {'enum': [null]},",
      " 'Named': {'type': 'object', 'properties': {'name': {'type': 'string'}}},",
      " 'Dashboard': {'allOf': [{'$ref': '#/components/schemas/Named'},",
      "   {'type': 'object', 'properties': {'pinned': {'type': 'boolean'}, 'score': {'type': 'number'}}}]},",
      " 'Node': {'type': 'object', 'properties': {'name': {'type': 'string'},",
      "   'children': {'type': 'array', 'items': {'$ref': '#/components/schemas/Node'}},",
      "   'parent': {'allOf': [{'$ref': '#/components/schemas/Node'}], 'nullable': true}}},",
      " 'Page': {'type': 'object', 'properties': {'count': {'type': 'integer'},",
      "   'next': {'type': 'string', 'format': 'uri', 'nullable': true},",
      "   'previous': {'type': 'string', 'format': 'uri', 'nullable': true},",
      "   'results': {'type': 'array', 'items': {'$ref': '#/components/schemas/FeatureFlag'}}}},",
      " 'Counts': {'type': 'object', 'additionalProperties': {'type': 'integer'}},",
      " 'Typed31': {'type': ['string', 'null'], 'format': 'date'}",
      "}}}").replace('\'', '"');

  private final JsonNode spec = read(SPEC);
  private final ExampleGenerator generator = new ExampleGenerator(spec);

  @Test
  void featureFlagReadsLikePostHogs() {
    JsonNode flag = generate("FeatureFlag");
    assertEquals(101, flag.path("id").asInt());
    assertEquals("new-onboarding-flow", flag.path("key").asText());
    assertEquals("New onboarding flow", flag.path("name").asText());
    assertFalse(flag.path("deleted").asBoolean(true));
    assertTrue(flag.path("active").asBoolean(false));
    assertEquals(Instant.parse("2025-01-15T09:30:00Z"),
        Instant.parse(flag.path("created_at").asText()));
    assertEquals(50, flag.path("rollout_percentage").asInt());
    assertEquals(2, flag.path("tags").size());
    assertEquals("active", flag.path("status").asText(), "allOf of one enum gives its first value");
    assertEquals("engineering", flag.path("role").asText(), "oneOf skips the null-only choice");
    assertEquals(4, flag.path("short_id").asText().length(), "maxLength");
    assertTrue(flag.path("homepage").asText().startsWith("https://"));
    assertTrue(flag.get("payload").isNull(), "a schema that is only nullable gives null");
    assertFalse(flag.has("password"), "writeOnly is left out of answers");
    assertTrue(flag.path("filters").path("groups").isArray(), "flag filters look like flag filters");

    JsonNode user = flag.path("created_by");
    UUID.fromString(user.path("uuid").asText());
    assertTrue(user.path("email").asText().endsWith("@example.com"));
    assertEquals("user-1001", user.path("distinct_id").asText());
  }

  @Test
  void sameInputSameOutput() {
    for (String name : new String[] {"FeatureFlag", "Dashboard", "Node", "Page", "Counts"}) {
      assertEquals(generate(name), new ExampleGenerator(read(SPEC)).generate(ref(name)), name);
    }
  }

  @Test
  void paginatedListsHaveTwoResultsAndNoOtherPage() {
    JsonNode page = generate("Page");
    assertEquals(2, page.path("count").asInt());
    assertTrue(page.get("next").isNull());
    assertTrue(page.get("previous").isNull());
    assertEquals(2, page.path("results").size());
    JsonNode first = page.path("results").get(0);
    JsonNode second = page.path("results").get(1);
    assertEquals("new-onboarding-flow", first.path("key").asText());
    assertNotEquals(first.path("id"), second.path("id"));
    assertNotEquals(first.path("created_by").path("uuid"), second.path("created_by").path("uuid"));
  }

  @Test
  void allOfIsMergedAndNamesFollowTheResource() {
    JsonNode dashboard = generate("Dashboard");
    assertEquals("Product overview", dashboard.path("name").asText());
    assertFalse(dashboard.path("pinned").asBoolean(true));
    assertTrue(dashboard.path("score").isNumber());
  }

  @Test
  void recursionStops() {
    JsonNode node = generate("Node");
    assertTrue(node.path("children").isArray());
    int depth = 0;
    JsonNode n = node;
    while (n.path("children").size() > 0) {
      n = n.path("children").get(0);
      depth++;
    }
    assertTrue(depth <= ExampleGenerator.MAX_DEPTH, "depth " + depth);
    assertTrue(node.toString().length() < 100_000);
  }

  @Test
  void mapsFreeFormAndScalars() {
    JsonNode counts = generate("Counts");
    assertEquals(1, counts.size());
    assertTrue(counts.elements().next().isIntegralNumber());
    assertEquals("2025-01-15", generate("Typed31").asText(), "OpenAPI 3.1 type lists");
    assertEquals(MAPPER.createObjectNode(), generator.generate(read("{}")), "free-form is {}");
    assertEquals(MAPPER.createObjectNode(),
        generator.generate(read("{\"type\": \"object\", \"additionalProperties\": true}")));
    assertTrue(generator.generate(read("{\"type\": \"string\", \"format\": \"uuid\"}"))
        .asText().matches("[0-9a-f-]{36}"));
    assertTrue(generator.generate(read("{\"type\": \"integer\", \"minimum\": 500}")).asInt() >= 500);
    assertTrue(generator.generate(read("{\"type\": \"boolean\"}")).isBoolean());
    assertEquals(2, generator.generate(read("{\"type\": \"array\"}")).size());
    assertEquals(1, generator.generate(read("{\"type\": \"array\", \"maxItems\": 1}")).size());
    assertTrue(generator.generate(read("{\"$ref\": \"#/components/schemas/Missing\"}")).isObject());
  }

  private JsonNode generate(String schemaName) {
    return generator.generate(ref(schemaName));
  }

  private static JsonNode ref(String schemaName) {
    return MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + schemaName);
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
