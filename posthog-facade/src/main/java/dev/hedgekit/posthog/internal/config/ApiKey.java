package dev.hedgekit.posthog.internal.config;

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
      throw new IllegalArgumentException("the personal API key is missing: create one in PostHog"
          + " under Settings > Personal API keys");
    }
    if (key.isBlank()) {
      throw new IllegalArgumentException("the personal API key is blank: create one in PostHog"
          + " under Settings > Personal API keys");
    }
    String trimmed = key.strip();
    if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new IllegalArgumentException("the personal API key starts with \"Bearer \": give"
          + " the key alone; the SDK adds the Bearer scheme itself");
    }
    if (trimmed.startsWith("phc_")) {
      throw new IllegalArgumentException("this is a project API key (phc_...), which only sends"
          + " events; the management API needs a personal API key (phx_...) from Settings >"
          + " Personal API keys");
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
