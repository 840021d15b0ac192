package dev.hedgekit.posthog.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the API key out of text the SDK did not write itself: response bodies and server
 * messages that end up in exceptions, envelopes and logs. The key is replaced by
 * {@code [redacted]} where it appears as it is; text that holds it in another form a server
 * might echo (JSON {@code \\u} escapes, percent-encoding) is withheld whole.
 */
public final class SecretScrubber {

  /** What replaces the key. */
  public static final String MASK = "[redacted]";
  /** What replaces text that holds the key in an encoded form. */
  public static final String WITHHELD = "[withheld: the response repeats the API key]";

  private final String secret;

  /**
   * @param secret the API key
   */
  public SecretScrubber(String secret) {
    this.secret = secret;
  }

  /**
   * @param text text from a server, or null
   * @return the text with the key masked
   */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    if (text.contains(secret)) {
      text = text.replace(secret, MASK);
    }
    if ((text.indexOf('\\') >= 0 && unescapeJson(text).contains(secret))
        || (text.indexOf('%') >= 0 && percentDecode(text).contains(secret))) {
      return WITHHELD;
    }
    return text;
  }

  /**
   * @param data bytes from a server
   * @return the bytes as UTF-8 text with the key masked
   */
  public String scrub(byte[] data) {
    return scrub(new String(data, StandardCharsets.UTF_8));
  }

  private static String unescapeJson(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 6 <= s.length() && s.charAt(i + 1) == 'u') {
        try {
          sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          i += 5;
          continue;
        } catch (NumberFormatException e) {
          // not an escape
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static String percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
