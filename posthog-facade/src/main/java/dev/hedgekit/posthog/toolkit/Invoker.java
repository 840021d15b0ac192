package dev.hedgekit.posthog.toolkit;

import dev.hedgekit.posthog.generated.raw.RawOperations;
import dev.hedgekit.posthog.generated.support.Operation;
import dev.hedgekit.posthog.generated.support.Wire;
import com.fasterxml.jackson.databind.JsonNode;
import feign.TypedResponse;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calls one generated method of {@link RawOperations}: the method is found once by its
 * {@link Operation} annotation and its arguments are ordered by their {@link Wire}
 * annotations; a method handle is made on the operation's first call and kept, so later calls
 * do no reflective lookup, only fill an array.
 */
final class Invoker {

  private final String operationId;
  private final Method method;
  private final String[] names;
  private final String[] ins;
  /** Made on first call: spinning 356 method handles up front would slow the first call. */
  private volatile MethodHandle handle;

  private Invoker(String operationId, Method method) {
    this.operationId = operationId;
    this.method = method;
    Parameter[] parameters = method.getParameters();
    this.names = new String[parameters.length];
    this.ins = new String[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Wire wire = parameters[i].getAnnotation(Wire.class);
      if (wire == null) {
        throw new IllegalStateException("RawOperations." + method.getName() + " parameter " + i
            + " has no @Wire annotation");
      }
      names[i] = wire.name();
      ins[i] = wire.in();
    }
  }

  private MethodHandle handle() {
    MethodHandle h = handle;
    if (h == null) {
      try {
        h = MethodHandles.publicLookup().unreflect(method)
            .asSpreader(Object[].class, names.length)
            .asType(MethodType.methodType(TypedResponse.class, Object.class, Object[].class));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call RawOperations." + method.getName(), e);
      }
      handle = h;
    }
    return h;
  }

  /**
   * The methods of RawOperations' area interfaces by their name in lower case, read without
   * their annotations.
   */
  private static volatile Map<String, List<Method>> byName;

  /**
   * The invoker of one operation. The generated method is named after the operationId in
   * camel case ({@code feature_flags_retrieve}: {@code featureFlagsRetrieve}), so only the
   * annotations of that method are read; when no method has that name, every method's
   * {@link Operation} annotation is checked.
   *
   * @param operationId an operation of the spec
   * @return its invoker, or null when RawOperations has no method for it
   */
  static Invoker of(String operationId) {
    Map<String, List<Method>> names = byName;
    if (names == null) {
      Map<String, List<Method>> m = new HashMap<>();
      for (Class<?> area : RawOperations.class.getClasses()) {
        for (Method method : area.getMethods()) {
          m.computeIfAbsent(method.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(method);
        }
      }
      names = m;
      byName = m;
    }
    String key = operationId.replace("_", "").toLowerCase(Locale.ROOT);
    for (Method m : names.getOrDefault(key, List.of())) {
      Operation op = m.getAnnotation(Operation.class);
      if (op != null && op.value().equals(operationId)) {
        return new Invoker(operationId, m);
      }
    }
    return all().get(operationId);
  }

  /**
   * One invoker per operation of the generated interface.
   *
   * @return invokers by operationId
   */
  static Map<String, Invoker> all() {
    Map<String, Invoker> out = new HashMap<>();
    for (Class<?> area : RawOperations.class.getClasses()) {
      for (Method m : area.getMethods()) {
        Operation op = m.getAnnotation(Operation.class);
        if (op != null) {
          out.put(op.value(), new Invoker(op.value(), m));
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** @return the area interface of RawOperations that declares the method (what to proxy) */
  Class<?> api() {
    return method.getDeclaringClass();
  }

  /** @return the wire names of the method's arguments, in order, with their location */
  List<String> wireNames() {
    return List.of(names);
  }

  /**
   * @param name a wire name
   * @return where the generated method sends it ({@code path}, {@code query}, {@code header},
   *     {@code body}), or null if it has no such argument
   */
  String locationOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name) && !"body".equals(ins[i])) {
        return ins[i];
      }
    }
    return null;
  }

  /** @return whether the generated method takes a body argument */
  boolean takesBody() {
    for (String in : ins) {
      if ("body".equals(in)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Calls the operation.
   *
   * @param raw the client's proxy of {@link #api()}
   * @param wire path, query and header values by wire name (absent means not sent)
   * @param body the request body (a JSON tree), or null when the operation has none
   * @return the response: its status and its body as a JSON tree (null when empty)
   */
  @SuppressWarnings("unchecked")
  TypedResponse<JsonNode> invoke(Object raw, Map<String, Object> wire, Object body) {
    Object[] args = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      args[i] = "body".equals(ins[i]) ? body : wire.get(names[i]);
    }
    try {
      return (TypedResponse<JsonNode>) handle().invokeExact((Object) raw, args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new UndeclaredThrowableException(t, "RawOperations call of " + operationId + " failed");
    }
  }

  @Override
  public String toString() {
    return "Invoker{" + operationId + "}";
  }
}
