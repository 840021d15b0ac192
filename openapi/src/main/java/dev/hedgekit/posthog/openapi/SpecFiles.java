package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads OpenAPI documents and overlays (YAML or JSON, from a file or an http(s) URL) and
 * writes them back as deterministic YAML.
 */
public final class SpecFiles {

  /**
   * PostHog's whole schema is larger than SnakeYAML's default limit of 3 MB (the 2026 schema
   * is 3.5 MB); allow documents up to 128 MB.
   */
  private static final int MAX_CODE_POINTS = 128 * 1024 * 1024;

  private static final ObjectMapper YAML = new ObjectMapper(yamlFactory());
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private SpecFiles() {
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /**
   * @param location a file path or a URL
   * @return whether it is an http(s) URL (read over the network) rather than a file
   */
  static boolean isUrl(String location) {
    return location.startsWith("http://") || location.startsWith("https://");
  }

  /**
   * Reads a document from a path or URL.
   *
   * @param location a file path, or an http(s) URL such as https://us.posthog.com/api/schema/
   * @return the document as a tree
   * @throws IOException if it cannot be read or parsed
   */
  public static JsonNode read(String location) throws IOException {
    byte[] data;
    if (isUrl(location)) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
      HttpRequest req = HttpRequest.newBuilder(URI.create(location))
          .header("Accept", "application/vnd.oai.openapi+json, application/json, application/yaml")
          .timeout(Duration.ofMinutes(2)).GET().build();
      try {
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (resp.statusCode() != 200) {
          throw new IOException("GET " + location + " answered " + resp.statusCode());
        }
        data = resp.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while downloading " + location, e);
      }
    } else {
      data = Files.readAllBytes(Path.of(location));
    }
    return parse(data);
  }

  /**
   * Reads a document from a stream.
   *
   * @param in the stream (closed by the caller)
   * @return the tree
   * @throws IOException if it cannot be parsed
   */
  public static JsonNode read(InputStream in) throws IOException {
    return parse(in.readAllBytes());
  }

  /**
   * Merges OpenAPI documents in order: a later document wins per path (its path item replaces
   * the earlier one whole), per component (per name within each section of
   * {@code components}: schemas, parameters, responses, ...) and per other top-level key
   * ({@code info}, {@code openapi}, ...). Keys present in one document only are kept.
   *
   * @param documents the documents, earliest first; none is modified
   * @return the merged document (the only document itself when there is one)
   * @throws IllegalArgumentException if the list is empty or a document is not an object
   */
  public static JsonNode merge(List<JsonNode> documents) {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("no upstream document");
    }
    for (JsonNode d : documents) {
      if (!d.isObject()) {
        throw new IllegalArgumentException("an upstream document is not a JSON/YAML object");
      }
    }
    if (documents.size() == 1) {
      return documents.get(0);
    }
    ObjectNode out = Trees.obj();
    for (JsonNode d : documents) {
      Iterator<Map.Entry<String, JsonNode>> it = d.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        if ((key.equals("paths") || key.equals("components")) && value.isObject()) {
          ObjectNode target = out.get(key) instanceof ObjectNode ? (ObjectNode) out.get(key)
              : out.putObject(key);
          Iterator<Map.Entry<String, JsonNode>> inner = value.properties().iterator();
          while (inner.hasNext()) {
            Map.Entry<String, JsonNode> i = inner.next();
            if (key.equals("components") && i.getValue().isObject()) {
              // components: one level deeper, per name within each section
              ObjectNode section = target.get(i.getKey()) instanceof ObjectNode
                  ? (ObjectNode) target.get(i.getKey()) : target.putObject(i.getKey());
              i.getValue().properties().iterator().forEachRemaining(c -> section.set(c.getKey(), c.getValue()));
            } else {
              target.set(i.getKey(), i.getValue());
            }
          }
        } else {
          out.set(key, value);
        }
      }
    }
    return out;
  }

  static JsonNode parse(byte[] data) throws IOException {
    String head = new String(data, 0, Math.min(data.length, 64), StandardCharsets.UTF_8).strip();
    return head.startsWith("{") ? JSON.readTree(data) : YAML.readTree(data);
  }

  /**
   * Writes a tree as YAML with the project's fixed layout.
   *
   * @param tree the document
   * @param file where to write
   * @throws IOException if writing fails
   */
  public static void writeYaml(JsonNode tree, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, YamlWriter.write(tree), StandardCharsets.UTF_8);
  }
}
