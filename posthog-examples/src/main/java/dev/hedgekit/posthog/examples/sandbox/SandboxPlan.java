package dev.hedgekit.posthog.examples.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link SandboxServer} answers: one {@link StubbedOperation} per operation of a
 * spec, worked out from its responses (see {@link SandboxServer} for the rules), and the same
 * plan stored as classpath resources, so that a sandbox for the curated spec starts without
 * parsing the spec or generating a single body.
 *
 * <p>The stored form is written at build time ({@link #main(String[])}, run by the build in
 * the {@code process-classes} phase) into {@value #STORED_DIR}/ beside this class: an index
 * with one tab-separated line per operation ({@code operationId}, method, path template,
 * status, content type or {@code -}, body file or {@code -}) and one file per body, read only
 * when that operation is first called.
 */
public final class SandboxPlan {

  /** The folder, relative to this class, holding the stored plan of the curated spec. */
  public static final String STORED_DIR = StoredPlan.DIR;
  /** The index file of the stored plan. */
  public static final String STORED_INDEX = StoredPlan.INDEX;

  static final String JSON = StoredPlan.JSON;

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** @return the mapper planning uses (plain Jackson defaults) */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  private SandboxPlan() {
  }

  /**
   * Writes the stored plan of the spec on the classpath; the build runs this.
   *
   * @param args one argument: the folder to write (it is emptied of earlier index and bodies)
   * @throws IOException if the folder cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SandboxPlan OUTPUT_DIRECTORY");
    }
    write(plan(SandboxServer.loadSpec()), Path.of(args[0]));
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
    Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator();
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

  /**
   * Stores a plan: the index and one file per body.
   *
   * @param plan the operations
   * @param dir the folder to write
   * @throws IOException if it cannot be written
   */
  public static void write(List<StubbedOperation> plan, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (var old = Files.list(dir)) {
      for (Path p : (Iterable<Path>) old::iterator) {
        if (p.getFileName().toString().endsWith(".body")) {
          Files.delete(p);
        }
      }
    }
    StringBuilder index = new StringBuilder();
    for (int i = 0; i < plan.size(); i++) {
      StubbedOperation op = plan.get(i);
      for (String field : new String[] {op.operationId(), op.method(), op.pathTemplate(),
          op.contentType() == null ? "" : op.contentType()}) {
        if (field.contains("\t") || field.contains("\n")) {
          throw new IllegalArgumentException("a tab or line break in " + op);
        }
      }
      String bodyFile = op.hasBody() ? i + ".body" : "-";
      index.append(op.operationId()).append('\t').append(op.method()).append('\t')
          .append(op.pathTemplate()).append('\t').append(op.status()).append('\t')
          .append(op.contentType() == null ? "-" : op.contentType()).append('\t')
          .append(bodyFile).append('\n');
      if (op.hasBody()) {
        Files.writeString(dir.resolve(bodyFile), op.body(), StandardCharsets.UTF_8);
      }
    }
    Files.writeString(dir.resolve(STORED_INDEX), index.toString(), StandardCharsets.UTF_8);
  }

  private static StubbedOperation planOperation(JsonNode spec, ExampleGenerator generator,
      String path, String method, JsonNode operation) {
    String id = operation.path("operationId").asText("");
    if (id.isEmpty()) {
      id = method + " " + path;
    }
    String regex = StoredPlan.pathRegex(path);
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
          errorText("invalid_request", "method_not_allowed",
              "Method \"" + method + "\" not allowed."));
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
      return new StubbedOperation(id, method, path, regex, status, JSON, errorText(
          status >= 500 ? "server_error" : "invalid_request", "error", description));
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
          mediaType.equals("*/*") ? JSON : mediaType, text(value));
    }
    String text = value.isValueNode() ? value.asText() : text(value);
    return new StubbedOperation(id, method, path, regex, status, mediaType, text);
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

  /**
   * A hand-written answer for an operation whose spec answer is free-form (the query API, whose
   * answer PostHog's schema can only describe as a union), kept in
   * {@code answers/<operationId>.json} beside this class; null when there is none.
   */
  private static JsonNode cannedAnswer(String operationId) {
    try (java.io.InputStream in = SandboxPlan.class.getResourceAsStream(
        "answers/" + operationId + ".json")) {
      return in == null ? null : MAPPER.readTree(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable sandbox answer for " + operationId, e);
    }
  }

  /** PostHog's error body, as the sandbox answers it at run time. */
  private static String errorText(String type, String code, String detail) {
    return new String(SandboxServer.errorBody(type, code, detail), StandardCharsets.UTF_8);
  }


  private static String text(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a generated body", e);
    }
  }

}
