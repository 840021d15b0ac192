package dev.hedgekit.posthog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on loopback for the benchmarks: one blocking thread per kept-alive
 * connection, answers pre-serialized by method and path (the query is ignored), request
 * bodies drained (Content-Length or chunked). In steady state it allocates nothing per
 * request (fixed buffers, byte-wise parsing, canned answers written with one write), so that
 * it neither hides the client's cost nor shows up in {@code -prof gc}'s bytes per operation,
 * which counts every thread of the JVM.
 *
 * <p>Not a general server: no pipelining guarantees beyond what keep-alive clients do, no
 * HTTP/1.0 keep-alive, headers up to 64 KiB.
 */
public final class LoopbackServer implements AutoCloseable {

  private static final byte[] NOT_FOUND = response(404, "Not Found",
      "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.US_ASCII));
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n"
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] H_CONTENT_LENGTH = lower("content-length");
  private static final byte[] H_TRANSFER_ENCODING = lower("transfer-encoding");
  private static final byte[] H_CONNECTION = lower("connection");
  private static final byte[] H_EXPECT = lower("expect");
  private static final byte[] V_CHUNKED = lower("chunked");
  private static final byte[] V_CLOSE = lower("close");
  private static final byte[] V_CONTINUE = lower("100-continue");

  private final List<Route> routes = new ArrayList<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private ServerSocket server;
  private Thread acceptor;
  private volatile boolean closed;

  /**
   * Adds a canned answer.
   *
   * @param method the request method
   * @param path the request path without query
   * @param status the status code
   * @param reason the reason phrase
   * @param json the body (sent as application/json)
   * @return this server
   */
  public LoopbackServer route(String method, String path, int status, String reason, byte[] json) {
    routes.add(new Route(method.getBytes(StandardCharsets.US_ASCII),
        path.getBytes(StandardCharsets.US_ASCII), response(status, reason, json)));
    return this;
  }

