package dev.hedgekit.posthog.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hedgekit.posthog.generated.support.ApiObject;
import dev.hedgekit.posthog.generated.support.Operation;
import dev.hedgekit.posthog.internal.json.Json;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responses as PostHog really sends them, not as its schema says: recorded bodies from
 * PostHog's own repository (storybook and test mocks) and bodies built field by field from
 * PostHog's current serializers, each listed with its source in
 * {@code posthog-responses/SOURCES.yaml}. Each is decoded into the model its operation's
 * generated method returns, with no value left that does not fit its field, then written again:
 * the result must be the same JSON, field for field (an instant may be written in another but
 * equal form, a number with another but equal scale).
 */
class RecordedResponsesTest {

  private static final ObjectMapper MAPPER = Json.mapper();
  private static final String ROOT = "/posthog-responses/";

  static Stream<Arguments> responses() throws Exception {
    JsonNode sources;
    try (InputStream in = RecordedResponsesTest.class.getResourceAsStream(ROOT + "SOURCES.yaml")) {
      sources = new YAMLMapper().readTree(in);
    }
    List<Arguments> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = sources.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (RecordedResponsesTest.class.getResource(ROOT + e.getKey()) == null) {
        throw new AssertionError("SOURCES.yaml lists " + e.getKey() + " but the file is missing");
      }
      List<String> keptRaw = new ArrayList<>();
      e.getValue().path("kept_raw").fieldNames().forEachRemaining(keptRaw::add);
      out.add(Arguments.of(e.getKey(), e.getValue().path("operation").asText(),
          e.getValue().path("kind").asText(), keptRaw));
    }
    // The floor: at least 40 real responses over at least 15 resources.
    long resources = out.stream()
        .map(a -> ((String) a.get()[0]).substring(0, ((String) a.get()[0]).indexOf('/')))
        .distinct().count();
    if (out.size() < 40 || resources < 15) {
      throw new AssertionError("only " + out.size() + " responses over " + resources
          + " resources in SOURCES.yaml; at least 40 over 15 are expected");
    }
    return out.stream();
  }

  /** The generated typed method of an operation (not the untyped one of the toolkit). */
  private static Method typedMethod(String operationId) throws Exception {
    for (String area : apiInterfaces()) {
      for (Method m : Class.forName(area).getMethods()) {
        Operation op = m.getAnnotation(Operation.class);
        if (op != null && op.value().equals(operationId)) {
          return m;
        }
      }
    }
    throw new AssertionError("no generated method for operation " + operationId);
  }

  /** The generated API interfaces, read from the generated module's classes or its jar. */
  private static List<String> apiInterfaces() throws Exception {
    List<String> names = new ArrayList<>();
    java.nio.file.Path where = java.nio.file.Paths.get(dev.hedgekit.posthog.generated.api.QueryApi
        .class.getProtectionDomain().getCodeSource().getLocation().toURI());
    java.nio.file.FileSystem jar = java.nio.file.Files.isDirectory(where) ? null
        : java.nio.file.FileSystems.newFileSystem(where, (ClassLoader) null);
    try {
      java.nio.file.Path dir = (jar == null ? where : jar.getPath("/"))
          .resolve("dev/hedgekit/posthog/generated/api");
      try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
        files.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith("Api.class"))
            .forEach(n -> names.add("dev.hedgekit.posthog.generated.api."
                + n.replace(".class", "")));
      }
    } finally {
      if (jar != null) {
        jar.close();
      }
    }
    return names;
  }

  @ParameterizedTest(name = "{0} ({2})")
  @MethodSource("responses")
  void decodesTypedAndWritesBackWhatPostHogSent(String file, String operationId, String kind,
      List<String> keptRaw) throws Exception {
    JsonNode sent;
    try (InputStream in = getClass().getResourceAsStream(ROOT + file)) {
      sent = MAPPER.readTree(in);
    }
    Method method = typedMethod(operationId);
    JavaType type = MAPPER.getTypeFactory().constructType(method.getGenericReturnType());
    Object decoded = MAPPER.readerFor(type).readValue(MAPPER.treeAsTokens(sent));

    List<String> unfit = new ArrayList<>();
    collectUnfit(decoded, "", unfit, new IdentityHashMap<>());
    // A value that does not fit is kept as it came (its accessor fails, the rest decodes);
    // only the values SOURCES.yaml explains (mock data PostHog no longer sends) may do that.
    List<String> unfitPaths = new ArrayList<>();
    unfit.forEach(u -> unfitPaths.add(u.substring(0, u.indexOf(" = "))));
    assertEquals(new java.util.TreeSet<>(keptRaw), new java.util.TreeSet<>(unfitPaths), file + ": values that do not fit their declared type: "
        + unfit);

    JsonNode written = MAPPER.readTree(MAPPER.writerFor(type).writeValueAsBytes(decoded));
    List<String> differences = new ArrayList<>();
    compare("", sent, written, differences);
    assertEquals(List.of(), differences, file + ": the round trip changed or lost something");
    assertTrue(kind.equals("recorded") || kind.equals("built-from-serializer"), kind);
  }

  /** Every model field, at any depth, whose value was kept raw because it did not fit. */
  private static void collectUnfit(Object value, String path, List<String> out,
      IdentityHashMap<Object, Boolean> seen) throws IllegalAccessException {
    if (value == null || seen.put(value, Boolean.TRUE) != null) {
      return;
    }
    if (value instanceof ApiObject) {
      ApiObject o = (ApiObject) value;
      for (String name : o.invalidFields()) {
        out.add(path + "/" + name + " = " + o.rawValue(name));
      }
      for (Class<?> c = value.getClass(); c != null && c != ApiObject.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            f.setAccessible(true);
            collectUnfit(f.get(value), path + "/" + f.getName(), out, seen);
          }
        }
      }
    } else if (value instanceof Collection) {
      int i = 0;
      for (Object item : (Collection<?>) value) {
        collectUnfit(item, path + "/" + i++, out, seen);
      }
    } else if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        collectUnfit(e.getValue(), path + "/" + e.getKey(), out, seen);
      }
    }
  }

  /** Differences between what PostHog sent and what the models wrote, as JSON pointers. */
  private static void compare(String path, JsonNode sent, JsonNode written, List<String> out) {
    if (sent.isObject() && written.isObject()) {
      Map<String, Boolean> keys = new HashMap<>();
      sent.fieldNames().forEachRemaining(k -> keys.put(k, true));
      written.fieldNames().forEachRemaining(k -> keys.put(k, true));
      for (String k : keys.keySet()) {
        JsonNode a = sent.get(k);
        JsonNode b = written.get(k);
        if (a == null) {
          out.add(path + "/" + k + ": added " + b);
        } else if (b == null) {
          out.add(path + "/" + k + ": lost " + a);
        } else {
          compare(path + "/" + k, a, b, out);
        }
      }
    } else if (sent.isArray() && written.isArray()) {
      if (sent.size() != written.size()) {
        out.add(path + ": " + sent.size() + " items became " + written.size());
        return;
      }
      for (int i = 0; i < sent.size(); i++) {
        compare(path + "/" + i, sent.get(i), written.get(i), out);
      }
    } else if (sent.isNumber() && written.isNumber()) {
      if (new BigDecimal(sent.asText()).compareTo(new BigDecimal(written.asText())) != 0) {
        out.add(path + ": " + sent + " became " + written);
      }
    } else if (sent.isTextual() && written.isTextual() && !sent.equals(written)) {
      if (!sameInstant(sent.asText(), written.asText())) {
        out.add(path + ": " + sent + " became " + written);
      }
    } else if (!sent.equals(written)) {
      out.add(path + ": " + sent + " became " + written);
    }
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
