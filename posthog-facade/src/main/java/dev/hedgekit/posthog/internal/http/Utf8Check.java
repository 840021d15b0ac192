package dev.hedgekit.posthog.internal.http;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a byte stream through unchanged while checking that it is well-formed UTF-8 (RFC
 * 3629): no overlong forms (such as {@code C0 AF} for {@code /}), no encoded surrogates, nothing
 * beyond U+10FFFF, no cut sequence at the end. JSON must be UTF-8, and a decoder that accepted
 * such bytes would read text the server never wrote.
 */
final class Utf8Check extends FilterInputStream {

  /** Continuation bytes still expected. */
  private int pending;
  /** Allowed range of the next continuation byte (narrower right after some lead bytes). */
  private int low = 0x80;
  private int high = 0xBF;
  private long position;

  Utf8Check(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      end();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      end();
      return n;
    }
    for (int i = off; i < off + n; i++) {
      check(buf[i] & 0xFF);
    }
    return n;
  }

  private void check(int b) throws IOException {
    if (pending > 0) {
      if (b < low || b > high) {
        throw invalid("a malformed multi-byte sequence");
      }
      pending--;
      low = 0x80;
      high = 0xBF;
    } else if (b >= 0x80) {
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b == 0xE0) {
        pending = 2;
        low = 0xA0;
      } else if (b == 0xED) {
        pending = 2;
        high = 0x9F;
      } else if (b >= 0xE1 && b <= 0xEF) {
        pending = 2;
      } else if (b == 0xF0) {
        pending = 3;
        low = 0x90;
      } else if (b >= 0xF1 && b <= 0xF3) {
        pending = 3;
      } else if (b == 0xF4) {
        pending = 3;
        high = 0x8F;
      } else {
        throw invalid(b == 0xC0 || b == 0xC1 ? "an overlong encoding" : "a byte that cannot start a character");
      }
    }
    position++;
  }

  private void end() throws IOException {
    if (pending > 0) {
      throw invalid("a sequence cut short at the end");
    }
  }

  private CharConversionException invalid(String what) {
    return new CharConversionException("the response is not valid UTF-8: " + what
        + " at byte " + position);
  }
}
