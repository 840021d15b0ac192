package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.errors.ResponseTooLargeException;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A response body, at most {@code limit} bytes (counted after decompression). Its first
 * {@value #PREFETCH_BYTES} bytes are read while the attempt is still inside the retry loop
 * ({@link #prefetch()}), so a small response cut short by the network is retried like any
 * failed attempt; a larger one is then streamed from the connection to the decoder, so it is
 * never held whole. Read once. Closing it at the end of the body returns the connection to the
 * pool; closing it earlier, or after the limit was passed, drops the connection without reading
 * the rest. The first bytes are kept for error messages.
 */
final class ResponseBody implements Response.Body {

  /** How many leading bytes are kept for messages. */
  static final int HEAD_BYTES = 512;
  /** Responses up to this size are read whole inside the retry loop; larger ones stream. */
  static final int PREFETCH_BYTES = 1024 * 1024;
  /** How much of an unread rest is read on close to keep the connection. */
  private static final int DRAIN_BYTES = 16 * 1024;

  private final ClassicHttpResponse response;
  private final HttpEntity entity;
  private final HttpUriRequestBase request;
  private final long limit;
  private final SecretScrubber scrubber;
  private final Runnable onDone;
  private Limited stream;
  private byte[] prefix;
  private boolean closed;

  ResponseBody(ClassicHttpResponse response, HttpEntity entity, HttpUriRequestBase request,
      long limit, SecretScrubber scrubber, Runnable onDone) {
    this.response = response;
    this.entity = entity;
    this.request = request;
    this.limit = limit;
    this.scrubber = scrubber;
    this.onDone = onDone;
  }

  /**
   * Reads the body up to {@value #PREFETCH_BYTES} bytes. When the whole body fits, the
   * connection goes back to the pool now and the attempt is over.
   *
   * @throws IOException if reading fails (the attempt failed: the caller may retry it)
   */
  void prefetch() throws IOException {
    Limited in = limited();
    Integer declared = length();
    boolean sized = declared != null && declared > 0 && declared <= PREFETCH_BYTES;
    // A body of known length is read into an array of that length: one array, no copy.
    byte[] buffer = new byte[sized ? declared : 8192];
    int size = 0;
    while (size < PREFETCH_BYTES) {
      if (size == buffer.length) {
        int next = sized && size == declared ? in.read() : 0;
        if (next < 0) {
          break;
        }
        buffer = java.util.Arrays.copyOf(buffer, Math.min(PREFETCH_BYTES, buffer.length * 2));
        if (sized && size == declared) {
          buffer[size++] = (byte) next;
          sized = false;
          continue;
        }
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) {
        break;
      }
      size += n;
    }
    prefix = size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size);
    if (in.eof) {
      close();
    }
  }

  private Limited limited() throws IOException {
    if (stream == null) {
      long declared = entity.getContentLength();
      if (declared > limit && entity.getContentEncoding() == null) {
        // Declared too large: refuse before reading any of it.
        stream = new Limited(InputStream.nullInputStream(), limit);
        stream.exceeded = true;
        throw tooLarge(declared);
      }
      stream = new Limited(entity.getContent(), limit);
    }
    return stream;
  }

  @Override
  public Integer length() {
    long n = entity.getContentLength();
    return n < 0 || n > Integer.MAX_VALUE || entity.getContentEncoding() != null ? null : (int) n;
  }

  @Override
  public boolean isRepeatable() {
    return false;
  }

  @Override
  public InputStream asInputStream() throws IOException {
    if (prefix != null) {
      InputStream buffered = new java.io.ByteArrayInputStream(prefix);
      prefix = null;
      return stream.eof ? buffered : new java.io.SequenceInputStream(buffered, stream);
    }
    return limited();
  }

  @Override
  public Reader asReader(Charset charset) throws IOException {
    return new InputStreamReader(asInputStream(), charset);
  }

  @SuppressWarnings("deprecation")
  @Override
  public Reader asReader() throws IOException {
    return asReader(StandardCharsets.UTF_8);
  }

  /** @return the first bytes read so far, as text with the key masked (for messages) */
  String head() {
    return stream == null ? "" : scrubber.scrub(new String(stream.head, 0, stream.headLength,
        StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (stream == null || stream.exceeded || !drained()) {
        request.cancel();
      }
      response.close();
    } catch (IOException | RuntimeException e) {
      // the connection is dropped either way
    } finally {
      onDone.run();
    }
  }

  /** Reads what little is left so the connection can be reused; false if too much is left. */
  private boolean drained() {
    if (stream.eof) {
      return true;
    }
    byte[] skip = new byte[1024];
    try {
      for (int n = 0; n < DRAIN_BYTES; ) {
        int r = stream.read(skip, 0, skip.length);
        if (r < 0) {
          return true;
        }
        n += r;
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private ResponseTooLargeException tooLarge(long seen) {
    return new ResponseTooLargeException(limit, seen);
  }

  /** Counts bytes, refuses more than the limit, keeps the first ones, notes the end. */
  private final class Limited extends InputStream {
    private final InputStream in;
    private final long max;
    private final byte[] head = new byte[HEAD_BYTES];
    private int headLength;
    private long count;
    private boolean eof;
    private boolean exceeded;

    Limited(InputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (exceeded) {
        throw tooLarge(count);
      }
      if (eof) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, max - count + 1));
      if (n < 0) {
        eof = true;
        return -1;
      }
      if (headLength < HEAD_BYTES) {
        int k = Math.min(n, HEAD_BYTES - headLength);
        System.arraycopy(b, off, head, headLength, k);
        headLength += k;
      }
      count += n;
      if (count > max) {
        exceeded = true;
        throw tooLarge(count);
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return eof || exceeded ? 0 : in.available();
    }

    @Override
    public void close() {
      ResponseBody.this.close();
    }
  }
}
