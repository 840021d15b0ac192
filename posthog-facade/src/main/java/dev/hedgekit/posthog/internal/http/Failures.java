package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.PostHogEncodeException;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.errors.PostHogIoException;
import feign.DefaultInvocationHandlerFactory;
import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Target;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Wraps Feign's invocation handler so that every failure of a generated method reaches the
 * caller as a {@link PostHogException} (with the original as its cause), a
 * {@link CancellationException}, or an argument or state error of the caller's own: nothing of
 * Feign, Jackson or HttpClient escapes.
 */
public final class Failures implements InvocationHandlerFactory {

  static final Failures INSTANCE = new Failures();

  private final InvocationHandlerFactory feign = new DefaultInvocationHandlerFactory();

  private Failures() {
  }

  @Override
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler handler = feign.create(target, dispatch);
    return (proxy, method, args) -> {
      try {
        return handler.invoke(proxy, method, args);
      } catch (Throwable t) {
        throw translate(t);
      }
    };
  }

  /**
   * @param t a failure of a Feign call
   * @return what the caller sees
   */
  public static Throwable translate(Throwable t) {
    if (t instanceof PostHogException || t instanceof CancellationException || t instanceof Error
        || t instanceof IllegalArgumentException || t instanceof IllegalStateException
        || t instanceof NullPointerException) {
      return t;
    }
    Throwable cause = t.getCause();
    if (t instanceof FeignException && cause != null && cause != t) {
      Throwable inner = translate(cause);
      if (inner instanceof PostHogException || inner instanceof CancellationException) {
        return inner;
      }
    }
    if (t instanceof EncodeException) {
      return new PostHogEncodeException("the request could not be written: "
          + Messages.clean(t.getMessage()), t);
    }
    if (t instanceof DecodeException) {
      return new PostHogDecodeException("the response could not be decoded: "
          + Messages.clean(t.getMessage()), t, ((DecodeException) t).status());
    }
    if (t instanceof IOException || t instanceof UncheckedIOException
        || t instanceof feign.RetryableException) {
      return new PostHogIoException("the request failed: " + Messages.clean(t.getMessage()), t,
          true);
    }
    if (t instanceof com.fasterxml.jackson.core.JacksonException) {
      return new PostHogDecodeException("the response could not be decoded: "
          + Messages.clean(t.getMessage()), t, 0);
    }
    return new PostHogException("the call failed: " + t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + Messages.clean(t.getMessage())), t);
  }
}
