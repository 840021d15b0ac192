package dev.hedgekit.posthog.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.json.Json;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes request bodies and reads answers with the SDK's Jackson configuration.
 */
final class JsonCodec implements Encoder, Decoder {

  private static final int EXCERPT = 200;

  private final ObjectMapper mapper = Json.mapper();
  /** A reader per answer type, made on its first answer: no type resolution per call. */
  private final ConcurrentHashMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    template.body(write(object), StandardCharsets.UTF_8);
  }

  /**
   * A request body as JSON.
   *
   * @param object the body
   * @return its UTF-8 JSON
   * @throws EncodeException if Jackson cannot write it
   */
  byte[] write(Object object) {
    try {
      return mapper.writeValueAsBytes(object);
    } catch (IOException e) {
      throw new EncodeException("request body could not be written as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.status() == 204 || response.body() == null) {
      return null;
    }
    // The transport's answers are read in place, without a copy.
    byte[] data = BytesBody.bytesOf(response);
    if (data.length == 0) {
      return null;
    }
    if (type == byte[].class) {
      return data;
    }
    if (type == String.class) {
      return new String(data, StandardCharsets.UTF_8);
    }
    try {
      if (type == Object.class || type == com.fasterxml.jackson.databind.JsonNode.class) {
        // Untyped answers are kept as a JSON tree: nothing (not even a null field) is lost.
        return mapper.readTree(data);
      }
      ObjectReader reader = readers.get(type);
      if (reader == null) {
        reader = readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t)));
      }
      return reader.readValue(data);
    } catch (IOException e) {
      String text = new String(data, 0, Math.min(data.length, EXCERPT), StandardCharsets.UTF_8);
      throw new PostHogDecodeException("could not decode the answer to "
          + response.request().httpMethod() + " " + RetryingClient.pathOf(response.request().url())
          + " (status " + response.status() + ", " + data.length + " bytes) as "
          + type.getTypeName() + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() : e.getMessage()) + "; body starts with: " + text,
          e, response.status());
    }
  }
}
