package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.core.RetryPolicy;
import dev.hedgekit.posthog.core.Sleeper;
import dev.hedgekit.posthog.core.UrlLimits;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleSupplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/**
 * Feign's {@link Client}: runs the attempts of one call under the retry policy, the rate
 * limiter and the call's deadline, over the {@link ApacheTransport}.
 */
final class RetryingClient implements Client {

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final ApacheTransport transport;
  private final CallScope scope;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final RateLimiter limiter;
  private final Watchdog watchdog;

  RetryingClient(ApacheTransport transport, CallScope scope, RetryPolicy policy, Sleeper sleeper,
      Clock clock, DoubleSupplier random, RateLimiter limiter, Watchdog watchdog) {
    this.transport = transport;
    this.scope = scope;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.limiter = limiter;
    this.watchdog = watchdog;
  }

  @Override
  public Response execute(Request request, Request.Options feignOptions) {
    CallScope.Binding binding = scope.enter();
    try {
      return run(request, binding.state());
    } finally {
      binding.close();
    }
  }

  private Response run(Request request, CallState state) {
    String method = request.httpMethod().name();
    // Refuse an over-long URL before anything is sent (query objects, links; see UrlLimits).
    UrlLimits.checkUrl(method, request.url());
    boolean idempotent = IDEMPOTENT.contains(method);
    int maxRetries = state.options().maxRetries() != null
        ? state.options().maxRetries() : policy.maxRetries();
    Duration readTimeout = scope.readTimeout(state);
    for (int attempt = 0; ; attempt++) {
      if (state.isCancelled()) {
        throw new CancellationException("call cancelled: " + where(request));
      }
      long remaining = state.deadlineNanos() - System.nanoTime();
      if (remaining <= 0) {
        throw new PostHogTimeoutException("call timeout expired before " + where(request)
            + " could complete (after " + attempt + " attempt(s))", null, attempt > 0);
      }
      limiter.acquire(request.url(), method, state);
      remaining = state.deadlineNanos() - System.nanoTime();
      if (remaining <= 0) {
        throw new PostHogTimeoutException("call timeout expired while waiting for a rate-limit"
            + " slot for " + where(request), null, attempt > 0);
      }
      Duration attemptTimeout = min(readTimeout, Duration.ofNanos(remaining));
      Response response;
      watchdog.watch(state);
      try {
        response = transport.execute(request, attemptTimeout, state);
      } catch (ApacheTransport.StoppedException e) {
        if (e.cancelled()) {
          throw new CancellationException("call cancelled: " + where(request));
        }
        throw new PostHogTimeoutException("call timeout expired while waiting for "
            + where(request), e, true);
      } catch (IOException e) {
        boolean sent = mayHaveBeenSent(e);
        boolean retry = attempt < maxRetries && (!sent || idempotent);
        if (!retry) {
          throw ioFailure(where(request), e, sent, attempt + 1);
        }
        if (!pause(policy.backoff(attempt + 1, random.getAsDouble()), state)) {
          throw ioFailure(where(request), e, sent, attempt + 1);
        }
        continue;
      } finally {
        watchdog.unwatch(state);
      }
      int status = response.status();
      if (attempt >= maxRetries || !(status == 429
          || (idempotent && policy.retryableStatuses().contains(status)))) {
        return response;
      }
      Duration wait = RetryAfter.parse(response.headers(), clock);
      if (wait != null && wait.compareTo(policy.maxRetryAfter()) > 0) {
        return response;
      }
      if (wait == null) {
        wait = policy.backoff(attempt + 1, random.getAsDouble());
      }
      if (!pause(wait, state)) {
        return response;
      }
    }
  }

  /** The request as named in error messages, e.g. {@code GET /api/projects/1/}; made only for one. */
  private static String where(Request request) {
    return request.httpMethod().name() + " " + pathOf(request.url());
  }

  /** Waits before the next attempt; false if the wait would pass the deadline. */
  private boolean pause(Duration wait, CallState state) {
    long remaining = state.deadlineNanos() - System.nanoTime();
    if (wait.toNanos() >= remaining) {
      return false;
    }
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      if (state.isCancelled()) {
        throw new CancellationException("call cancelled while waiting to retry");
      }
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting to retry");
    }
  }

  static boolean mayHaveBeenSent(IOException e) {
    return !(e instanceof ConnectException || e instanceof ConnectTimeoutException
        || e instanceof HttpHostConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException);
  }

  private static PostHogIoException ioFailure(String where, IOException e, boolean sent,
      int attempts) {
    String suffix = " (" + attempts + " attempt(s))";
    if (e instanceof ConnectTimeoutException) {
      return new PostHogTimeoutException("connect timed out for " + where + suffix, e, false);
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return new PostHogTimeoutException("read timed out waiting for " + where + suffix, e, sent);
    }
    String what = sent ? "network failure during " : "could not connect for ";
    return new PostHogIoException(what + where + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " " + e.getMessage()) + suffix, e, sent);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static String pathOf(String url) {
    try {
      URI u = URI.create(url);
      return u.getRawQuery() == null ? u.getRawPath() : u.getRawPath() + "?" + u.getRawQuery();
    } catch (IllegalArgumentException e) {
      return "(unparseable URL)";
    }
  }

  @Override
  public String toString() {
    return "RetryingClient{" + policy + "}";
  }
}
