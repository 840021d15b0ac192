package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.generated.support.UriValueEncoder;
import dev.hedgekit.posthog.generated.support.Wire;
import feign.Headers;
import feign.Param;
import feign.Request.HttpMethod;
import feign.RequestLine;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one generated method becomes a request, worked out once from its annotations: the
 * literal pieces of its path with the arguments between them, its query parameters, its body
 * argument and its answer type. {@link DirectInvoker} then builds each request by
 * concatenation, without interpreting Feign's templates on every call.
 *
 * <p>Only the shape the generator writes is taken: {@code @RequestLine("METHOD /path/{a}/?q={b}")},
 * each path or query argument annotated {@code @Param(expander = UriValueEncoder.class)}, at most
 * one {@code @Wire(in = "body")} argument, and no header other than {@code Content-Type}. Any
 * other method has no plan ({@link #of} answers null) and is left to Feign.
 */
final class OperationPlan {

  /** Plans depend only on the method, so one per method serves every client of the JVM. */
  private static final ConcurrentHashMap<Method, Object> PLANS = new ConcurrentHashMap<>();
  private static final Object NONE = new Object();

  final HttpMethod httpMethod;
  /** Literal path text; {@code pathArgs[i]} goes between {@code pathText[i]} and {@code pathText[i + 1]}. */
  private final String[] pathText;
  private final int[] pathArgs;
  /** {@code "name="} of each query parameter, and the argument that gives its value. */
  private final String[] queryNames;
  private final int[] queryArgs;
  /** The argument holding the JSON body, or -1. */
  final int bodyArg;
  /** The {@code Content-Type} the method declares, or null. */
  final String contentType;
  final Type returnType;
  final boolean returnsResponse;
  final boolean returnsNothing;
  /** The method as Feign names it in its error decoder calls. */
  final String configKey;
  private final int textLength;

  private OperationPlan(HttpMethod httpMethod, String[] pathText, int[] pathArgs,
      String[] queryNames, int[] queryArgs, int bodyArg, String contentType, Method method) {
    this.httpMethod = httpMethod;
    this.pathText = pathText;
    this.pathArgs = pathArgs;
    this.queryNames = queryNames;
    this.queryArgs = queryArgs;
    this.bodyArg = bodyArg;
    this.contentType = contentType;
    this.returnType = method.getGenericReturnType();
    this.returnsResponse = returnType == feign.Response.class;
    this.returnsNothing = returnType == void.class || returnType == Void.class;
    this.configKey = feign.Feign.configKey(method.getDeclaringClass(), method);
    int n = 0;
    for (String s : pathText) {
      n += s.length();
    }
    this.textLength = n;
  }

  /**
   * The plan of a generated method.
   *
   * @param method an abstract method of a generated interface
   * @return its plan, or null when the method is not of the shape described above
   */
  static OperationPlan of(Method method) {
    Object p = PLANS.get(method);
    if (p == null) {
      OperationPlan made = make(method);
      p = PLANS.computeIfAbsent(method, m -> made == null ? NONE : made);
    }
    return p == NONE ? null : (OperationPlan) p;
  }

  private static OperationPlan make(Method method) {
    RequestLine line = method.getAnnotation(RequestLine.class);
    if (line == null) {
      return null;
    }
    String value = line.value().trim();
    int space = value.indexOf(' ');
    if (space < 0) {
      return null;
    }
    HttpMethod httpMethod;
    try {
      httpMethod = HttpMethod.valueOf(value.substring(0, space));
    } catch (IllegalArgumentException e) {
      return null;
    }
    String target = value.substring(space + 1).trim();
    if (!target.startsWith("/")) {
      return null;
    }
    String contentType = null;
    Headers headers = method.getAnnotation(Headers.class);
    if (headers != null) {
      for (String h : headers.value()) {
        int colon = h.indexOf(':');
        if (colon < 0 || !h.substring(0, colon).trim().equalsIgnoreCase("Content-Type")
            || contentType != null) {
          return null;
        }
        contentType = h.substring(colon + 1).trim();
        if (contentType.contains("{")) {
          return null;
        }
      }
    }
    // Which argument each template variable names; which argument is the body.
    Map<String, Integer> byName = new HashMap<>();
    int bodyArg = -1;
    Annotation[][] all = method.getParameterAnnotations();
    for (int i = 0; i < all.length; i++) {
      Param param = null;
      Wire wire = null;
      for (Annotation a : all[i]) {
        if (a instanceof Param) {
          param = (Param) a;
        } else if (a instanceof Wire) {
          wire = (Wire) a;
        } else if (!(a instanceof Deprecated)) {
          return null;
        }
      }
      if (param != null) {
        if (param.expander() != UriValueEncoder.class || byName.put(param.value(), i) != null) {
          return null;
        }
      } else if (wire != null && "body".equals(wire.in()) && bodyArg < 0) {
        bodyArg = i;
      } else {
        return null;
      }
    }
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    List<String> text = new ArrayList<>();
    List<Integer> args = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = path.indexOf('{', at);
      if (open < 0) {
        text.add(path.substring(at));
        break;
      }
      int close = path.indexOf('}', open);
      if (close < 0) {
        return null;
      }
      Integer arg = byName.get(path.substring(open + 1, close));
      if (arg == null) {
        return null;
      }
      text.add(path.substring(at, open));
      args.add(arg);
      at = close + 1;
    }
    List<String> names = new ArrayList<>();
    List<Integer> queryArgs = new ArrayList<>();
    if (q >= 0) {
      for (String entry : target.substring(q + 1).split("&")) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || !entry.startsWith("{", eq + 1) || !entry.endsWith("}")) {
          return null;
        }
        String name = entry.substring(0, eq);
        Integer arg = byName.get(entry.substring(eq + 2, entry.length() - 1));
        if (arg == null || !isPlainName(name)) {
          return null;
        }
        names.add(name);
        queryArgs.add(arg);
      }
    }
    for (String t : text) {
      if (t.indexOf('}') >= 0 || t.indexOf('%') >= 0 || t.indexOf(' ') >= 0) {
        return null;
      }
    }
    return new OperationPlan(httpMethod, text.toArray(new String[0]), toInts(args),
        names.toArray(new String[0]), toInts(queryArgs), bodyArg, contentType, method);
  }

  private static boolean isPlainName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  private static int[] toInts(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /**
   * Whether these arguments can be sent by this plan. Feign keeps the rare cases: a missing
   * path value (it leaves the segment empty), a missing body (it refuses it), and a query value
   * that is a collection or an array (it repeats the parameter).
   */
  boolean accepts(Object[] args) {
    for (int a : pathArgs) {
      if (args[a] == null) {
        return false;
      }
    }
    for (int a : queryArgs) {
      Object v = args[a];
      if (v instanceof Iterable || (v != null && v.getClass().isArray())) {
        return false;
      }
    }
    return bodyArg < 0 || args[bodyArg] != null;
  }

  /**
   * The request URL: the base, the path with each argument percent-encoded as one segment,
   * and each query parameter that has a value, in the declared order. A value that encodes to
   * nothing is sent as the bare name, as Feign does.
   *
   * @param base the client's base URL, without a trailing slash
   * @param args the call's arguments (see {@link #accepts})
   * @return the absolute URL
   */
  String url(String base, Object[] args) {
    StringBuilder url = new StringBuilder(base.length() + textLength + 16 * (pathArgs.length + 1));
    url.append(base).append(pathText[0]);
    for (int i = 0; i < pathArgs.length; i++) {
      url.append(UriValueEncoder.encode(String.valueOf(args[pathArgs[i]])));
      url.append(pathText[i + 1]);
    }
    char sep = '?';
    for (int i = 0; i < queryArgs.length; i++) {
      Object v = args[queryArgs[i]];
      if (v == null) {
        continue;
      }
      url.append(sep).append(queryNames[i]);
      String encoded = UriValueEncoder.encode(String.valueOf(v));
      if (!encoded.isEmpty()) {
        url.append('=').append(encoded);
      }
      sep = '&';
    }
    return url.toString();
  }
}
