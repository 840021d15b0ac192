package dev.hedgekit.posthog.examples.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for PostHog: a WireMock server on 127.0.0.1 (a free port) that answers
 * every operation of the curated spec, so examples and tests run without an account.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start();
 *      PostHogClient client = PostHogClient.builder()
 *          .apiKey("phx_any_key").baseUrl(sandbox.baseUrl()).build()) {
 *   FeatureFlagsApi flags = client.generated(FeatureFlagsApi.class);
 *   ...
 * }
 * }</pre>
 *
 * <p>The operations are read from the spec at start (by default the copy the generated module
 * puts on the classpath, {@value #SPEC_RESOURCE}); none is written here. Each one answers:
 * <ul>
 *   <li>at its method and path template, each {@code {param}} matching one path segment
 *       ({@code [^/]+}); the trailing slash is part of the path, query strings are ignored;
 *   <li>with its lowest 2xx status from the spec and a JSON body built by
 *       {@link ExampleGenerator} from the response schema (or, for the few operations whose
 *       answer the spec leaves free-form, such as the query API, a hand-written answer from
 *       {@code answers/<operationId>.json}); 204 without a body;
 *   <li>when the spec's only answer is 405 (PostHog refuses hard DELETEs of several
 *       resources), with 405 and PostHog's {@code method_not_allowed} error body;
 *   <li>with header {@value #OPERATION_HEADER} naming the operation.
 * </ul>
 * A request without {@code Authorization: Bearer <anything>} gets 401 with PostHog's
 * {@code authentication_error} body; a path the spec does not have gets 404 with PostHog's
 * {@code not_found} body. Nothing is stored: a create answers a generated resource, not the one
 * sent. The answers are deterministic.
 *
 * <p>The server is quiet: it writes nothing to the console. Close it to free the port.
 */
public final class SandboxServer implements AutoCloseable {

  /** The classpath resource holding the spec as JSON (written by posthog-generated). */
  public static final String SPEC_RESOURCE = "/dev/hedgekit/posthog/generated/posthog-api.json";
  /** Response header naming the operation that answered. */
  public static final String OPERATION_HEADER = "X-Sandbox-Operation";

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern PARAM = Pattern.compile("\\{[^}/]+\\}");
  private static final String BEARER = "Bearer \\S.*";
  private static final String JSON = "application/json";
  private static final int PRIORITY_AUTH_MISSING = 1;
  private static final int PRIORITY_AUTH_INVALID = 2;
  /** Operations start here; each path parameter adds one, so literal paths win over templates. */
  private static final int PRIORITY_OPERATIONS = 10;
  private static final int PRIORITY_NOT_FOUND = 10_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final WireMockServer server;
  private final List<StubbedOperation> operations;

  private SandboxServer(WireMockServer server, List<StubbedOperation> operations) {
    this.server = server;
    this.operations = operations;
  }

  /**
   * Starts a sandbox answering the spec found on the classpath at {@value #SPEC_RESOURCE}.
   *
   * @return the running sandbox
   * @throws IllegalStateException if the spec is not on the classpath
   */
  public static SandboxServer start() {
    return start(loadSpec());
  }

  /**
   * Starts a sandbox answering the operations of the given spec.
   *
   * @param spec an OpenAPI 3 document as a Jackson tree
   * @return the running sandbox
   */
  public static SandboxServer start(JsonNode spec) {
    List<StubbedOperation> planned = plan(spec);
    WireMockServer server = new WireMockServer(WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .notifier(SilentNotifier.INSTANCE)
        .mappingSource(NoMappings.INSTANCE)
        .templatingEnabled(false)
        .maxRequestJournalEntries(1000)
        .jettyStopTimeout(0L));
    server.start();
    try {
      registerAuthentication(server);
      for (StubbedOperation op : planned) {
        register(server, op);
      }
      registerNotFound(server);
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    return new SandboxServer(server, planned);
  }

  /**
   * Reads the spec the generated module puts on the classpath.
   *
   * @return the spec as a Jackson tree
   * @throws IllegalStateException if the resource is missing
   */
  public static JsonNode loadSpec() {
    try (InputStream in = SandboxServer.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the spec " + SPEC_RESOURCE + " is not on the classpath;"
            + " it comes with the posthog-generated jar");
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + SPEC_RESOURCE, e);
    }
  }

  /**
   * What the sandbox answers for every operation of a spec, without starting anything.
   *
   * @param spec an OpenAPI 3 document
   * @return one entry per operation, in the spec's order
   */
  public static List<StubbedOperation> plan(JsonNode spec) {
    Objects.requireNonNull(spec, "spec");
    ExampleGenerator generator = new ExampleGenerator(spec);
    List<StubbedOperation> out = new ArrayList<>();
    JsonNode paths = spec.path("paths");
    Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = entry.getKey();
      JsonNode item = follow(spec, entry.getValue());
      for (String method : METHODS) {
        JsonNode operation = item.get(method);
        if (operation != null && operation.isObject()) {
          out.add(planOperation(spec, generator, path, method.toUpperCase(Locale.ROOT), operation));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** @return the base URL, e.g. {@code http://127.0.0.1:54321} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** @return the port the sandbox listens on */
  public int port() {
    return server.port();
  }

  /** @return every operation the sandbox answers */
  public List<StubbedOperation> operations() {
    return operations;
  }

  /**
   * The requests received so far (up to the last 1000), oldest first, as {@code METHOD url},
   * e.g. {@code GET /api/projects/1/feature_flags/?limit=5}. Headers are not kept here.
   *
   * @return the request lines
   */
  public List<String> requestLog() {
    List<String> lines = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      lines.add(event.getRequest().getMethod().getName() + " " + event.getRequest().getUrl());
    }
    Collections.reverse(lines);
    return lines;
  }

  /** Stops the server; closing twice is harmless. */
  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }

  @Override
  public String toString() {
    return "SandboxServer{" + (server.isRunning() ? baseUrl() : "stopped") + ", "
        + operations.size() + " operations}";
  }

  // ---------------------------------------------------------------------------------------------
  // planning

  private static StubbedOperation planOperation(JsonNode spec, ExampleGenerator generator,
      String path, String method, JsonNode operation) {
    String id = operation.path("operationId").asText("");
    if (id.isEmpty()) {
      id = method + " " + path;
    }
    String regex = pathRegex(path);
    JsonNode responses = operation.path("responses");

    String success = null;
    Iterator<String> codes = responses.fieldNames();
    while (codes.hasNext()) {
      String code = codes.next();
      if (code.matches("2\\d\\d") && (success == null || code.compareTo(success) < 0)) {
        success = code;
      }
    }
    if (success == null && responses.has("2XX")) {
      success = "2XX";
    }
    if (success != null) {
      int status = "2XX".equals(success) ? 200 : Integer.parseInt(success);
      return withBody(id, method, path, regex, status,
          status == 204 ? null : follow(spec, responses.get(success)), generator);
    }
    if (responses.size() == 1 && responses.has("405")) {
      return new StubbedOperation(id, method, path, regex, 405, JSON,
          write(error("invalid_request", "method_not_allowed",
              "Method \"" + method + "\" not allowed.")));
    }
    if (responses.has("default")) {
      return withBody(id, method, path, regex, 200, follow(spec, responses.get("default")),
          generator);
    }
    // Only error answers are documented: answer the first of them, PostHog-shaped.
    Iterator<String> first = responses.fieldNames();
    int status = 200;
    while (first.hasNext()) {
      String code = first.next();
      if (code.matches("\\d{3}")) {
        status = Integer.parseInt(code);
        break;
      }
    }
    if (status >= 400) {
      String description = follow(spec, responses.path(Integer.toString(status)))
          .path("description").asText("The request failed.");
      return new StubbedOperation(id, method, path, regex, status, JSON, write(error(
          status >= 500 ? "server_error" : "invalid_request", "error", description)));
    }
    return new StubbedOperation(id, method, path, regex, status, null, null);
  }

  private static StubbedOperation withBody(String id, String method, String path, String regex,
      int status, JsonNode response, ExampleGenerator generator) {
    if (response == null) {
      return new StubbedOperation(id, method, path, regex, status, null, null);
    }
    JsonNode content = response.get("content");
    if (content == null || !content.isObject() || content.size() == 0) {
      return new StubbedOperation(id, method, path, regex, status, null, null);
    }
    String mediaType = null;
    if (content.has(JSON)) {
      mediaType = JSON;
    } else {
      Iterator<String> types = content.fieldNames();
      while (types.hasNext()) {
        String t = types.next();
        if (mediaType == null || (t.contains("json") && !mediaType.contains("json"))) {
          mediaType = t;
        }
      }
    }
    JsonNode value = cannedAnswer(id);
    if (value == null) {
      value = generator.generate(content.get(mediaType).get("schema"));
    }
    boolean json = mediaType.contains("json") || mediaType.equals("*/*");
    if (json) {
      return new StubbedOperation(id, method, path, regex, status,
          mediaType.equals("*/*") ? JSON : mediaType, write(value));
    }
    String text = value.isValueNode() ? value.asText() : write(value);
    return new StubbedOperation(id, method, path, regex, status, mediaType, text);
  }

  /**
   * Turns a path template into the regex WireMock matches request paths with: literal parts
   * escaped, each {@code {param}} one segment.
   *
   * @param template e.g. {@code /api/projects/{project_id}/feature_flags/{id}/}
   * @return e.g. {@code /api/projects/[^/]+/feature_flags/[^/]+/}
   */
  public static String pathRegex(String template) {
    StringBuilder sb = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      escape(template.substring(last, m.start()), sb);
      sb.append("[^/]+");
      last = m.end();
    }
    escape(template.substring(last), sb);
    return sb.toString();
  }

  private static void escape(String literal, StringBuilder sb) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '-') {
        sb.append(c);
      } else {
        sb.append('\\').append(c);
      }
    }
  }

  private static int parameterCount(String template) {
    Matcher m = PARAM.matcher(template);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Follows a {@code $ref} of a path item or response (e.g. {@code #/components/responses/X}). */
  private static JsonNode follow(JsonNode spec, JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 16 && n != null && n.has("$ref"); i++) {
      String ref = n.get("$ref").asText();
      n = ref.startsWith("#") ? spec.at(ref.substring(1)) : null;
    }
    return n == null || n.isMissingNode() ? MAPPER.createObjectNode() : n;
  }

  // ---------------------------------------------------------------------------------------------
  // WireMock stubs

  private static void register(WireMockServer server, StubbedOperation op) {
    ResponseDefinitionBuilder answer = aResponse()
        .withStatus(op.status())
        .withHeader(OPERATION_HEADER, op.operationId());
    if (op.hasBody()) {
      answer.withHeader("Content-Type", op.contentType()).withBody(op.body());
    }
    server.stubFor(request(op.method(), urlPathMatching(op.urlPathRegex()))
        .withName(op.operationId())
        .atPriority(PRIORITY_OPERATIONS + parameterCount(op.pathTemplate()))
        .willReturn(answer));
  }

  private static void registerAuthentication(WireMockServer server) {
    server.stubFor(any(anyUrl())
        .withName("authentication missing")
        .atPriority(PRIORITY_AUTH_MISSING)
        .withHeader("Authorization", absent())
        .willReturn(json(401, error("authentication_error", "not_authenticated",
            "Authentication credentials were not provided."))));
    server.stubFor(any(anyUrl())
        .withName("authentication invalid")
        .atPriority(PRIORITY_AUTH_INVALID)
        .withHeader("Authorization", notMatching(BEARER))
        .willReturn(json(401, error("authentication_error", "authentication_failed",
            "Send a personal API key as: Authorization: Bearer <key>."))));
  }

  private static void registerNotFound(WireMockServer server) {
    server.stubFor(any(anyUrl())
        .withName("not found")
        .atPriority(PRIORITY_NOT_FOUND)
        .willReturn(json(404, error("invalid_request", "not_found", "Not found."))));
  }

  /**
   * A hand-written answer for an operation whose spec answer is free-form (the query API, whose
   * answer PostHog's schema can only describe as a union), kept in
   * {@code answers/<operationId>.json} beside this class; null when there is none.
   */
  private static JsonNode cannedAnswer(String operationId) {
    try (java.io.InputStream in = SandboxServer.class.getResourceAsStream(
        "answers/" + operationId + ".json")) {
      return in == null ? null : MAPPER.readTree(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable sandbox answer for " + operationId, e);
    }
  }

  private static ResponseDefinitionBuilder json(int status, ObjectNode body) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(write(body));
  }

  /** PostHog's error body: {@code {"type":..,"code":..,"detail":..,"attr":null}}. */
  private static ObjectNode error(String type, String code, String detail) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("type", type);
    body.put("code", code);
    body.put("detail", detail);
    body.putNull("attr");
    return body;
  }

  private static String write(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a generated body", e);
    }
  }

  /** Swallows WireMock's messages: the sandbox prints nothing. */
  private enum SilentNotifier implements Notifier {
    INSTANCE;

    @Override
    public void info(String message) {
    }

    @Override
    public void error(String message) {
    }

    @Override
    public void error(String message, Throwable t) {
    }
  }

  /** No stub files: the sandbox never reads or writes a mappings directory. */
  @SuppressWarnings("removal") // remove(StubMapping) is still abstract in WireMock 3
  private enum NoMappings implements MappingsSource {
    INSTANCE;

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
    }

    @Override
    public void save(StubMapping stubMapping) {
    }

    @Override
    public void remove(StubMapping stubMapping) {
    }

    @Override
    public void removeAll() {
    }
  }
}
