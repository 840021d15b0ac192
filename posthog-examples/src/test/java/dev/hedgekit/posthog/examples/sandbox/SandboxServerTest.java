package dev.hedgekit.posthog.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox against the spec on the classpath (whatever operations it holds) and against a
 * small inline spec for the special cases.
 */
class SandboxServerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private static SandboxServer sandbox;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void everyOperationOfTheSpecAnswersItsStatusAndABodyThatParses() throws Exception {
    List<StubbedOperation> ops = sandbox.operations();
    assertFalse(ops.isEmpty(), "the classpath spec has operations");
    List<String> problems = new ArrayList<>();
    for (StubbedOperation op : ops) {
      HttpResponse<String> r = send(op.method(), op.examplePath("1"), "Bearer phx_test");
      String answeredBy = r.headers().firstValue(SandboxServer.OPERATION_HEADER).orElse("none");
      if (r.statusCode() != op.status() || !answeredBy.equals(op.operationId())) {
        problems.add(op.operationId() + ": got " + r.statusCode() + " from " + answeredBy);
        continue;
      }
      assertTrue(op.status() >= 200 && op.status() < 300 || op.status() == 405,
          op.operationId() + " answers " + op.status());
      if (op.status() == 204) {
        assertTrue(r.body().isEmpty(), op.operationId() + ": 204 has no body");
      } else if (op.hasBody() && !"HEAD".equals(op.method())
          && op.contentType().contains("json")) {
        MAPPER.readTree(r.body());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void paginatedListsHaveTwoResultsAndNoOtherPage() throws Exception {
    StubbedOperation list = sandbox.operations().stream()
        .filter(op -> op.status() == 200 && op.hasBody()
            && op.body().startsWith("{") && op.body().contains("\"results\""))
        .findFirst().orElse(null);
    if (list == null) {
      return; // the spec has no paginated list
    }
    HttpResponse<String> r = send(list.method(), list.examplePath("7"), "Bearer phx_test");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    JsonNode page = MAPPER.readTree(r.body());
    assertEquals(2, page.path("results").size());
    assertTrue(page.path("next").isNull());
    assertTrue(page.path("previous").isNull());
  }

  @Test
  void missingAuthorizationGives401WithPostHogsErrorBody() throws Exception {
    StubbedOperation op = sandbox.operations().get(0);
    HttpResponse<String> r = send(op.method(), op.examplePath("1"), null);
    assertEquals(401, r.statusCode());
    JsonNode body = MAPPER.readTree(r.body());
    assertEquals("authentication_error", body.path("type").asText());
    assertEquals("not_authenticated", body.path("code").asText());
    assertTrue(body.has("detail"));
    assertTrue(body.get("attr").isNull());
  }

  @Test
  void authorizationThatIsNotBearerGives401() throws Exception {
    StubbedOperation op = sandbox.operations().get(0);
    HttpResponse<String> r = send(op.method(), op.examplePath("1"), "Basic dXNlcjpwYXNz");
    assertEquals(401, r.statusCode());
    assertEquals("authentication_error", MAPPER.readTree(r.body()).path("type").asText());
  }

  @Test
  void unknownPathGives404WithPostHogsErrorBody() throws Exception {
    HttpResponse<String> r = send("GET", "/api/no/such/thing/", "Bearer phx_test");
    assertEquals(404, r.statusCode());
    assertEquals("not_found", MAPPER.readTree(r.body()).path("code").asText());
  }

  @Test
  void specialCasesOfAnInlineSpec() throws Exception {
    JsonNode spec = MAPPER.readTree(String.join("\n",
        "{'paths': {",
        " '/api/projects/{project_id}/things/': {",
        "   'get': {'operationId': 'things_list', 'responses': {'200': {'content': {",
        "     'application/json': {'schema': {'$ref': '#/components/schemas/PaginatedThingList'}}}}}},",
        "   'post': {'operationId': 'things_create', 'responses': {",
        "     '400': {'description': 'bad'},",
        "     '201': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Thing'}}}}}}},",
        " '/api/projects/{project_id}/things/{id}/': {",
        "   'get': {'operationId': 'things_retrieve', 'responses': {'200': {'$ref': '#/components/responses/OneThing'}}},",
        "   'delete': {'operationId': 'things_destroy', 'responses': {'405': {'description': 'no'}}}},",
        " '/api/projects/{project_id}/things/mine/': {",
        "   'get': {'operationId': 'things_mine', 'responses': {'200': {'content': {",
        "     'application/json': {'schema': {'type': 'array', 'items': {'$ref': '#/components/schemas/Thing'}}}}}}}},",
        " '/api/projects/{project_id}/things/{id}/archive/': {",
        "   'post': {'operationId': 'things_archive', 'responses': {'204': {'description': 'done'}}}}",
        "},",
        "'components': {",
        " 'responses': {'OneThing': {'description': 'one', 'content': {",
        "   'application/json': {'schema': {'$ref': '#/components/schemas/Thing'}}}}},",
        " 'schemas': {",
        "  'Thing': {'type': 'object', 'properties': {'id': {'type': 'integer', 'readOnly': true},",
        "     'key': {'type': 'string'}, 'secret': {'type': 'string', 'writeOnly': true}}},",
        "  'PaginatedThingList': {'type': 'object', 'properties': {'count': {'type': 'integer'},",
        "     'next': {'type': 'string', 'nullable': true}, 'previous': {'type': 'string', 'nullable': true},",
        "     'results': {'type': 'array', 'items': {'$ref': '#/components/schemas/Thing'}}}}",
        "}}}").replace('\'', '"'));
    try (SandboxServer small = SandboxServer.start(spec)) {
      assertEquals(6, small.operations().size());

      HttpResponse<String> created = send(small, "POST", "/api/projects/1/things/");
      assertEquals(201, created.statusCode(), "lowest 2xx wins over 400");
      JsonNode thing = MAPPER.readTree(created.body());
      assertEquals("new-onboarding-flow", thing.path("key").asText());
      assertTrue(thing.has("id"), "readOnly is part of an answer");
      assertFalse(thing.has("secret"), "writeOnly is not");

      HttpResponse<String> one = send(small, "GET", "/api/projects/1/things/42/");
      assertEquals(200, one.statusCode(), "response $ref is followed");
      assertEquals(101, MAPPER.readTree(one.body()).path("id").asInt());

      HttpResponse<String> mine = send(small, "GET", "/api/projects/1/things/mine/");
      assertEquals("things_mine", mine.headers().firstValue(SandboxServer.OPERATION_HEADER).get(),
          "a literal segment wins over {id}");
      assertEquals(2, MAPPER.readTree(mine.body()).size());

      HttpResponse<String> deleted = send(small, "DELETE", "/api/projects/1/things/42/");
      assertEquals(405, deleted.statusCode());
      JsonNode error = MAPPER.readTree(deleted.body());
      assertEquals("invalid_request", error.path("type").asText());
      assertEquals("method_not_allowed", error.path("code").asText());
      assertEquals("Method \"DELETE\" not allowed.", error.path("detail").asText());
      assertTrue(error.get("attr").isNull());

      HttpResponse<String> archived = send(small, "POST", "/api/projects/1/things/42/archive/");
      assertEquals(204, archived.statusCode());
      assertTrue(archived.body().isEmpty());
      assertTrue(archived.headers().firstValue("Content-Type").isEmpty());

      JsonNode page = MAPPER.readTree(send(small, "GET", "/api/projects/1/things/").body());
      assertEquals(2, page.path("count").asInt());
      assertTrue(page.get("next").isNull());
      assertEquals(2, page.path("results").size());

      assertEquals(404, send(small, "GET", "/api/projects/1/things").statusCode(),
          "the trailing slash is part of the path");
      assertEquals(404, send(small, "GET", "/api/projects/1/2/things/").statusCode(),
          "a parameter is one segment");
    }
  }

  @Test
  void pathTemplatesBecomeOneSegmentRegexes() {
    assertEquals("/api/projects/[^/]+/feature_flags/[^/]+/",
        SandboxServer.pathRegex("/api/projects/{project_id}/feature_flags/{id}/"));
    assertEquals("/api/x/[^/]+\\.json", SandboxServer.pathRegex("/api/x/{id}.json"));
  }

  @Test
  void sandboxPrintsNothing() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try (SandboxServer quiet = SandboxServer.start()) {
      StubbedOperation op = quiet.operations().get(0);
      HTTP.send(request(quiet, op.method(), op.examplePath("1"), "Bearer x"),
          HttpResponse.BodyHandlers.ofString());
      HTTP.send(request(quiet, "GET", "/unmatched", null), HttpResponse.BodyHandlers.ofString());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void closingTwiceIsHarmless() {
    SandboxServer s = SandboxServer.start(MAPPER.createObjectNode());
    assertTrue(s.operations().isEmpty());
    s.close();
    s.close();
    assertTrue(s.toString().contains("stopped"));
  }

  private static HttpResponse<String> send(String method, String path, String authorization)
      throws IOException, InterruptedException {
    return HTTP.send(request(sandbox, method, path, authorization),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(SandboxServer server, String method, String path)
      throws IOException, InterruptedException {
    return HTTP.send(request(server, method, path, "Bearer phx_test"),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(SandboxServer server, String method, String path,
      String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }
}
