package dev.hedgekit.posthog.core;

/**
 * A personal API key. Checked once when the client is built, and never shown: its
 * {@code toString()} is a fixed placeholder, and no message of this SDK contains it.
 */
public final class ApiKey {

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /**
   * Checks and wraps a key.
   *
   * @param key the personal API key (usually starts with {@code phx_})
   * @return the wrapped key
   * @throws IllegalArgumentException if the key is null, blank, or holds a character that
   *     cannot travel in an HTTP header (whitespace, line breaks, control or non-ASCII
   *     characters); the message names the problem and its position, never the key
   */
  public static ApiKey of(String key) {
    if (key == null) {
      throw new IllegalArgumentException("apiKey is missing: pass a PostHog personal API key"
          + " (or set POSTHOG_PERSONAL_API_KEY and use PostHogClient.fromEnv())");
    }
    if (key.isBlank()) {
      throw new IllegalArgumentException("apiKey is blank: pass a PostHog personal API key");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("apiKey contains a line break (CR/LF) at position "
            + i + "; remove it (keys read from files often end with one)");
      }
      if (c <= 0x20 || c == 0x7F) {
        throw new IllegalArgumentException("apiKey contains whitespace or a control character"
            + " (code " + (int) c + ") at position " + i);
      }
      if (c > 0x7E) {
        throw new IllegalArgumentException("apiKey contains a non-ASCII character at position "
            + i + "; PostHog keys are plain ASCII");
      }
    }
    return new ApiKey(key);
  }

  /**
   * The key itself, for the Authorization header. Do not log it.
   *
   * @return the key
   */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
