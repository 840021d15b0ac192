package dev.hedgekit.posthog.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Percent-encoding written from RFC 3986 for the tests' expectations, independent of the SDK's
 * encoder: every UTF-8 byte other than an unreserved character ({@code A-Z a-z 0-9 - . _ ~})
 * becomes {@code %XX} with upper-case hex. The SDK also encodes the dots of a value made only
 * of dots, so that {@code .} and {@code ..} can never be relative path steps; {@link
 * #segment(String)} expects that.
 */
final class Rfc3986 {

  private Rfc3986() {
  }

  private static boolean unreserved(int b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
        || b == '-' || b == '.' || b == '_' || b == '~';
  }

  /**
   * The expected encoding of a path segment or query value (the SDK encodes both alike; a
   * dot-only value is fully encoded).
   */
  static String segment(String s) {
    return encode(s, !s.isEmpty() && s.chars().allMatch(c -> c == '.'));
  }

  private static String encode(String s, boolean dotsToo) {
    StringBuilder sb = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int b = x & 0xFF;
      if (unreserved(b) && !(dotsToo && b == '.')) {
        sb.append((char) b);
      } else {
        sb.append('%').append(String.format("%02X", b));
      }
    }
    return sb.toString();
  }

  /**
   * Strictly decodes a percent-encoded segment or value: a {@code %} must start a valid escape,
   * the bytes must be valid UTF-8, and any character that should have been encoded (anything
   * not unreserved) makes it fail, so a server built on this sees exactly what was sent.
   */
  static String decode(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw new IllegalArgumentException("bad escape at " + i + " in " + s);
        }
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (unreserved(c)) {
        bytes.write(c);
      } else {
        throw new IllegalArgumentException("unencoded '" + c + "' at " + i + " in " + s);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8: " + s, e);
    }
  }
}
