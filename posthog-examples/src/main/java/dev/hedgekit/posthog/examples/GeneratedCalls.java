package dev.hedgekit.posthog.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.support.Operation;
import dev.hedgekit.posthog.generated.support.Wire;
import dev.hedgekit.posthog.json.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls an operation of a generated interface by its operationId, with arguments named as on
 * the wire ({@code project_id}, {@code limit}, ...; the request body under {@link #BODY}).
 *
 * <p>Why not call the generated method directly: its parameter list mirrors the spec, so a
 * query parameter added to the spec adds an argument and breaks every caller. Looking the
 * method up by its {@link Operation} annotation and filling parameters by their {@link Wire}
 * names keeps the examples compiling and running whatever the spec holds. Parameters not given
 * are sent as null (left out of the request).
 */
final class GeneratedCalls {

  /** Key of the request body in an argument map. */
  static final String BODY = "body";

  private static final ObjectMapper MAPPER = Json.mapper();

  private GeneratedCalls() {
  }

  /**
   * @param api a generated interface
   * @param operationId the spec's operationId
   * @return the method of {@code api} calling that operation, if the interface has it
   */
  static Optional<Method> find(Class<?> api, String operationId) {
    for (Method m : api.getMethods()) {
      Operation op = m.getAnnotation(Operation.class);
      if (op != null && op.value().equals(operationId)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * @param method a generated method
   * @param args arguments by wire name
   * @return the path parameters the method needs that {@code args} does not give
   */
  static List<String> missingPathParameters(Method method, Map<String, ?> args) {
    List<String> missing = new ArrayList<>();
    for (Parameter p : method.getParameters()) {
      Wire wire = p.getAnnotation(Wire.class);
      if (wire != null && "path".equals(wire.in()) && args.get(wire.name()) == null) {
        missing.add(wire.name());
      }
    }
    return missing;
  }

  /**
   * Calls an operation through the client's proxy of the generated interface.
   *
   * @param client the client (auth, retries, error handling)
   * @param api the generated interface, e.g. {@code FeatureFlagsApi.class}
   * @param operationId e.g. {@code feature_flags_list}
   * @param args arguments by wire name; values are converted to the parameter types
   * @param answerType the type wanted for the answer (converted with the SDK's Jackson
   *     configuration when the generated method returns another type)
   * @param <T> the answer type
   * @return the answer, null for an operation without one
   * @throws IllegalArgumentException if the interface has no such operation or a path
   *     parameter is missing
   */
  static <T> T call(PostHogClient client, Class<?> api, String operationId, Map<String, ?> args,
      Class<T> answerType) {
    Method method = find(api, operationId).orElseThrow(() -> new IllegalArgumentException(
        api.getSimpleName() + " has no operation " + operationId));
    List<String> missing = missingPathParameters(method, args);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(operationId + " needs path parameters " + missing);
    }
    Object answer = invoke(method, client.generated(api), arguments(method, args));
    if (answer == null || answerType.isInstance(answer)) {
      return answerType.cast(answer);
    }
    return MAPPER.convertValue(answer, answerType);
  }

  private static Object[] arguments(Method method, Map<String, ?> args) {
    Parameter[] params = method.getParameters();
    Type[] types = method.getGenericParameterTypes();
    Object[] values = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      Wire wire = params[i].getAnnotation(Wire.class);
      Object given = wire == null ? null
          : "body".equals(wire.in()) ? args.get(BODY) : args.get(wire.name());
      if (given == null) {
        if (params[i].getType().isPrimitive()) {
          throw new IllegalArgumentException(method.getName() + " needs a value for "
              + (wire == null ? params[i].getName() : wire.name()));
        }
        continue;
      }
      values[i] = params[i].getType().isInstance(given) ? given
          : MAPPER.convertValue(given, MAPPER.constructType(types[i]));
    }
    return values;
  }

  private static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
