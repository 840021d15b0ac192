package dev.hedgekit.posthog.toolkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.PostHogClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * Fixtures of the action tests: a client aimed at WireMock (no retries, short timeouts), the
 * spec as plain JSON for writing expectations independently of the code under test, and a
 * percent-encoder written from RFC 3986.
 */
final class ActionTestSupport {

  /** A distinctive key; no envelope, message or toString may contain it. */
  static final String API_KEY = "phx_ActionsSecretKey0123456789abcdefQQ";
  /** A fragment of the key, to catch partial leaks too. */
  static final String KEY_FRAGMENT = "ActionsSecretKey";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonNode spec;

  private ActionTestSupport() {
  }

  static PostHogClientBuilder builder(WireMockExtension wm) {
    return builder(wm.baseUrl());
  }

  static PostHogClientBuilder builder(String baseUrl) {
    return PostHogClient.builder()
        .apiKey(API_KEY)
        .baseUrl(baseUrl)
        .maxRetries(0)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(3))
        .callTimeout(Duration.ofSeconds(6));
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The spec as the generated module ships it. */
  static synchronized JsonNode spec() {
    if (spec == null) {
      try (InputStream in = ActionTestSupport.class.getResourceAsStream(
          "/dev/hedgekit/posthog/generated/posthog-api.json")) {
        spec = MAPPER.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return spec;
  }

  /**
   * Follows {@code $ref} and merges a one-entry {@code allOf} with the keywords beside it.
   *
   * @param schema a schema node of the spec
   * @return the resolved schema (a copy when merged)
   */
  static JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < 20; i++) {
      if (s.has("$ref")) {
        String name = s.get("$ref").asText().substring("#/components/schemas/".length());
        JsonNode target = spec().path("components").path("schemas").get(name);
        if (s.size() == 1) {
          s = target;
          continue;
        }
        ObjectNode merged = resolve(target).deepCopy();
        s.properties().iterator().forEachRemaining(e -> {
          if (!e.getKey().equals("$ref")) {
            merged.set(e.getKey(), e.getValue());
          }
        });
        return merged;
      }
      if (s.has("allOf") && s.get("allOf").size() == 1) {
        ObjectNode merged = resolve(s.get("allOf").get(0)).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> it = s.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getKey().equals("allOf")) {
            merged.set(e.getKey(), e.getValue());
          }
        }
        return merged;
      }
      return s;
    }
    throw new IllegalStateException("reference loop");
  }

  /**
   * Percent-encodes a path segment or query value: every byte of the UTF-8 form except the
   * RFC 3986 unreserved characters.
   */
  static String encode(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return sb.toString();
  }

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
