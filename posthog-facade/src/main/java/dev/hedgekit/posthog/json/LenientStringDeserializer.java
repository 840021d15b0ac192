package dev.hedgekit.posthog.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads a text field; when PostHog answers an object or a list where its schema promised text,
 * keeps the value's JSON text (for example {@code {"a":1}}) rather than failing.
 */
final class LenientStringDeserializer extends StdScalarDeserializer<String> {

  private static final long serialVersionUID = 1L;

  LenientStringDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      JsonNode tree = p.readValueAsTree();
      return tree.toString();
    }
    return StringDeserializer.instance.deserialize(p, ctxt);
  }
}