  /**
   * Binds to an ephemeral port on loopback and starts accepting.
   *
   * @return this server
   * @throws IOException if it cannot bind
   */
  public LoopbackServer start() throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    acceptor = new Thread(this::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** @return the bound port */
  public int port() {
    return server.getLocalPort();
  }

  /** @return {@code http://127.0.0.1:port} */
  public String baseUrl() {
    return "http://" + server.getInetAddress().getHostAddress() + ":" + port();
  }

  /** @return how many connections were accepted so far */
  public int connectionsAccepted() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      try {
        s.setTcpNoDelay(true);
      } catch (IOException e) {
        // keep going
      }
      sockets.add(s);
      Thread t = new Thread(() -> serve(s), "loopback-conn-" + connections.incrementAndGet());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (s) {
      new Connection(s.getInputStream(), s.getOutputStream()).run();
    } catch (IOException e) {
      // the client closed or reset the connection
    } finally {
      sockets.remove(s);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private Route match(byte[] buf, int mStart, int mEnd, int pStart, int pEnd) {
    for (int i = 0, n = routes.size(); i < n; i++) {
      Route r = routes.get(i);
      if (equalsRange(r.method, buf, mStart, mEnd) && equalsRange(r.path, buf, pStart, pEnd)) {
        return r;
      }
    }
    return null;
  }

  /** One kept-alive connection: a fixed buffer, parsed in place. */
  private final class Connection {
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;

    Connection(InputStream in, OutputStream out) {
      this.in = in;
      this.out = out;
    }

    void run() throws IOException {
      while (true) {
        int headEnd;
        while ((headEnd = indexOfHeadEnd(buf, start, end)) < 0) {
          if (!fill()) {
            return;
          }
        }
        int sp1 = indexOf(buf, start, headEnd, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(buf, sp1 + 1, headEnd, (byte) ' ');
        if (sp2 < 0) {
          return;
        }
        int q = indexOf(buf, sp1 + 1, sp2, (byte) '?');
        int pathEnd = q < 0 ? sp2 : q;
        Route route = match(buf, start, sp1, sp1 + 1, pathEnd);
        long contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        boolean expectContinue = false;
        int line = indexOf(buf, sp2, headEnd, (byte) '\n') + 1;
        while (line > 0 && line < headEnd) {
          int eol = indexOf(buf, line, headEnd + 2, (byte) '\r');
          int colon = indexOf(buf, line, eol, (byte) ':');
          if (colon > 0) {
            int v = colon + 1;
            while (v < eol && buf[v] == ' ') {
              v++;
            }
            if (equalsIgnoreCase(H_CONTENT_LENGTH, buf, line, colon)) {
              contentLength = parseLong(buf, v, eol);
            } else if (equalsIgnoreCase(H_TRANSFER_ENCODING, buf, line, colon)) {
              chunked = containsIgnoreCase(buf, v, eol, V_CHUNKED);
            } else if (equalsIgnoreCase(H_CONNECTION, buf, line, colon)) {
              close = containsIgnoreCase(buf, v, eol, V_CLOSE);
            } else if (equalsIgnoreCase(H_EXPECT, buf, line, colon)) {
              expectContinue = containsIgnoreCase(buf, v, eol, V_CONTINUE);
            }
          }
          line = eol + 2;
        }
        start = headEnd + 4;
        if (expectContinue) {
          out.write(CONTINUE);
        }
        if (chunked) {
          drainChunked();
        } else {
          skip(contentLength);
        }
        out.write(route == null ? NOT_FOUND : route.response);
        if (close) {
          return;
        }
        if (start == end) {
          start = 0;
          end = 0;
        }
      }
    }

    /** Reads more bytes, compacting first if the buffer is full; false at end of stream. */
    private boolean fill() throws IOException {
      if (end == buf.length) {
        if (start == 0) {
          throw new IOException("request head larger than " + buf.length + " bytes");
        }
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        return false;
      }
      end += n;
      return true;
    }

    private void skip(long n) throws IOException {
      while (n > 0) {
        if (start == end) {
          start = 0;
          end = 0;
          if (!fill()) {
            throw new IOException("end of stream inside a request body");
          }
        }
        int k = (int) Math.min(n, end - start);
        start += k;
        n -= k;
      }
    }

    /** Index just after the next CRLF-terminated line's CR, reading as needed. */
    private int lineEnd() throws IOException {
      int cr;
      while ((cr = indexOfCrlf(buf, start, end)) < 0) {
        if (!fill()) {
          throw new IOException("end of stream inside a chunked body");
        }
      }
      return cr;
    }

    private void drainChunked() throws IOException {
      while (true) {
        int cr = lineEnd();
        long size = 0;
        for (int i = start; i < cr; i++) {
          int d = Character.digit(buf[i], 16);
          if (d < 0) {
            break;
          }
          size = size * 16 + d;
        }
        start = cr + 2;
        if (size == 0) {
          // trailers, up to an empty line
          while (true) {
            int t = lineEnd();
            boolean empty = t == start;
            start = t + 2;
            if (empty) {
              return;
            }
          }
        }
        skip(size + 2);
      }
    }
  }

  private static final class Route {
    final byte[] method;
    final byte[] path;
    final byte[] response;

    Route(byte[] method, byte[] path, byte[] response) {
      this.method = method;
      this.path = path;
      this.response = response;
    }
  }

  static byte[] response(int status, String reason, byte[] body) {
    byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private static byte[] lower(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  static int indexOfCrlf(byte[] b, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  static int indexOfHeadEnd(byte[] b, int from, int to) {
    for (int i = from; i + 3 < to; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean equalsRange(byte[] a, byte[] b, int from, int to) {
    if (to - from != a.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsIgnoreCase(byte[] lower, byte[] b, int from, int to) {
    if (to - from != lower.length) {
      return false;
    }
    for (int i = 0; i < lower.length; i++) {
      int c = b[from + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsIgnoreCase(byte[] b, int from, int to, byte[] lower) {
    for (int i = from; i + lower.length <= to; i++) {
      if (equalsIgnoreCase(lower, b, i, i + lower.length)) {
        return true;
      }
    }
    return false;
  }

  static long parseLong(byte[] b, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
