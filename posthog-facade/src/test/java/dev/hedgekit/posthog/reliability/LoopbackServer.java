package dev.hedgekit.posthog.reliability;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on a loopback {@link ServerSocket}, one thread per connection, for
 * what WireMock cannot do: record the raw request line exactly as sent (no normalization),
 * produce faults at the byte level (a body shorter than its Content-Length, a chunked body cut
 * off, a server that accepts and never answers), count open connections, and answer fast
 * enough for the load test. Keep-alive is honoured: a connection serves requests until the
 * client closes it or a handler closes it.
 *
 * <p>Every thread it starts is named {@code loopback-...} and is a daemon; {@link #close()}
 * closes every socket and joins the threads.
 */
final class LoopbackServer implements AutoCloseable {

  /** Answers one request (or fails it on purpose). */
  @FunctionalInterface
  interface Handler {
    void handle(Exchange exchange) throws IOException;
  }

  /** One request and the means to answer it. */
  static final class Exchange {
    final String requestLine;
    final String method;
    /** The request target exactly as sent: raw path and raw query, still percent-encoded. */
    final String target;
    final Map<String, List<String>> headers;
    final byte[] body;
    /** 1-based number of this request among all the server received. */
    final int number;
    private final Socket socket;
    private final OutputStream out;
    private final LoopbackServer server;
    private boolean closeAfter;

    private Exchange(LoopbackServer server, Socket socket, OutputStream out, String requestLine,
        Map<String, List<String>> headers, byte[] body, int number) {
      this.server = server;
      this.socket = socket;
      this.out = out;
      this.requestLine = requestLine;
      String[] parts = requestLine.split(" ", 3);
      this.method = parts[0];
      this.target = parts.length > 1 ? parts[1] : "";
      this.headers = headers;
      this.body = body;
      this.number = number;
    }

    /** @return the raw path (percent-encoded as sent) */
    String rawPath() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** @return the raw query (percent-encoded as sent), or null */
    String rawQuery() {
      int q = target.indexOf('?');
      return q < 0 ? null : target.substring(q + 1);
    }

    /** @return the first value of a header (name in any case), or null */
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Writes a complete answer with a Content-Length. */
    void respond(int status, String contentType, byte[] content, String... extraHeaders)
        throws IOException {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
          .append(reason(status)).append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("Content-Length: ").append(content.length).append("\r\n");
      for (String h : extraHeaders) {
        head.append(h).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
    }

    void respondJson(int status, String json, String... extraHeaders) throws IOException {
      respond(status, "application/json", json.getBytes(StandardCharsets.UTF_8), extraHeaders);
    }

    /** @return the connection's output, to stream a long or endless answer by hand */
    OutputStream raw() {
      return out;
    }

    /** Writes bytes as they are (a hand-made, possibly broken, answer). */
    void writeRaw(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Closes the connection after this exchange (after whatever was written). */
    void closeConnection() {
      closeAfter = true;
    }

    /** Resets the connection (TCP RST) without answering. */
    void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
      closeAfter = true;
    }

    /** Keeps the connection open without answering until the server is closed. */
    void hang() {
      try {
        server.closing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeAfter = true;
    }

    private static String reason(int status) {
      switch (status) {
        case 200:
          return "OK";
        case 201:
          return "Created";
        case 204:
          return "No Content";
        case 404:
          return "Not Found";
        case 429:
          return "Too Many Requests";
        default:
          return "Status";
      }
    }
  }

  private final ServerSocket serverSocket;
  private final Handler handler;
  private final Thread acceptor;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Throwable> handlerFailures = new CopyOnWriteArrayList<>();
  private volatile boolean recordLines = true;

  private LoopbackServer(Handler handler) throws IOException {
    this.handler = handler;
    this.serverSocket = new ServerSocket();
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    this.acceptor = new Thread(this::acceptLoop, "loopback-accept-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static LoopbackServer start(Handler handler) throws IOException {
    return new LoopbackServer(handler);
  }

  /** Stops keeping request lines (the load test would hold 20,000 of them). */
  LoopbackServer withoutRecording() {
    recordLines = false;
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort();
  }

  /** @return the request lines received so far, in order, exactly as sent */
  List<String> requestLines() {
    synchronized (requestLines) {
      return List.copyOf(requestLines);
    }
  }

  int requests() {
    return requests.get();
  }

  int connectionsAccepted() {
    return accepted.get();
  }

  int openConnections() {
    return open.get();
  }

  /** Handler failures that were not deliberate (assert that there were none). */
  List<Throwable> handlerFailures() {
    return List.copyOf(handlerFailures);
  }

  /**
   * Waits until the number of open connections is {@code n}.
   *
   * @return whether it got there in time
   */
  boolean awaitOpenConnections(int n, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (open.get() != n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return open.get() == n;
  }

  /** Waits until at least {@code n} requests arrived; returns the count then. */
  int awaitRequests(int n, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (requests.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return requests.get();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket s;
      try {
        s = serverSocket.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      open.incrementAndGet();
      sockets.add(s);
      Thread t = new Thread(() -> serve(s), "loopback-conn-" + accepted.get());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void serve(Socket s) {
    try {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
      while (true) {
        String line = readLine(in);
        if (line == null) {
          return;
        }
        if (line.isEmpty()) {
          continue;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String h;
        while ((h = readLine(in)) != null && !h.isEmpty()) {
          int colon = h.indexOf(':');
          if (colon > 0) {
            headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(h.substring(colon + 1).trim());
          }
        }
        if (h == null) {
          return;
        }
        byte[] body = readBody(in, headers);
        int number = requests.incrementAndGet();
        if (recordLines) {
          requestLines.add(line);
        }
        Exchange ex = new Exchange(this, s, out, line, headers, body, number);
        try {
          handler.handle(ex);
        } catch (SocketException e) {
          return;
        } catch (IOException | RuntimeException | Error e) {
          if (!s.isClosed() && closing.getCount() > 0) {
            handlerFailures.add(e);
          }
          return;
        }
        if (ex.closeAfter || s.isClosed()) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
      sockets.remove(s);
      open.decrementAndGet();
    }
  }

  private static byte[] readBody(InputStream in, Map<String, List<String>> headers)
      throws IOException {
    List<String> te = headers.get("transfer-encoding");
    if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine(in);
        if (size == null) {
          throw new IOException("request body cut off");
        }
        int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
        if (n == 0) {
          while (true) {
            String trailer = readLine(in);
            if (trailer == null || trailer.isEmpty()) {
              return body.toByteArray();
            }
          }
        }
        body.write(in.readNBytes(n));
        readLine(in);
      }
    }
    List<String> cl = headers.get("content-length");
    if (cl == null) {
      return new byte[0];
    }
    int n = Integer.parseInt(cl.get(0));
    byte[] body = in.readNBytes(n);
    if (body.length != n) {
      throw new IOException("request body cut off");
    }
    return body;
  }

  /** Reads one CRLF-terminated line as ISO-8859-1; null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    closing.countDown();
    try {
      serverSocket.close();
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
    acceptor.join(2000);
    for (Thread t : threads) {
      t.join(2000);
    }
  }
}
