package dev.hedgekit.posthog.internal.config;

import java.util.Locale;
import java.util.Set;

/**
 * Checks of extra header names and values supplied by callers, so that no input can split a
 * header or inject a new one.
 */
public final class Headers {

  private static final Set<String> RESERVED = Set.of("authorization", "accept", "user-agent",
      "content-type", "host", "content-length", "transfer-encoding", "connection");

  private Headers() {
  }

  /**
   * Checks an extra header.
   *
   * @param name the header name
   * @param value the header value
   * @throws IllegalArgumentException if the name is not an HTTP token, is set by the client
   *     (Authorization, Accept, User-Agent, Content-Type, Host, Content-Length,
   *     Transfer-Encoding, Connection), or the
   *     value holds CR, LF or another control character (C0 other than tab, DEL, or C1 such
   *     as NEL U+0085), or a character outside ISO-8859-1
   */
  public static void check(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isTokenChar(c)) {
        throw new IllegalArgumentException("header name \"" + Endpoint.printable(name)
            + "\" has a character not allowed in a header name at position " + i);
      }
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      String lower = name.toLowerCase(Locale.ROOT);
      throw new IllegalArgumentException("header " + name + " is set by the client and cannot be"
          + " given" + (lower.equals("authorization")
              ? "; pass the key with PostHogClientBuilder.apiKey(...) or POSTHOG_PERSONAL_API_KEY"
              : lower.equals("user-agent")
                  ? "; add your product with PostHogClientBuilder.userAgentSuffix(...)" : ""));
    }
    checkValue(name, value);
  }

  /**
   * Checks a header value only.
   *
   * @param name the header name, for the message
   * @param value the value
   * @throws IllegalArgumentException as {@link #check}
   */
  public static void checkValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("header " + name + " has a null value");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("header " + name
            + " value contains a line break (CR/LF) at position " + i);
      }
      if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
        throw new IllegalArgumentException("header " + name
            + " value contains a control character (code " + (int) c + ") at position " + i);
      }
      if (c > 0xFF) {
        throw new IllegalArgumentException("header " + name
            + " value contains a character outside ISO-8859-1 at position " + i);
      }
    }
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
