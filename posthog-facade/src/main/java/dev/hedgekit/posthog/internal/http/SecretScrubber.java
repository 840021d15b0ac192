package dev.hedgekit.posthog.http;

import java.nio.charset.StandardCharsets;

/**
 * Replaces the API key with {@code [redacted]} in text the SDK did not write itself: the body
 * of an error answer (which ends up in exception messages) and log lines. A server has no
 * reason to echo the key, but if one does, it still never reaches a message or a log.
 */
final class SecretScrubber {

  static final String MASK = "[redacted]";
  private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.UTF_8);

  private final String secret;
  private final byte[] secretBytes;

  SecretScrubber(String secret) {
    this.secret = secret;
    this.secretBytes = secret.getBytes(StandardCharsets.UTF_8);
  }

  String scrub(String text) {
    return text == null || !text.contains(secret) ? text : text.replace(secret, MASK);
  }

  byte[] scrub(byte[] data) {
    int at = indexOf(data, 0);
    if (at < 0) {
      return data;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length);
    int from = 0;
    while (at >= 0) {
      out.write(data, from, at - from);
      out.write(MASK_BYTES, 0, MASK_BYTES.length);
      from = at + secretBytes.length;
      at = indexOf(data, from);
    }
    out.write(data, from, data.length - from);
    return out.toByteArray();
  }

  private int indexOf(byte[] data, int from) {
    outer:
    for (int i = from; i <= data.length - secretBytes.length; i++) {
      for (int j = 0; j < secretBytes.length; j++) {
        if (data[i + j] != secretBytes[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
