package dev.hedgekit.posthog.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogEncodeException;
import dev.hedgekit.posthog.internal.json.Json;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes request bodies and reads responses with the SDK's Jackson configuration: the one
 * decoding path of the SDK. Responses are read from the stream straight into models or a
 * JSON tree; nothing is buffered whole first.
 */
final class JsonCodec implements Encoder, Decoder {

  /** Jackson is configured on the first body written or read, not when a client is built. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = Json.mapper();
  }

  private final ConcurrentHashMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();
  private final SecretScrubber scrubber;

  JsonCodec(SecretScrubber scrubber) {
    this.scrubber = scrubber;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    try {
      template.body(Mapper.INSTANCE.writeValueAsBytes(object), StandardCharsets.UTF_8);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new PostHogEncodeException("the request body (" + bodyType.getTypeName()
          + ") could not be written as JSON, so nothing was sent: "
          + Messages.clean(e instanceof JsonProcessingException
              ? ((JsonProcessingException) e).getOriginalMessage() : e.toString()), e);
    }
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.body() == null || response.status() == 204) {
      return null;
    }
    InputStream in = response.body().asInputStream();
    if (type == byte[].class) {
      return in.readAllBytes();
    }
    if (type == String.class) {
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new PostHogDecodeException(prefix(response, type)
            + ": the response is not valid UTF-8 text", e, response.status());
      }
    }
    try (JsonParser p = Mapper.INSTANCE.createParser(new Utf8Check(in))) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      // The mapper fails on content after the value (FAIL_ON_TRAILING_TOKENS).
      return type == JsonNode.class || type == Object.class
          ? Mapper.INSTANCE.readTree(p)
          : reader(type).readValue(p);
    } catch (JsonProcessingException e) {
      throw new PostHogDecodeException(prefix(response, type) + ": "
          + Messages.clean(scrubber.scrub(e.getOriginalMessage()))
          + "; the body starts with: " + Messages.clean(head(response)),
          ScrubbedCause.of(e, scrubber), response.status());
    } catch (java.io.CharConversionException e) {
      throw new PostHogDecodeException(prefix(response, type) + ": " + e.getMessage(), e,
          response.status());
    }
  }

  private ObjectReader reader(Type type) {
    ObjectReader r = readers.get(type);
    if (r == null) {
      r = readers.computeIfAbsent(type,
          t -> Mapper.INSTANCE.readerFor(Mapper.INSTANCE.constructType(t)));
    }
    return r;
  }

  private static String prefix(Response response, Type type) {
    return "could not decode the response to " + RetryingClient.where(response.request())
        + " (status " + response.status() + ") as " + simpleName(type);
  }

  /** The start of the body: kept by the transport, or re-read when logging buffered it. */
  private String head(Response response) {
    Response.Body body = response.body();
    if (body instanceof ResponseBody) {
      return ((ResponseBody) body).head();
    }
    if (body != null && body.isRepeatable()) {
      try (InputStream in = body.asInputStream()) {
        return scrubber.scrub(in.readNBytes(ResponseBody.HEAD_BYTES));
      } catch (IOException e) {
        return "(unreadable)";
      }
    }
    return "(not kept)";
  }

  private static String simpleName(Type type) {
    String name = type.getTypeName();
    return name.replaceAll("[a-z0-9_]+\\.", "");
  }
}
