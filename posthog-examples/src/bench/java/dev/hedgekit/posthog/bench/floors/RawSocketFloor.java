package dev.hedgekit.posthog.bench.floors;

import static dev.hedgekit.posthog.bench.Fixtures.FLAG_PATH;
import static dev.hedgekit.posthog.bench.Fixtures.FLAG_READER;
import static dev.hedgekit.posthog.bench.Fixtures.FLAG_WRITER;
import static dev.hedgekit.posthog.bench.Fixtures.LIST_PATH;
import static dev.hedgekit.posthog.bench.Fixtures.LIST_READER;

import dev.hedgekit.posthog.bench.Fixtures;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The physical floor: one kept-alive socket per thread, a hand-written HTTP/1.1 request
 * (pre-encoded bytes), the answer read into a reused buffer by Content-Length and decoded by
 * Jackson straight from that buffer. No pooling, no header objects, no copies.
 */
final class RawSocketFloor extends Floor {

  private final String host;
  private final int port;
  private final byte[] getFlag;
  private final byte[] getList;
  private final byte[] postHead;
  private final List<Conn> all = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Conn> conns = ThreadLocal.withInitial(this::open);

  RawSocketFloor(String baseUrl) {
    URI u = URI.create(baseUrl);
    this.host = u.getHost();
    this.port = u.getPort();
    String common = "Host: " + host + ":" + port + "\r\n"
        + "Authorization: " + Fixtures.AUTHORIZATION + "\r\n"
        + "Accept: " + Fixtures.ACCEPT + "\r\n"
        + "User-Agent: " + Fixtures.USER_AGENT + "\r\n";
    this.getFlag = ascii("GET " + FLAG_PATH + " HTTP/1.1\r\n" + common + "\r\n");
    this.getList = ascii("GET " + LIST_PATH + " HTTP/1.1\r\n" + common + "\r\n");
    this.postHead = ascii("POST " + LIST_PATH + " HTTP/1.1\r\n" + common
        + "Content-Type: application/json\r\nContent-Length: ");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private Conn open() {
    try {
      Conn c = new Conn(new Socket(host, port));
      all.add(c);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public FeatureFlag getFlag() throws IOException {
    Conn c = conns.get();
    c.exchange(getFlag, getFlag.length);
    return FLAG_READER.readValue(c.buf, c.bodyStart, c.bodyLength);
  }

  @Override
  public PaginatedFeatureFlagList list() throws IOException {
    Conn c = conns.get();
    c.exchange(getList, getList.length);
    return LIST_READER.readValue(c.buf, c.bodyStart, c.bodyLength);
  }

  @Override
  public FeatureFlag create(FeatureFlag flag) throws IOException {
    Conn c = conns.get();
    byte[] body = FLAG_WRITER.writeValueAsBytes(flag);
    int n = c.request(postHead, body);
    c.exchange(c.out, n);
    return FLAG_READER.readValue(c.buf, c.bodyStart, c.bodyLength);
  }

  @Override
  protected byte[] get(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  protected byte[] post(String path, byte[] json) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
    for (Conn c : all) {
      try {
        c.socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** One connection and its buffers; used by one thread. */
  private static final class Conn {
    final Socket socket;
    final InputStream in;
    final OutputStream os;
    byte[] buf = new byte[256 * 1024];
    byte[] out = new byte[8 * 1024];
    int bodyStart;
    int bodyLength;

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      socket.setTcpNoDelay(true);
      this.in = socket.getInputStream();
      this.os = socket.getOutputStream();
    }

    /** Writes head + Content-Length + CRLFCRLF + body into {@link #out}; returns its length. */
    int request(byte[] head, byte[] body) {
      int need = head.length + 12 + body.length;
      if (out.length < need) {
        out = new byte[need * 2];
      }
      System.arraycopy(head, 0, out, 0, head.length);
      int p = head.length;
      int len = body.length;
      int digits = len == 0 ? 1 : (int) Math.log10(len) + 1;
      for (int i = digits - 1; i >= 0; i--) {
        out[p + i] = (byte) ('0' + len % 10);
        len /= 10;
      }
      p += digits;
      out[p++] = '\r';
      out[p++] = '\n';
      out[p++] = '\r';
      out[p++] = '\n';
      System.arraycopy(body, 0, out, p, body.length);
      return p + body.length;
    }

    void exchange(byte[] request, int length) throws IOException {
      os.write(request, 0, length);
      int end = 0;
      int headEnd;
      while ((headEnd = indexOfHeadEnd(buf, end)) < 0) {
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          throw new IOException("connection closed");
        }
        end += n;
      }
      // "HTTP/1.1 200"
      int status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
      if (status < 200 || status > 299) {
        throw status(status);
      }
      int contentLength = contentLength(buf, headEnd);
      bodyStart = headEnd + 4;
      bodyLength = contentLength;
      int total = bodyStart + contentLength;
      if (total > buf.length) {
        byte[] bigger = new byte[total * 2];
        System.arraycopy(buf, 0, bigger, 0, end);
        buf = bigger;
      }
      while (end < total) {
        int n = in.read(buf, end, total - end);
        if (n < 0) {
          throw new IOException("connection closed");
        }
        end += n;
      }
    }

    private static int indexOfHeadEnd(byte[] b, int end) {
      for (int i = 0; i + 3 < end; i++) {
        if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
          return i;
        }
      }
      return -1;
    }

    private static final byte[] CL = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private static int contentLength(byte[] b, int headEnd) throws IOException {
      outer:
      for (int i = 0; i + CL.length < headEnd; i++) {
        if (b[i] != '\n') {
          continue;
        }
        for (int k = 0; k < CL.length; k++) {
          int c = b[i + 1 + k];
          if (c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
          }
          if (c != CL[k]) {
            continue outer;
          }
        }
        int p = i + 1 + CL.length;
        while (b[p] == ' ') {
          p++;
        }
        int v = 0;
        while (b[p] >= '0' && b[p] <= '9') {
          v = v * 10 + (b[p++] - '0');
        }
        return v;
      }
      throw new IOException("no Content-Length");
    }
  }
}
