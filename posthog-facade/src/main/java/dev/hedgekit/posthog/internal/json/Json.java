package dev.hedgekit.posthog.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration the SDK uses to write request bodies and read answers.
 *
 * <p>Unknown fields in PostHog's answers are ignored (PostHog adds fields often), dates are
 * ISO-8601 text, and unset (null) fields of typed models are not sent. Where a model field is
 * typed as text but PostHog answers an object, a list, a number or a boolean (PostHog's schema
 * types some computed fields as text), the field receives that value's JSON text instead of the
 * whole answer failing to decode. The mapper is
 * configured once and never changed afterwards, so sharing it is safe; it holds no data of any
 * client or call.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("hedgekit-lenient-text")
          .addDeserializer(String.class, new LenientStringDeserializer()))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

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
