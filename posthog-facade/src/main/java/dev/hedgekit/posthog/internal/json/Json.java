package dev.hedgekit.posthog.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration the SDK uses to write request bodies and read responses.
 *
 * <p>Reading is strict about JSON itself and tolerant about shapes: a duplicate key in an
 * object, a fraction where an integer is declared, or bytes after the value are errors, while
 * unknown fields, unknown enum values and values that do not fit a model field are kept by the
 * generated models (see {@code ApiObject}). Numbers with a fraction read into a JSON tree keep
 * their exact decimal text. Dates are ISO-8601 text with their offset kept. Unset (null) model
 * fields are not written; explicit nulls are (see {@code ApiObject}). Configured once, never
 * changed afterwards; it holds no data of any client or call.
 */
public final class Json {

  private static final ObjectMapper MAPPER = strictScalars(JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .defaultPropertyInclusion(
          JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build());

  /**
   * No silent conversion between text, numbers and booleans: a number where text is declared
   * (or the reverse) does not fit, so the model keeps it as it came and writes it back
   * unchanged, instead of turning {@code 89} into {@code "89"}.
   */
  private static ObjectMapper strictScalars(JsonMapper mapper) {
    for (LogicalType t : new LogicalType[] {LogicalType.Textual}) {
      mapper.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float,
        LogicalType.Boolean}) {
      mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    return mapper;
  }

  private Json() {
  }

  /**
   * The shared, fully configured mapper. Do not reconfigure it.
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
