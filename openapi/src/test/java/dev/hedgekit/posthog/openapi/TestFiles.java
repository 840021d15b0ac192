package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Files of the openapi module, read the way the tests need them. */
final class TestFiles {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** The operation keys of an OpenAPI path item. */
  static final List<String> METHODS =
      List.of("get", "put", "post", "patch", "delete", "head", "options", "trace");

  private TestFiles() {
  }

  /** The openapi/ folder: Surefire sets basedir; an IDE usually runs tests from the module. */
  static Path module() {
    String basedir = System.getProperty("basedir");
    return (basedir == null ? Path.of("") : Path.of(basedir)).toAbsolutePath();
  }

  static Path file(String relative) {
    return module().resolve(relative);
  }

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec's operations by operationId, in operationId order. */
  static Map<String, JsonNode> operationsById(JsonNode spec) {
    Map<String, JsonNode> out = new TreeMap<>();
    spec.path("paths").forEach(item -> {
      for (String m : METHODS) {
        JsonNode op = item.get(m);
        if (op != null) {
          out.put(op.path("operationId").asText(), op);
        }
      }
    });
    return out;
  }

  /** Fails listing every problem when there are any. */
  static void assertNone(List<String> problems, String what) {
    assertTrue(problems.isEmpty(), what + ":\n  " + String.join("\n  ", problems));
  }

  /** Fails with the first differing line when two texts differ. */
  static void assertSameText(String expected, String actual, String what) {
    if (expected.equals(actual)) {
      return;
    }
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end of text>";
      String y = i < b.length ? b[i] : "<end of text>";
      if (!x.equals(y)) {
        fail(what + " differs at line " + (i + 1) + ":\n  expected: " + x + "\n  actual:   " + y);
      }
    }
    fail(what + " differs (line endings or trailing text)");
  }
}
