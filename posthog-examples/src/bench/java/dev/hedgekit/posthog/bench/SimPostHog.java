package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated PostHog for the benchmarks that care about PostHog's behaviour rather than raw
 * HTTP speed: its per-key throttles, its latency and its HogQL row pages. Plain JDK sockets,
 * HTTP/1.1 with keep-alive, one thread per connection, so requests on different connections
 * are handled concurrently (each waits out its latency on its own thread).
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code GET /api/projects/{p}/feature_flags/7/}: the benchmark fixture flag
 *       ({@link Fixtures#FLAG_JSON}); other ids answer 404.</li>
 *   <li>{@code POST /api/projects/{p}/query/}: a HogQL query. The trailing
 *       {@code LIMIT n OFFSET m} of {@code query.query} picks rows {@code m..m+n-1} of a
 *       synthetic result of {@code --rows} rows ({@link HogQlRows}); without a LIMIT the first
 *       100 rows, as PostHog does, and a LIMIT above {@code --max-rows} (PostHog: 50,000) is
 *       lowered to it. The answer has PostHog's HogQL response shape
 *       ({@code columns, types, results, hogql, query}) and is generated while it is written:
 *       no page is ever held in memory (chunked, or a Content-Length computed by a first
 *       counting pass with {@code --framing length}).</li>
 * </ul>
 *
 * <h2>Throttles</h2>
 * PostHog's per-key throttles are Django REST framework's {@code SimpleRateThrottle}
 * (posthog/rate_limit.py). This models one as: per key (the Authorization header), the times
 * of the requests it let through; on each request, times at least a window old are dropped,
 * and if {@code n} remain the request is refused with 429, otherwise its time is recorded.
 * Refused requests are not recorded. With several rates on one class (a burst and a sustained
 * rate), each is checked and each that allows records the request, even when another refuses
 * it, as DRF's {@code check_throttles} does. The wait is DRF's: the time until the oldest
 * recorded request leaves the window, divided by the requests still available plus one; the
 * longest wait of the refusing rates is rounded up to whole seconds for {@code Retry-After}
 * and the message. The body is PostHog's:
 * {@code {"type":"throttled_error","code":"throttled","detail":"Request was throttled. Expected
 * available in N seconds.","attr":null}}.
 *
 * <p>Feature flag reads are in the CRUD class, {@code /query/} in the query class; each class
 * has its own rates ({@code --crud-limit}, {@code --query-limit}; none by default).
 *
 * <h2>Latency</h2>
 * Each request (answered or refused) waits {@code --latency-ms} (default 50) on its connection's
 * thread. {@code --throttle-at answer} (the default) checks and records the request after that
 * wait, immediately before the answer is written: the latest moment PostHog could stamp it, so
 * the hardest case for a client that counts its requests from the answer's arrival.
 * {@code --throttle-at arrival} checks first and then waits.
 *
 * <h2>Running</h2>
 * As a process of its own ({@link SimProcess} starts it so that it does not share the measured
 * JVM's heap or collector):
 * <pre>
 * java -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.SimPostHog \
 *     --latency-ms 50 --crud-limit 600/60s --rows 1000000
 * </pre>
 * It prints {@code SIM listening http://127.0.0.1:PORT}, then reads commands on stdin:
 * {@code stats} (prints one line {@code STATS {json}}: counts per class, the times of the 429s
 * in ms since the last reset), {@code reset} (clears counters and throttle histories) and
 * {@code quit}; it exits at the end of its input as well.
 */
public final class SimPostHog implements AutoCloseable {

  private static final Pattern FLAG = Pattern.compile(
      "/api/(?:projects|environments)/[^/]+/feature_flags/([0-9]+)/?");
  private static final Pattern QUERY = Pattern.compile("/api/(?:projects|environments)/[^/]+/query/?");
  /** The trailing row window of a HogQL statement: LIMIT n [OFFSET m]. */
  private static final Pattern WINDOW = Pattern.compile(
      "(?is).*\\bLIMIT\\s+([0-9]+)(?:\\s+OFFSET\\s+([0-9]+))?\\s*;?\\s*");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A rate: at most {@code n} requests in any window of {@code windowNanos}. */
  public static final class Rate {
    final int n;
    final long windowNanos;

    Rate(int n, long windowNanos) {
      if (n < 1 || windowNanos <= 0) {
        throw new IllegalArgumentException("a rate needs n >= 1 and a window > 0");
      }
      this.n = n;
      this.windowNanos = windowNanos;
    }

    /** Parses {@code 600/60s}, {@code 36000/3600s}, {@code 240/1m}, {@code 1200/1h}. */
    static Rate parse(String text) {
      String[] p = text.trim().split("/");
      if (p.length != 2) {
        throw new IllegalArgumentException("rate must be N/WINDOW such as 600/60s: " + text);
      }
      String w = p[1].trim().toLowerCase(Locale.ROOT);
      long unit = 1_000_000_000L;
      if (w.endsWith("ms")) {
        unit = 1_000_000L;
        w = w.substring(0, w.length() - 2);
      } else if (w.endsWith("s")) {
        w = w.substring(0, w.length() - 1);
      } else if (w.endsWith("m")) {
        unit = 60_000_000_000L;
        w = w.substring(0, w.length() - 1);
      } else if (w.endsWith("h")) {
        unit = 3_600_000_000_000L;
        w = w.substring(0, w.length() - 1);
      }
      return new Rate(Integer.parseInt(p[0].trim()), Long.parseLong(w) * unit);
    }

    @Override
    public String toString() {
      return n + "/" + (windowNanos / 1_000_000_000.0) + "s";
    }
  }

  /** What the server is told to do. */
  public static final class Options {
    int port;
    long latencyMs = 50;
    List<Rate> crud = new ArrayList<>();
    List<Rate> query = new ArrayList<>();
    long rows = 1_000_000;
    int maxRows = 50_000;
    boolean throttleAtAnswer = true;
    boolean chunked = true;

    /** Parses the command-line options described in the class comment. */
    public static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : null;
        switch (a) {
          case "--port":
            o.port = Integer.parseInt(v);
            break;
          case "--latency-ms":
            o.latencyMs = Long.parseLong(v);
            break;
          case "--crud-limit":
            for (String r : v.split(",")) {
              o.crud.add(Rate.parse(r));
            }
            break;
          case "--query-limit":
            for (String r : v.split(",")) {
              o.query.add(Rate.parse(r));
            }
            break;
          case "--rows":
            o.rows = Long.parseLong(v);
            break;
          case "--max-rows":
            o.maxRows = Integer.parseInt(v);
            break;
          case "--throttle-at":
            if (!v.equals("answer") && !v.equals("arrival")) {
              throw new IllegalArgumentException("--throttle-at answer|arrival");
            }
            o.throttleAtAnswer = v.equals("answer");
            break;
          case "--framing":
            if (!v.equals("chunked") && !v.equals("length")) {
              throw new IllegalArgumentException("--framing chunked|length");
            }
            o.chunked = v.equals("chunked");
            break;
          default:
            throw new IllegalArgumentException("unknown option " + a);
        }
        i++;
      }
      return o;
    }

    @Override
    public String toString() {
      return "latency " + latencyMs + " ms, crud limits " + crud + ", query limits " + query
          + ", " + rows + " rows (at most " + maxRows + " per query), throttle checked at "
          + (throttleAtAnswer ? "answer" : "arrival") + ", " + (chunked ? "chunked" : "content-length");
    }
  }

  /** One DRF SimpleRateThrottle: per key, the times of the requests it let through. */
  static final class Throttle {
    private final Rate rate;
    private final Map<String, ArrayDeque<Long>> histories = new HashMap<>();

    Throttle(Rate rate) {
      this.rate = rate;
    }

    /** DRF's allow_request: drops times a window old, refuses at n, else records now. */
    boolean allow(String key, long now) {
      ArrayDeque<Long> h = histories.computeIfAbsent(key, k -> new ArrayDeque<>());
      while (!h.isEmpty() && h.peekLast() <= now - rate.windowNanos) {
        h.pollLast();
      }
      if (h.size() >= rate.n) {
        return false;
      }
      h.addFirst(now);
      return true;
    }

    /** DRF's wait(): seconds until a request may succeed, or NaN where DRF has None. */
    double waitSeconds(String key, long now) {
      ArrayDeque<Long> h = histories.get(key);
      long remaining = h == null || h.isEmpty() ? rate.windowNanos
          : rate.windowNanos - (now - h.peekLast());
      int available = rate.n - (h == null ? 0 : h.size()) + 1;
      if (available <= 0) {
        return Double.NaN;
      }
      return remaining / 1e9 / available;
    }
  }

  /** A throttle class (CRUD or query): its rates and its counters. */
  final class LimitScope {
    final String name;
    final List<Throttle> throttles = new ArrayList<>();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong rowsSent = new AtomicLong();
    final AtomicLong bodyBytes = new AtomicLong();
    final List<Double> throttledAtMs = new ArrayList<>();
    volatile long firstNanos = Long.MIN_VALUE;
    volatile long lastNanos = Long.MIN_VALUE;

    LimitScope(String name, List<Rate> rates) {
      this.name = name;
      for (Rate r : rates) {
        throttles.add(new Throttle(r));
      }
    }

    /**
     * DRF's check_throttles: every rate is asked; null when all allow, else the longest wait
     * of those that refused (NaN when none could say).
     */
    synchronized Double check(String key, long now) {
      boolean refused = false;
      double wait = Double.NaN;
      for (Throttle t : throttles) {
        if (!t.allow(key, now)) {
          refused = true;
          double w = t.waitSeconds(key, now);
          if (!Double.isNaN(w) && (Double.isNaN(wait) || w > wait)) {
            wait = w;
          }
        }
      }
      if (!refused) {
        return null;
      }
      throttledAtMs.add((now - epoch) / 1e6);
      return wait;
    }

    /** Counts a request of this class and keeps the earliest arrival since the last reset. */
    synchronized void arrived(long now) {
      requests.incrementAndGet();
      if (firstNanos == Long.MIN_VALUE || now < firstNanos) {
        firstNanos = now;
      }
    }

    synchronized void reset() {
      throttles.replaceAll(t -> new Throttle(t.rate));
      requests.set(0);
      ok.set(0);
      throttled.set(0);
      rowsSent.set(0);
      bodyBytes.set(0);
      throttledAtMs.clear();
      firstNanos = Long.MIN_VALUE;
      lastNanos = Long.MIN_VALUE;
    }

    synchronized String json() {
      StringBuilder sb = new StringBuilder();
      sb.append("{\"requests\":").append(requests.get())
          .append(",\"ok\":").append(ok.get())
          .append(",\"throttled\":").append(throttled.get())
          .append(",\"rows_sent\":").append(rowsSent.get())
          .append(",\"body_bytes\":").append(bodyBytes.get())
          .append(",\"first_ms\":").append(ms(firstNanos))
          .append(",\"last_ms\":").append(ms(lastNanos))
          .append(",\"throttled_at_ms\":[");
      for (int i = 0; i < throttledAtMs.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", throttledAtMs.get(i)));
      }
      return sb.append("]}").toString();
    }

    private String ms(long nanos) {
      return nanos == Long.MIN_VALUE ? "null" : String.format(Locale.ROOT, "%.1f", (nanos - epoch) / 1e6);
    }
  }

  private final Options options;
  private final LimitScope crud;
  private final LimitScope query;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile long epoch = System.nanoTime();
  private ServerSocket server;
  private volatile boolean closed;

  public SimPostHog(Options options) {
    this.options = options;
    this.crud = new LimitScope("crud", options.crud);
    this.query = new LimitScope("query", options.query);
  }

  /** Binds on loopback (the given port, or an ephemeral one) and starts accepting. */
  public SimPostHog start() throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port), 1024);
    Thread acceptor = new Thread(this::acceptLoop, "sim-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  public String baseUrl() {
    return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** Clears the counters and the throttle histories; times restart from now. */
  public void reset() {
    crud.reset();
    query.reset();
    epoch = System.nanoTime();
  }

  /** @return the counters as one JSON object */
  public String statsJson() {
    return "{\"uptime_ms\":" + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - epoch) / 1e6)
        + ",\"crud\":" + crud.json() + ",\"query\":" + query.json() + "}";
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

  private void acceptLoop() {
    int n = 0;
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
        s.setTcpNoDelay(true);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      sockets.add(s);
      Thread t = new Thread(() -> serve(s), "sim-conn-" + (++n));
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
      while (true) {
        String line = readLine(in);
        if (line == null) {
          return;
        }
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split(" ");
        if (parts.length < 3) {
          return;
        }
        Map<String, String> headers = new HashMap<>();
        String h;
        while ((h = readLine(in)) != null && !h.isEmpty()) {
          int colon = h.indexOf(':');
          if (colon > 0) {
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
          }
        }
        if (h == null) {
          return;
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        byte[] body = readBody(in, headers);
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        handle(parts[0], path, headers, body, out);
        out.flush();
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
          return;
        }
      }
    } catch (IOException e) {
      // the client closed or reset the connection
    } finally {
      sockets.remove(s);
    }
  }

  private void handle(String method, String path, Map<String, String> headers, byte[] body,
      OutputStream out) throws IOException {
    Matcher flag = FLAG.matcher(path);
    LimitScope scope;
    if (method.equals("GET") && flag.matches()) {
      scope = crud;
    } else if (method.equals("POST") && QUERY.matcher(path).matches()) {
      scope = query;
    } else {
      pause();
      answer(out, 404, "Not Found", null,
          "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\",\"attr\":null}");
      return;
    }
    String key = headers.getOrDefault("authorization", "");
    long arrived = System.nanoTime();
    scope.arrived(arrived);
    Double refused = options.throttleAtAnswer ? null : scope.check(key, arrived);
    pause();
    if (options.throttleAtAnswer) {
      refused = scope.check(key, System.nanoTime());
    }
    if (refused != null) {
      scope.throttled.incrementAndGet();
      throttled(out, refused);
    } else if (scope == crud) {
      if (flag.group(1).equals(Long.toString(Fixtures.FLAG_ID))) {
        answer(out, 200, "OK", null, Fixtures.FLAG_JSON);
      } else {
        answer(out, 404, "Not Found", null,
            "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\",\"attr\":null}");
      }
      scope.ok.incrementAndGet();
    } else {
      hogql(out, body);
      scope.ok.incrementAndGet();
    }
    scope.lastNanos = System.nanoTime();
  }

  private void pause() {
    if (options.latencyMs > 0) {
      try {
        Thread.sleep(options.latencyMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A 429 as PostHog sends it (DRF's Throttled, PostHog's error envelope). */
  private static void throttled(OutputStream out, double waitSeconds) throws IOException {
    String detail = "Request was throttled.";
    String retryAfter = null;
    if (!Double.isNaN(waitSeconds)) {
      long wait = (long) Math.ceil(waitSeconds);
      detail += " Expected available in " + wait + (wait == 1 ? " second." : " seconds.");
      if (wait != 0) {
        retryAfter = Long.toString(wait);
      }
    }
    answer(out, 429, "Too Many Requests", retryAfter,
        "{\"type\":\"throttled_error\",\"code\":\"throttled\",\"detail\":\"" + detail + "\",\"attr\":null}");
  }

  private static void answer(OutputStream out, int status, String reason, String retryAfter,
      String json) throws IOException {
    answer(out, status, reason, retryAfter, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void answer(OutputStream out, int status, String reason, String retryAfter,
      byte[] json) throws IOException {
    StringBuilder head = new StringBuilder()
        .append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
        .append("Content-Type: application/json\r\n")
        .append("Content-Length: ").append(json.length).append("\r\n");
    if (retryAfter != null) {
      head.append("Retry-After: ").append(retryAfter).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(json);
  }

  /** Answers a HogQL query with the rows its trailing LIMIT/OFFSET names. */
  private void hogql(OutputStream out, byte[] body) throws IOException {
    String sql;
    try {
      JsonNode request = JSON.readTree(body);
      sql = request.path("query").path("query").asText(null);
    } catch (IOException e) {
      sql = null;
    }
    if (sql == null) {
      answer(out, 400, "Bad Request", null, "{\"type\":\"validation_error\",\"code\":\"invalid_input\","
          + "\"detail\":\"query.query is required\",\"attr\":\"query\"}");
      return;
    }
    long limit = 100;
    long offset = 0;
    Matcher m = WINDOW.matcher(sql);
    if (m.matches()) {
      limit = Long.parseLong(m.group(1));
      offset = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    }
    limit = Math.min(limit, options.maxRows);
    long from = Math.min(offset, options.rows);
    long to = Math.min(options.rows, from + limit);
    String hogql = m.matches()
        ? sql.substring(0, m.start(1)) + limit + sql.substring(m.end(1))
        : sql + "\nLIMIT " + limit;
    byte[] prefix = ("{\"columns\":" + JSON.writeValueAsString(HogQlRows.COLUMNS)
        + ",\"types\":" + types() + ",\"results\":[").getBytes(StandardCharsets.UTF_8);
    byte[] suffix = ("],\"hogql\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(hogql))
        + "\",\"query\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(sql)) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
    long length;
    if (options.chunked) {
      head.append("Transfer-Encoding: chunked\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      Chunked chunks = new Chunked(out);
      length = writeRows(chunks, prefix, from, to, suffix);
      chunks.finish();
    } else {
      Counting counter = new Counting();
      length = writeRows(counter, prefix, from, to, suffix);
      head.append("Content-Length: ").append(length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      writeRows(out, prefix, from, to, suffix);
    }
    query.rowsSent.addAndGet(to - from);
    query.bodyBytes.addAndGet(length);
  }

  private static String types() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < HogQlRows.COLUMNS.length; i++) {
      sb.append(i == 0 ? "" : ",").append("[\"").append(HogQlRows.COLUMNS[i]).append("\",\"")
          .append(HogQlRows.TYPES[i]).append("\"]");
    }
    return sb.append(']').toString();
  }

  /** Writes the body row by row through a small scratch buffer; returns its length. */
  private static long writeRows(OutputStream sink, byte[] prefix, long from, long to, byte[] suffix)
      throws IOException {
    RowFormatter f = new RowFormatter();
    long n = prefix.length + suffix.length;
    sink.write(prefix);
    for (long i = from; i < to; i++) {
      int len = f.format(i, i > from);
      sink.write(f.buf, 0, len);
      n += len;
    }
    sink.write(suffix);
    return n;
  }

  /** Prints one row as JSON into a reused buffer, the date part cached per day. */
  static final class RowFormatter {
    final byte[] buf = new byte[128];
    private final byte[][] events = new byte[HogQlRows.EVENTS.length][];
    private long day = Long.MIN_VALUE;
    private byte[] date;

    RowFormatter() {
      for (int i = 0; i < events.length; i++) {
        events[i] = ("\"" + HogQlRows.EVENTS[i] + "\"").getBytes(StandardCharsets.US_ASCII);
      }
    }

    int format(long i, boolean comma) {
      int p = 0;
      if (comma) {
        buf[p++] = ',';
      }
      buf[p++] = '[';
      byte[] e = events[(int) (i % events.length)];
      System.arraycopy(e, 0, buf, p, e.length);
      p += e.length;
      buf[p++] = ',';
      buf[p++] = '"';
      long s = HogQlRows.epochSecond(i);
      long d = Math.floorDiv(s, 86_400L);
      if (d != day) {
        day = d;
        date = LocalDate.ofEpochDay(d).toString().getBytes(StandardCharsets.US_ASCII);
      }
      System.arraycopy(date, 0, buf, p, date.length);
      p += date.length;
      int sec = (int) Math.floorMod(s, 86_400L);
      buf[p++] = 'T';
      p = two(sec / 3600, p);
      buf[p++] = ':';
      p = two(sec / 60 % 60, p);
      buf[p++] = ':';
      p = two(sec % 60, p);
      buf[p++] = 'Z';
      buf[p++] = '"';
      buf[p++] = ',';
      long v = HogQlRows.value(i);
      int digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : 19;
      for (int k = p + digits - 1; k >= p; k--) {
        buf[k] = (byte) ('0' + v % 10);
        v /= 10;
      }
      p += digits;
      buf[p++] = ']';
      return p;
    }

    private int two(int v, int p) {
      buf[p] = (byte) ('0' + v / 10);
      buf[p + 1] = (byte) ('0' + v % 10);
      return p + 2;
    }
  }

  /** Chunked transfer coding over a fixed buffer: each full buffer goes out as one chunk. */
  static final class Chunked extends OutputStream {
    private final OutputStream out;
    private final byte[] buf = new byte[32 * 1024];
    private int n;

    Chunked(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      if (n == buf.length) {
        chunk();
      }
      buf[n++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (n == buf.length) {
          chunk();
        }
        int k = Math.min(len, buf.length - n);
        System.arraycopy(b, off, buf, n, k);
        n += k;
        off += k;
        len -= k;
      }
    }

    private void chunk() throws IOException {
      if (n > 0) {
        out.write(Integer.toHexString(n).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(buf, 0, n);
        out.write(CRLF);
        n = 0;
      }
    }

    void finish() throws IOException {
      chunk();
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** Counts what would be written. */
  static final class Counting extends OutputStream {
    long n;

    @Override
    public void write(int b) {
      n++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      n += len;
    }
  }

  private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
    String te = headers.get("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine(in);
        if (size == null) {
          throw new IOException("end of stream in a chunked body");
        }
        int semi = size.indexOf(';');
        int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          String t;
          while ((t = readLine(in)) != null && !t.isEmpty()) {
            // trailers are ignored
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(n));
        readLine(in);
      }
    }
    String cl = headers.get("content-length");
    if (cl == null) {
      return new byte[0];
    }
    int n = Integer.parseInt(cl.trim());
    byte[] body = in.readNBytes(n);
    if (body.length != n) {
      throw new IOException("end of stream in a request body");
    }
    return body;
  }

  /** A CRLF- (or LF-) terminated line as ISO-8859-1, without its end; null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      if (sb.length() > 64 * 1024) {
        throw new IOException("header line too long");
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** Runs the server as a process of its own; see the class comment. */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    SimPostHog sim = new SimPostHog(options).start();
    System.out.println("SIM listening " + sim.baseUrl() + " (" + options + ")");
    System.out.flush();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String c;
    while ((c = commands.readLine()) != null) {
      switch (c.trim()) {
        case "stats":
          System.out.println("STATS " + sim.statsJson());
          System.out.flush();
          break;
        case "reset":
          sim.reset();
          System.out.println("RESET");
          System.out.flush();
          break;
        case "quit":
          sim.close();
          System.exit(0);
          break;
        default:
          System.out.println("ERROR unknown command");
          System.out.flush();
      }
    }
    sim.close();
    System.exit(0);
  }
}
