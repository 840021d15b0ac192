package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

/**
 * Reads OpenAPI documents and overlays (YAML or JSON, from a file or an http(s) URL) and
 * writes them back as deterministic YAML.
 */
public final class SpecFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private SpecFiles() {
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
    if (location.startsWith("http://") || location.startsWith("https://")) {
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
