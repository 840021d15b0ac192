package dev.hedgekit.posthog.examples.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hedgekit.posthog.generated.support.SpecResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local stand-in for PostHog: an HTTP server on 127.0.0.1 (a free port) that answers every
 * operation of the curated spec, so examples and tests run without an account.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start();
 *      PostHogClient client = PostHogClient.builder()
 *          .apiKey("phx_any_key").baseUrl(sandbox.baseUrl()).build()) {
 *   FeatureFlagsApi flags = client.generated(FeatureFlagsApi.class);
 *   ...
 * }
 * }</pre>
 *
 * <p>The operations come from the spec (by default the copy the generated module puts on the
 * classpath, {@value #SPEC_RESOURCE}); none is written here. Each one answers:
 * <ul>
 *   <li>at its method and path template, each {@code {param}} matching one path segment
 *       ({@code [^/]+}); the trailing slash is part of the path, query strings are ignored; a
 *       template with fewer parameters wins, so literal paths beat templates;
 *   <li>with its lowest 2xx status from the spec and a JSON body built by
 *       {@link ExampleGenerator} from the response schema (or, for the few operations whose
 *       answer the spec leaves free-form, such as the query API, a hand-written answer from
 *       {@code answers/<operationId>.json}); 204 without a body;
 *   <li>when the spec's only answer is 405 (PostHog refuses hard DELETEs of several
 *       resources), with 405 and PostHog's {@code method_not_allowed} error body;
 *   <li>with header {@value #OPERATION_HEADER} naming the operation.
 * </ul>
 * A request without {@code Authorization: Bearer <anything>} gets 401 with PostHog's
 * {@code authentication_error} body; a path the spec does not have gets 404 with PostHog's
 * {@code not_found} body. Nothing is stored: a create answers a generated resource, not the one
 * sent. The answers are deterministic.
 *
 * <p>Starting is cheap: the server is the JDK's own ({@code com.sun.net.httpserver}), and
 * {@link #start()} uses the plan the build stored for the curated spec ({@link SandboxPlan}),
 * so it neither parses the spec nor generates a body until an operation is called. The server
 * is quiet: it writes nothing to the console. Close it to free the port.
 */
public final class SandboxServer implements AutoCloseable {

  /** The classpath resource holding the spec as JSON (written by posthog-generated). */
  public static final String SPEC_RESOURCE = SpecResource.PATH;
  /** Response header naming the operation that answered. */
  public static final String OPERATION_HEADER = "X-Sandbox-Operation";

  private static final Pattern BEARER = Pattern.compile("Bearer \\S.*");
  private static final int JOURNAL = 1000;
  private static final byte[] NOT_AUTHENTICATED = errorBody("authentication_error",
      "not_authenticated", "Authentication credentials were not provided.");
  private static final byte[] AUTHENTICATION_FAILED = errorBody("authentication_error",
      "authentication_failed", "Send a personal API key as: Authorization: Bearer <key>.");
  private static final byte[] NOT_FOUND = errorBody("invalid_request", "not_found",
      "Not found.");
  private static final AtomicInteger SERVERS = new AtomicInteger();

  static {
    // The JDK server writes the headers and the body of an answer separately; without
    // TCP_NODELAY the body waits for the client's delayed ACK, about 40 ms per answer. The JDK
    // reads this property once, when its first server is made; a value set by the user stays.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  /** Routes by matching priority: fewer path parameters first, then spec order. */
  private final List<Route> matching;
  /** Routes in spec order. */
  private final List<Route> routes;
  private final Deque<String> journal = new ArrayDeque<>();
  private volatile boolean running;
  private volatile List<StubbedOperation> operations;

  private SandboxServer(List<Route> routes) {
    this.routes = List.copyOf(routes);
    List<Route> byPriority = new ArrayList<>(routes);
    byPriority.sort(Comparator.comparingInt((Route r) -> r.parameters)
        .thenComparingInt(r -> r.order));
    this.matching = List.copyOf(byPriority);
    int n = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sandbox-" + n + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      this.server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("the sandbox could not listen on 127.0.0.1", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Starts a sandbox answering the curated spec: from the plan the build stored, or, when the
   * classes were not built that way, from the spec found on the classpath at
   * {@value #SPEC_RESOURCE}.
   *
   * @return the running sandbox
   * @throws IllegalStateException if neither the stored plan nor the spec is on the classpath
   */
  public static SandboxServer start() {
    List<Route> stored = StoredPlan.read();
    return stored != null ? begin(stored) : start(loadSpec());
  }

  /**
   * Starts a sandbox answering the operations of the given spec.
   *
   * @param spec an OpenAPI 3 document as a Jackson tree
   * @return the running sandbox
   */
  public static SandboxServer start(JsonNode spec) {
    List<StubbedOperation> planned = plan(spec);
    List<Route> routes = new ArrayList<>();
    for (StubbedOperation op : planned) {
      routes.add(Route.of(op, routes.size()));
    }
    return begin(routes);
  }

  private static SandboxServer begin(List<Route> routes) {
    SandboxServer s = new SandboxServer(routes);
    s.server.start();
    s.running = true;
    return s;
  }

  /**
   * Reads the spec the generated module puts on the classpath.
   *
   * @return the spec as a Jackson tree
   * @throws IllegalStateException if the resource is missing
   */
  public static JsonNode loadSpec() {
    try (InputStream in = SpecResource.open()) {
      return SandboxPlan.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("could not read the spec " + SPEC_RESOURCE
          + "; it comes with the posthog-generated jar", e);
    }
  }


  /**
   * What the sandbox answers for every operation of a spec, without starting anything.
   *
   * @param spec an OpenAPI 3 document
   * @return one entry per operation, in the spec's order
   */
  public static List<StubbedOperation> plan(JsonNode spec) {
    return SandboxPlan.plan(spec);
  }

  /**
   * Turns a path template into the regex request paths are matched with: literal parts
   * escaped, each {@code {param}} one segment.
   *
   * @param template e.g. {@code /api/projects/{project_id}/feature_flags/{id}/}
   * @return e.g. {@code /api/projects/[^/]+/feature_flags/[^/]+/}
   */
  public static String pathRegex(String template) {
    return StoredPlan.pathRegex(template);
  }

  /** @return the base URL, e.g. {@code http://127.0.0.1:54321} */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** @return the port the sandbox listens on */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Every operation the sandbox answers, in spec order (empty once closed). The first call
   * reads every stored answer.
   *
   * @return the operations
   */
  public List<StubbedOperation> operations() {
    if (!running) {
      return List.of();
    }
    List<StubbedOperation> ops = operations;
    if (ops == null) {
      List<StubbedOperation> out = new ArrayList<>();
      routes.forEach(r -> out.add(r.toOperation()));
      ops = Collections.unmodifiableList(out);
      operations = ops;
    }
    return ops;
  }

  /** @return how many operations the sandbox answers, without reading any answer */
  public int operationCount() {
    return routes.size();
  }

  /**
   * The requests received so far (up to the last 1000), oldest first, as {@code METHOD url},
   * e.g. {@code GET /api/projects/1/feature_flags/?limit=5}. Headers are not kept here.
   *
   * @return the request lines
   */
  public List<String> requestLog() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  /** Stops the server; closing twice is harmless. */
  @Override
  public void close() {
    if (running) {
      running = false;
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "SandboxServer{" + (running ? baseUrl() : "stopped") + ", "
        + (running ? routes.size() : 0) + " operations}";
  }

  // ---------------------------------------------------------------------------------------------
  // answering

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try (InputStream body = ex.getRequestBody()) {
        body.transferTo(OutputStream.nullOutputStream());
      }
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      record(method + " " + path + (query == null ? "" : "?" + query));
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null) {
        send(ex, 401, StoredPlan.JSON, NOT_AUTHENTICATED, null);
        return;
      }
      if (!BEARER.matcher(auth).matches()) {
        send(ex, 401, StoredPlan.JSON, AUTHENTICATION_FAILED, null);
        return;
      }
      for (Route r : matching) {
        if (r.method.equals(method) && r.matches(path)) {
          byte[] answer = r.body();
          send(ex, r.status, answer == null ? null : r.contentType, answer, r.operationId);
          return;
        }
      }
      send(ex, 404, StoredPlan.JSON, NOT_FOUND, null);
    } catch (RuntimeException e) {
      // Never let a bug here hang the caller: answer 500 if nothing was sent yet.
      try {
        send(ex, 500, StoredPlan.JSON, errorBody("server_error", "error",
            "The sandbox failed: " + e), null);
      } catch (IOException | RuntimeException ignored) {
        // The answer was already on its way.
      }
    }
  }

  private void record(String line) {
    synchronized (journal) {
      if (journal.size() == JOURNAL) {
        journal.removeFirst();
      }
      journal.addLast(line);
    }
  }

  private static void send(HttpExchange ex, int status, String contentType, byte[] body,
      String operationId) throws IOException {
    if (operationId != null) {
      ex.getResponseHeaders().set(OPERATION_HEADER, operationId);
    }
    boolean hasBody = body != null && status != 204 && !"HEAD".equals(ex.getRequestMethod());
    if (hasBody && contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, hasBody ? body.length : -1);
    if (hasBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** PostHog's error body: {@code {"type":..,"code":..,"detail":..,"attr":null}}. */
  static byte[] errorBody(String type, String code, String detail) {
    return ("{\"type\":" + quote(type) + ",\"code\":" + quote(code) + ",\"detail\":"
        + quote(detail) + ",\"attr\":null}").getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
