package dev.hedgekit.posthog.http;

import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.codec.DecodeException;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs the methods of a generated interface straight onto the retrying transport: the request
 * is built from the method's {@link OperationPlan} by concatenation, and the answer is decoded
 * or turned into an exception exactly as Feign would, without Feign's per-call template work.
 *
 * <p>The request on the wire is the one the Feign proxy of the same interface sends (same
 * method, URL, headers and body), the answer is handled the same way (2xx decoded, {@code void}
 * methods answer null, {@code Response} methods get the answer whatever its status, anything
 * else goes through the error decoder), and calls run in the same call scope, so per-call
 * options, retries, the deadline and cancellation apply unchanged. Default methods run as
 * written; methods without a plan, and the rare arguments a plan leaves aside, go to the Feign
 * proxy. Used only when HTTP logging is off: Feign's logger writes the request log.
 */
final class DirectInvoker implements InvocationHandler {

  private final Class<?> type;
  private final String base;
  private final RetryingClient client;
  private final Request.Options options;
  private final JsonCodec codec;
  private final ApiErrorDecoder errors;
  private final HeaderInterceptor headers;
  private final Supplier<Object> feign;
  private volatile Object feignProxy;

  private DirectInvoker(Class<?> type, String baseUrl, RetryingClient client,
      Request.Options options, JsonCodec codec, ApiErrorDecoder errors, HeaderInterceptor headers,
      Supplier<Object> feign) {
    this.type = type;
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.client = client;
    this.options = options;
    this.codec = codec;
    this.errors = errors;
    this.headers = headers;
    this.feign = feign;
  }

  /**
   * A proxy of {@code type} that runs its methods directly.
   *
   * @param feign makes the Feign proxy of the same interface, for what has no plan (called at
   *     most once, when first needed)
   */
  static <T> T proxy(Class<T> type, String baseUrl, RetryingClient client, Request.Options options,
      JsonCodec codec, ApiErrorDecoder errors, HeaderInterceptor headers, Supplier<Object> feign) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new DirectInvoker(type, baseUrl, client, options, codec, errors, headers, feign)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    Object[] a = args == null ? new Object[0] : args;
    OperationPlan plan = OperationPlan.of(method);
    if (plan == null || !plan.accepts(a)) {
      return viaFeign(method, a);
    }
    Request request = request(plan, a);
    Response response = client.execute(request, options);
    return answer(plan, response);
  }

  private Request request(OperationPlan plan, Object[] args) {
    Map<String, String> extra = headers.extraHeaders();
    Map<String, Collection<String>> map;
    if (plan.contentType == null && extra.isEmpty()) {
      map = Map.of();
    } else {
      // Feign's header map: names compared without case, values in the order added.
      map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (plan.contentType != null) {
        map.computeIfAbsent("Content-Type", k -> new ArrayList<>(1)).add(plan.contentType);
      }
      for (Map.Entry<String, String> h : extra.entrySet()) {
        map.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue());
      }
    }
    byte[] body = plan.bodyArg < 0 ? null : codec.write(args[plan.bodyArg]);
    return Request.create(plan.httpMethod, plan.url(base, args), map, body,
        body == null ? null : StandardCharsets.UTF_8, null);
  }

  private Object answer(OperationPlan plan, Response response) throws Exception {
    if (plan.returnsResponse) {
      // The transport has read the whole answer into memory already.
      return response;
    }
    int status = response.status();
    if (status < 200 || status > 299) {
      throw errors.decode(plan.configKey, response);
    }
    if (plan.returnsNothing) {
      return null;
    }
    try {
      return codec.decode(response, plan.returnType);
    } catch (FeignException e) {
      throw e;
    } catch (dev.hedgekit.posthog.errors.PostHogDecodeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DecodeException(status, e.getMessage(), response.request(), e);
    } catch (IOException e) {
      throw new dev.hedgekit.posthog.errors.PostHogDecodeException("could not read the answer to "
          + plan.httpMethod + " " + RetryingClient.pathOf(response.request().url()) + ": "
          + e.getMessage(), e, status);
    }
  }

  private Object viaFeign(Method method, Object[] args) throws Throwable {
    Object p = feignProxy;
    if (p == null) {
      synchronized (this) {
        p = feignProxy;
        if (p == null) {
          p = feign.get();
          feignProxy = p;
        }
      }
    }
    try {
      return method.invoke(p, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return type.getSimpleName() + " at " + base;
    }
  }

  /** @return the abstract methods of {@code type} that have no plan (for tests) */
  static List<Method> unplanned(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (!m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers())
          && OperationPlan.of(m) == null) {
        out.add(m);
      }
    }
    return out;
  }
}
