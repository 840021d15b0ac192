package dev.hedgekit.posthog.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.core.HttpLogLevel;
import dev.hedgekit.posthog.generated.raw.RawOperations;
import dev.hedgekit.posthog.json.Json;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestClients;
import feign.Response;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated interfaces' methods run straight onto the transport (logging off) must send
 * exactly what the Feign proxies (logging on) send, and answer exactly what they answer: same
 * method, raw path and query, headers and body on the wire; same decoded value, same
 * exception and message. Checked for every method of every generated interface, with
 * arguments that need encoding, null and empty query values, and three kinds of answer.
 */
class DirectInvokerTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static PostHogClient direct;
  private static PostHogClient viaFeign;

  @BeforeAll
  static void clients() {
    direct = client(HttpLogLevel.NONE);
    viaFeign = client(HttpLogLevel.BASIC);
  }

  private static PostHogClient client(HttpLogLevel level) {
    return TestClients.builder(wm, new RecordingSleeper()).httpLogging(level)
        .header("X-Extra", "one").maxRetries(0).build();
  }

  @AfterAll
  static void close() {
    direct.close();
    viaFeign.close();
  }

  /** RawOperations and the typed interface of every tag of the spec. */
  private static List<Class<?>> interfaces() throws Exception {
    TreeSet<String> names = new TreeSet<>();
    try (InputStream in = DirectInvokerTest.class
        .getResourceAsStream("/dev/hedgekit/posthog/generated/posthog-api.json")) {
      JsonNode spec = Json.mapper().readTree(in);
      for (Iterator<JsonNode> items = spec.path("paths").elements(); items.hasNext(); ) {
        JsonNode item = items.next();
        for (Iterator<JsonNode> ops = item.elements(); ops.hasNext(); ) {
          JsonNode op = ops.next();
          if (op.has("tags")) {
            StringBuilder sb = new StringBuilder("dev.hedgekit.posthog.generated.api.");
            for (String w : op.path("tags").get(0).asText().split("_")) {
              sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
            names.add(sb.append("Api").toString());
          }
        }
      }
    }
    List<Class<?>> out = new ArrayList<>();
    out.add(RawOperations.class);
    for (String n : names) {
      out.add(Class.forName(n));
    }
    return out;
  }

  private static List<Method> operations(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::toGenericString));
    return out;
  }

  @Test
  void everyGeneratedMethodHasAPlan() throws Exception {
    int methods = 0;
    for (Class<?> type : interfaces()) {
      assertEquals(List.of(), DirectInvoker.unplanned(type), "methods of " + type.getSimpleName()
          + " left to Feign");
      methods += operations(type).size();
    }
    // 356 untyped methods and 356 typed ones, at least.
    assertTrue(methods >= 712, "methods checked: " + methods);
  }

  @Test
  void clientWithLoggingOffUsesTheDirectProxy() {
    Object api = direct.generated(RawOperations.class);
    assertTrue(Proxy.getInvocationHandler(api) instanceof DirectInvoker);
    Object logged = viaFeign.generated(RawOperations.class);
    assertTrue(!(Proxy.getInvocationHandler(logged) instanceof DirectInvoker));
    assertEquals("RawOperations at " + wm.baseUrl(), api.toString());
  }

  @Test
  void sameRequestsAndOutcomesAsFeignForEveryMethod_okAnswer() throws Exception {
    compareAll(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":1,\"name\":\"n\",\"results\":[],\"count\":0}"));
  }

  @Test
  void sameRequestsAndOutcomesAsFeignForEveryMethod_errorAnswer() throws Exception {
    compareAll(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"validation_error\",\"code\":\"invalid_input\",\"detail\":\"bad value\","
            + "\"attr\":\"name\"}"));
  }

  @Test
  void sameRequestsAndOutcomesAsFeignForEveryMethod_emptyAndUndecodableAnswers() throws Exception {
    compareAll(aResponse().withStatus(204));
    compareAll(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("[1,2,"));
  }

  private void compareAll(ResponseDefinitionBuilder answer) throws Exception {
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(answer));
    int compared = 0;
    for (Class<?> type : interfaces()) {
      Object a = direct.generated(type);
      Object b = viaFeign.generated(type);
      for (Method m : operations(type)) {
        Object[] args = arguments(m);
        wm.resetRequests();
        String outcomeA = outcome(a, m, args);
        List<LoggedRequest> sentA = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
        wm.resetRequests();
        String outcomeB = outcome(b, m, args);
        List<LoggedRequest> sentB = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
        String what = type.getSimpleName() + "." + m.getName();
        assertEquals(1, sentA.size(), what + ": requests sent directly");
        assertEquals(1, sentB.size(), what + ": requests sent through Feign");
        assertEquals(describe(sentB.get(0)), describe(sentA.get(0)), what + ": request on the wire");
        assertEquals(outcomeB, outcomeA, what + ": outcome");
        compared++;
      }
    }
    assertTrue(compared >= 712, "methods compared: " + compared);
  }

  /** Method, raw target, every header (sorted; connection-level ones left out) and body. */
  private static String describe(LoggedRequest r) {
    List<String> headers = new ArrayList<>();
    for (HttpHeader h : r.getHeaders().all()) {
      String name = h.key().toLowerCase(java.util.Locale.ROOT);
      if (!name.equals("connection") && !name.equals("keep-alive")) {
        headers.add(name + ": " + h.values());
      }
    }
    headers.sort(null);
    return r.getMethod() + " " + r.getUrl() + "\n" + String.join("\n", headers) + "\n\n"
        + r.getBodyAsString();
  }

  private static String outcome(Object api, Method m, Object[] args) throws Exception {
    try {
      Object result = m.invoke(api, args);
      if (result instanceof Response) {
        Response r = (Response) result;
        return "response " + r.status() + " "
            + new String(Transport.bodyBytes(r), java.nio.charset.StandardCharsets.UTF_8);
      }
      return "value " + Json.mapper().writeValueAsString(result);
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      return "thrown " + t.getClass().getName() + ": " + t.getMessage();
    }
  }

  /**
   * Arguments that test the encoding: path values with a slash, dots, spaces, a query
   * separator and non-ASCII text; query values that are absent, empty, or full of separators.
   */
  private static Object[] arguments(Method m) throws Exception {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      dev.hedgekit.posthog.generated.support.Wire wire = Arrays.stream(m.getParameterAnnotations()[i])
          .filter(a -> a instanceof dev.hedgekit.posthog.generated.support.Wire)
          .map(a -> (dev.hedgekit.posthog.generated.support.Wire) a).findFirst().orElseThrow();
      args[i] = value(types[i], wire.in(), i);
    }
    return args;
  }

  private static Object value(Class<?> type, String in, int i) throws Exception {
    if ("body".equals(in)) {
      if (type == Object.class) {
        return Map.of("name", "n é", "filters", Map.of("groups", List.of(1, 2)));
      }
      return type.getDeclaredConstructor().newInstance();
    }
    boolean path = "path".equals(in);
    int mode = path ? 1 : i % 3;
    if (mode == 0) {
      return null;
    }
    if (type == Integer.class || type == int.class) {
      return 40 + i;
    }
    if (type == Boolean.class) {
      return Boolean.TRUE;
    }
    if (type == UUID.class) {
      return UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    }
    if (List.class.isAssignableFrom(type)) {
      return List.of("a b", "c");
    }
    if (mode == 2) {
      return "";
    }
    return path ? "../x/ y?z#%é" + i : "a&b=c d#" + i;
  }
}
