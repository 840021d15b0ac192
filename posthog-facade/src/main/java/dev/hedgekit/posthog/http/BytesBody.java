package dev.hedgekit.posthog.http;

import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * A response body held in memory, as the transport reads every answer. Unlike Feign's own
 * byte-array body it lets the decoders read the bytes in place ({@link #bytesOf}), so an answer
 * is never copied between the socket and Jackson. Repeatable; closing it does nothing.
 */
final class BytesBody implements Response.Body {

  private static final byte[] EMPTY = new byte[0];

  private final byte[] data;

  BytesBody(byte[] data) {
    this.data = data;
  }

  @Override
  public Integer length() {
    return data.length;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public InputStream asInputStream() {
    return new ByteArrayInputStream(data);
  }

  @SuppressWarnings("deprecation")
  @Override
  public Reader asReader() {
    return new InputStreamReader(asInputStream(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public Reader asReader(Charset charset) {
    return new InputStreamReader(asInputStream(), charset);
  }

  @Override
  public void close() {
    // nothing to release: the connection went back to the pool when the body was read
  }

  @Override
  public String toString() {
    return "BytesBody{" + data.length + " bytes}";
  }

  /**
   * The whole body of an answer. The transport's answers are handed over without a copy (the
   * caller must not change the array); any other body is read.
   *
   * @param response the answer
   * @return its body, empty when it has none
   * @throws IOException if another kind of body cannot be read
   */
  static byte[] bytesOf(Response response) throws IOException {
    Response.Body body = response.body();
    if (body == null) {
      return EMPTY;
    }
    if (body instanceof BytesBody) {
      return ((BytesBody) body).data;
    }
    try (InputStream in = body.asInputStream()) {
      return in.readAllBytes();
    }
  }
}
