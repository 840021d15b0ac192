package dev.hedgekit.posthog.internal.config;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.PostHogClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyTest {

  static Stream<Arguments> badKeys() {
    return Stream.of(
        Arguments.of(null, "the personal API key is missing"),
        Arguments.of("", "the personal API key is blank"),
        Arguments.of("   \t", "the personal API key is blank"),
        Arguments.of(API_KEY + "\n", "apiKey contains a line break (CR/LF) at position " + API_KEY.length()),
        Arguments.of(API_KEY + "\r\n", "apiKey contains a line break (CR/LF) at position " + API_KEY.length()),
        Arguments.of("phx_" + "\r" + API_KEY.substring(4), "apiKey contains a line break (CR/LF) at position 4"),
        Arguments.of(API_KEY + "\u0007", "apiKey contains whitespace or a control character (code 7)"),
        Arguments.of(API_KEY + "\u007f", "apiKey contains whitespace or a control character (code 127)"),
        Arguments.of(API_KEY + " x", "apiKey contains whitespace or a control character (code 32)"),
        Arguments.of(API_KEY + "é", "apiKey contains a non-ASCII character at position " + API_KEY.length()),
        Arguments.of(API_KEY + "\u2028", "apiKey contains a non-ASCII character"));
  }

  @ParameterizedTest
  @MethodSource("badKeys")
  void badKeyIsRejectedByApiKeyOf(String key, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiKey.of(key));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertNoKey(e);
  }

  @ParameterizedTest
  @MethodSource("badKeys")
  void badKeyIsRejectedByTheBuilder(String key, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostHogClient.builder().apiKey(key));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertNoKey(e);
  }

  @Test
  void buildWithoutKeyFailsAndSaysHowToFixIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostHogClient.builder().subdomain("eu").build());
    assertTrue(e.getMessage().startsWith("the personal API key is missing"), e.getMessage());
    assertTrue(e.getMessage().contains("POSTHOG_PERSONAL_API_KEY"), e.getMessage());
  }

  @Test
  void wrappedKeyRevealsOnlyOnRequest() {
    ApiKey key = ApiKey.of(API_KEY);
    assertEquals(API_KEY, key.reveal());
    assertEquals("ApiKey[redacted]", key.toString());
  }
}
