package dev.hedgekit.posthog.toolkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.toolkit.ActionTestSupport.encode;
import static dev.hedgekit.posthog.toolkit.ActionTestSupport.json;
import static dev.hedgekit.posthog.toolkit.ActionTestSupport.resolve;
import static dev.hedgekit.posthog.toolkit.ActionTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.errors.MethodNotAllowedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every action of the catalogue, run over real HTTP against WireMock with sample parameters
 * built from the spec: each path parameter with a value that needs percent-encoding where its
 * type allows, each query parameter, the required body fields and a few optional ones. The
 * expected method, raw path, query string and body are computed here from the spec alone
 * (not with the code under test), and every mismatch of an action is listed in its failure.
 */
class AllActionsWireTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).configureStaticDsl(false).build();

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String UUID = "5f0c2b8e-1d2a-4c3b-9e4f-0a1b2c3d4e5f";
  private static final String PATH_TEXT = "a b/c";
  private static final String QUERY_TEXT = "x y&z=1/\u00e9";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final int OPTIONAL_BODY_FIELDS = 3;

  private static PostHogClient client;

  @BeforeAll
  static void open() {
    client = ActionTestSupport.builder(wm).build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** One planned call and what must reach the server. */
  private static final class Case {
    String slug;
    String operationId;
    String method;
    Map<String, Object> params = new LinkedHashMap<>();
    String expectedUrl;
    JsonNode expectedBody;
    int status;
  }

  @TestFactory
  Stream<DynamicTest> everyActionSendsTheRequestTheSpecDescribes() {
    List<Case> cases = cases();
    assertEquals(358, cases.size(), "actions in the spec");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.slug + " (" + c.operationId + ")",
        () -> run(c)));
  }

  private static void run(Case c) {
    wm.resetAll();
    if (c.status == 204) {
      wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    } else if (c.status == 405) {
      wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(405)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"type\":\"invalid_request\",\"code\":\"method_not_allowed\","
              + "\"detail\":\"Method \\\"DELETE\\\" not allowed.\",\"attr\":null}")));
    } else {
      wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(c.status)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"ok\":true,\"op\":\"" + c.operationId + "\"}")));
    }

    ToolResult result = client.toolkit().execute(c.slug, c.params);

    List<String> mismatches = new ArrayList<>();
    List<LoggedRequest> requests = wm.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    if (requests.size() != 1) {
      fail(c.slug + ": expected exactly one request, got " + requests.size() + "; result: "
          + result.toJsonString());
    }
    LoggedRequest r = requests.get(0);
    if (!r.getMethod().getName().equals(c.method)) {
      mismatches.add("method: expected " + c.method + ", sent " + r.getMethod().getName());
    }
    if (!r.getUrl().equals(c.expectedUrl)) {
      mismatches.add("url:\n    expected " + c.expectedUrl + "\n    sent     " + r.getUrl());
    }
    String sentBody = r.getBodyAsString();
    if (c.expectedBody == null) {
      if (!sentBody.isEmpty()) {
        mismatches.add("body: expected none, sent " + sentBody);
      }
    } else if (sentBody.isEmpty()
        || !equalToJson(json(c.expectedBody)).match(sentBody).isExactMatch()) {
      mismatches.add("body:\n    expected " + json(c.expectedBody) + "\n    sent     " + sentBody);
    }
    if (c.status == 405) {
      if (result.successful() || !(result.exception().orElse(null)
          instanceof MethodNotAllowedException)) {
        mismatches.add("result: expected a 405 MethodNotAllowedException, got "
            + result.toJsonString());
      }
    } else if (!result.successful()) {
      mismatches.add("result: expected success, got " + result.toJsonString());
    } else if (c.status == 204 ? result.data() != null
        : !result.data().path("op").asText().equals(c.operationId)) {
      mismatches.add("data: " + result.toJsonString());
    }
    if (!mismatches.isEmpty()) {
      fail(c.slug + " (" + c.operationId + ") with " + json(c.params) + ":\n  - "
          + String.join("\n  - ", mismatches));
    }
    assertTrue(mismatches.isEmpty());
  }

  // ---- the oracle: expectations from the spec alone ----

  private static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec().path("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> item = paths.next();
      for (String m : METHODS) {
        JsonNode op = item.getValue().get(m);
        if (op == null || !op.has("x-composio-slugs")) {
          continue;
        }
        for (JsonNode slug : op.get("x-composio-slugs")) {
          out.add(plan(slug.asText(), m, item.getKey(), op));
        }
      }
    }
    return out;
  }

  private static Case plan(String slug, String method, String pathTemplate, JsonNode op) {
    Case c = new Case();
    c.slug = slug;
    c.operationId = op.path("operationId").asText();
    c.method = method.toUpperCase(Locale.ROOT);
    c.status = status(op);
    String path = pathTemplate;
    List<String> query = new ArrayList<>();
    Set<String> wireNames = new TreeSet<>();
    for (JsonNode p : op.path("parameters")) {
      String name = p.get("name").asText();
      wireNames.add(name);
      JsonNode schema = resolve(p.path("schema"));
      if ("path".equals(p.get("in").asText())) {
        Object v = pathValue(schema);
        c.params.put(name, v);
        path = path.replace("{" + name + "}", encode(String.valueOf(v)));
      } else if ("query".equals(p.get("in").asText())) {
        Object v = queryValue(schema);
        c.params.put(name, v);
        query.addAll(queryPairs(name, v));
      }
    }
    c.expectedUrl = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    JsonNode rb = op.get("requestBody");
    if (rb != null) {
      JsonNode body = resolve(rb.path("content").path("application/json").path("schema"));
      // A list body (bulk invites, group type metadata): the fields make one item, sent as a
      // list of that item.
      boolean list = "array".equals(body.path("type").asText());
      if (list) {
        body = resolve(body.path("items"));
      }
      boolean bodyRequired = rb.path("required").asBoolean(false);
      Set<String> required = new TreeSet<>();
      body.path("required").forEach(r -> required.add(r.asText()));
      ObjectNode expectedBody = F.objectNode();
      c.expectedBody = list ? F.arrayNode().add(expectedBody) : expectedBody;
      int optional = 0;
      Iterator<Map.Entry<String, JsonNode>> fields = body.path("properties").properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode fs = resolve(f.getValue());
        if (fs.path("readOnly").asBoolean(false) || wireNames.contains(f.getKey())) {
          continue;
        }
        boolean req = bodyRequired && required.contains(f.getKey());
        if (req || optional < OPTIONAL_BODY_FIELDS) {
          if (!req) {
            optional++;
          }
          JsonNode v = sample(fs, 0);
          c.params.put(f.getKey(), v);
          expectedBody.set(f.getKey(), v);
        } else if (fs.has("default") && !"patch".equals(method)) {
          expectedBody.set(f.getKey(), fs.get("default"));
        }
      }
    }
    return c;
  }

  private static int status(JsonNode op) {
    int best = 0;
    Iterator<String> codes = op.path("responses").fieldNames();
    while (codes.hasNext()) {
      String code = codes.next();
      if (code.matches("2\\d\\d")) {
        int s = Integer.parseInt(code);
        best = best == 0 ? s : Math.min(best, s);
      }
    }
    return best == 0 ? 405 : best;
  }

  private static Object pathValue(JsonNode schema) {
    String type = schema.path("type").asText("string");
    if ("integer".equals(type)) {
      return integer(schema);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0).asText();
    }
    if ("uuid".equals(schema.path("format").asText())) {
      return UUID;
    }
    return PATH_TEXT;
  }

  private static Object queryValue(JsonNode schema) {
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return mapperValue(values.get(values.size() - 1));
    }
    switch (schema.path("type").asText("string")) {
      case "integer":
        return integer(schema);
      case "number":
        return 2.5;
      case "boolean":
        return true;
      case "array":
        JsonNode items = resolve(schema.path("items"));
        if (items.has("enum")) {
          List<Object> values = new ArrayList<>();
          for (JsonNode v : items.get("enum")) {
            if (!v.isNull() && values.size() < 2) {
              values.add(mapperValue(v));
            }
          }
          return values;
        }
        if ("object".equals(items.path("type").asText()) || items.has("properties")) {
          ArrayNode a = F.arrayNode();
          a.add(sample(items, 0));
          return a;
        }
        return List.of("a b", "c");
      default:
        return stringSample(schema, QUERY_TEXT);
    }
  }

  private static List<String> queryPairs(String name, Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object item : (List<?>) v) {
        out.add(name + "=" + encode(String.valueOf(item)));
      }
    } else if (v instanceof JsonNode) {
      out.add(name + "=" + encode(json(v)));
    } else {
      out.add(name + "=" + encode(String.valueOf(v)));
    }
    return out;
  }

  private static Object mapperValue(JsonNode v) {
    return v.isNumber() ? (Object) v.numberValue() : v.isBoolean() ? (Object) v.booleanValue()
        : v.asText();
  }

  private static int integer(JsonNode schema) {
    int v = 42;
    if (schema.has("maximum")) {
      v = Math.min(v, schema.get("maximum").asInt());
    }
    if (schema.has("minimum")) {
      v = Math.max(v, schema.get("minimum").asInt());
    }
    return v;
  }

  private static String stringSample(JsonNode schema, String plain) {
    switch (schema.path("format").asText("")) {
      case "uuid":
        return UUID;
      case "date-time":
        return "2024-01-31T12:00:00+01:00";
      case "email":
        return "someone@example.com";
      case "uri":
        return "https://example.com/a?b=c";
      default:
        return plain;
    }
  }

  /** A valid value of a body schema: required nested fields filled, three levels deep. */
  private static JsonNode sample(JsonNode schema, int depth) {
    if (schema.has("enum")) {
      for (JsonNode v : schema.get("enum")) {
        if (!v.isNull()) {
          return v;
        }
      }
    }
    String type = schema.path("type").asText("");
    if (type.isEmpty() && schema.has("properties")) {
      type = "object";
    }
    switch (type) {
      case "string":
        return F.textNode(stringSample(schema, "text value"));
      case "integer":
        return F.numberNode(integer(schema));
      case "number":
        return F.numberNode(1.5);
      case "boolean":
        return F.booleanNode(true);
      case "array": {
        ArrayNode a = F.arrayNode();
        if (schema.has("items") && depth < 3) {
          a.add(sample(resolve(schema.get("items")), depth + 1));
        }
        return a;
      }
      case "object": {
        ObjectNode o = F.objectNode();
        if (!schema.has("properties")) {
          o.put("key", "value");
          return o;
        }
        if (depth >= 3) {
          return o;
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          JsonNode ps = resolve(e.getValue());
          if (required.contains(e.getKey()) && !ps.path("readOnly").asBoolean(false)) {
            o.set(e.getKey(), sample(ps, depth + 1));
          }
        }
        return o;
      }
      default:
        ObjectNode any = F.objectNode();
        any.put("any", 1);
        return any;
    }
  }
}
