package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.config.RetryPolicy;
import dev.hedgekit.posthog.config.Sleeper;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import dev.hedgekit.posthog.internal.config.ClientConfig;
import dev.hedgekit.posthog.internal.config.UrlLimits;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleSupplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/**
 * Runs the attempts of one call under the retry policy, the rate limiter and the call's
 * deadline, over the {@link ApacheTransport}. {@link #bind} gives the Feign {@link Client} of a
 * client or view: the same retrying transport with that view's options.
 */
final class RetryingClient {

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final ApacheTransport transport;
  private final ClientConfig config;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final RateLimiter limiter;
  private final Watchdog watchdog;

  RetryingClient(ApacheTransport transport, ClientConfig config, RateLimiter limiter,
      Watchdog watchdog) {
    this.transport = transport;
    this.config = config;
    this.policy = config.retryPolicy();
    this.sleeper = config.sleeper();
    this.clock = config.clock();
    this.random = config.jitterSource();
    this.limiter = limiter;
    this.watchdog = watchdog;
  }

  /**
   * The Feign client of a view: every request runs with these options.
   *
   * @param options the view's options, already merged with the client's
   * @return the client
   */
  Client bind(RequestOptions options) {
    return (request, ignored) -> execute(request, options);
  }

  Response execute(Request request, RequestOptions options) {
    String method = request.httpMethod().name();
    // Refuse an over-long URL before anything is sent (query objects, links; see UrlLimits).
    UrlLimits.checkUrl(method, request.url());
    CallState parent = AsyncTasks.current();
    Duration timeout = options.callTimeout() != null ? options.callTimeout() : config.callTimeout();
    CallState state = new CallState(System.nanoTime() + timeout.toNanos(), parent);
    boolean idempotent = IDEMPOTENT.contains(method);
    int maxRetries = options.maxRetries() != null ? options.maxRetries() : policy.maxRetries();
    Duration readTimeout = options.readTimeout() != null ? options.readTimeout() : config.readTimeout();
    long maxBytes = options.maxResponseBytes() != null ? options.maxResponseBytes()
        : config.maxResponseBytes();
    for (int attempt = 0; ; attempt++) {
      if (state.isCancelled()) {
        finish(state);
        throw new CancellationException("call cancelled: " + where(request));
      }
      long remaining = state.deadlineNanos() - System.nanoTime();
      if (remaining <= 0) {
        finish(state);
        throw new PostHogTimeoutException("call timeout expired before " + where(request)
            + " could complete (after " + attempt + " attempt(s))", null, attempt > 0);
      }
      RateLimiter.Slot slot;
      try {
        slot = limiter.acquire(request.url(), state);
      } catch (RuntimeException e) {
        finish(state);
        throw e;
      }
      remaining = state.deadlineNanos() - System.nanoTime();
      if (remaining <= 0) {
        finish(state);
        throw new PostHogTimeoutException("call timeout expired while waiting for a rate-limit"
            + " slot for " + where(request), null, attempt > 0);
      }
      Duration attemptTimeout = min(readTimeout, Duration.ofNanos(remaining));
      Response response;
      if (parent != null) {
        parent.child(state);
      }
      watchdog.watch(state);
      try {
        response = attempt(request, attemptTimeout, state, maxBytes);
      } catch (ApacheTransport.StoppedException e) {
        slot.answered();
        if (e.cancelled()) {
          throw new CancellationException("call cancelled: " + where(request));
        }
        throw new PostHogTimeoutException("call timeout expired while waiting for "
            + where(request), e, true);
      } catch (IOException e) {
        slot.answered();
        boolean sent = mayHaveBeenSent(e);
        boolean retry = attempt < maxRetries && (!sent || idempotent);
        if (!retry || !pause(policy.backoff(attempt + 1, random.getAsDouble()), state)) {
          finish(state);
          throw ioFailure(where(request), e, sent, attempt + 1);
        }
        continue;
      }
      slot.answered();
      int status = response.status();
      boolean retryable = status == 429
          || (idempotent && policy.retryableStatuses().contains(status));
      Duration asked = retryable ? RetryAfter.parse(response.headers(), clock) : null;
      if (status == 429) {
        limiter.throttled(request.url(), asked);
      }
      if (attempt >= maxRetries || !retryable) {
        return response;
      }
      if (asked != null && asked.compareTo(policy.maxRetryAfter()) > 0) {
        return response;
      }
      // Spread the callers that got the same Retry-After, so they do not return as one wave.
      Duration wait = asked != null
          ? asked.plus(Duration.ofNanos((long) (asked.toNanos() * 0.2 * random.getAsDouble())))
          : policy.backoff(attempt + 1, random.getAsDouble());
      if (wait.toNanos() >= state.deadlineNanos() - System.nanoTime()) {
        return response;
      }
      closeQuietly(response);
      if (!pause(wait, state)) {
        finish(state);
        throw new PostHogTimeoutException("call timeout expired while waiting to retry "
            + where(request), null, true);
      }
    }
  }

  /**
   * One attempt: sends the request and reads the start of the response (all of a small one).
   * A failure while reading it fails the attempt, which the caller may retry.
   */
  private Response attempt(Request request, Duration timeout, CallState state, long maxBytes)
      throws IOException {
    Response response = transport.execute(request, timeout, state, maxBytes, () -> finish(state));
    if (response.body() instanceof ResponseBody) {
      try {
        ((ResponseBody) response.body()).prefetch();
      } catch (IOException | RuntimeException e) {
        closeQuietly(response);
        transport.failIfStopped(state);
        throw e;
      }
    }
    return response;
  }

  /** The attempt and the call are over: nothing left to abort or watch. */
  private void finish(CallState state) {
    state.clearAbort();
    watchdog.unwatch(state);
    CallState parent = state.parent();
    if (parent != null && parent.child() == state) {
      parent.child(null);
    }
  }

  private static void closeQuietly(Response response) {
    if (response.body() != null) {
      try {
        response.body().close();
      } catch (IOException e) {
        // dropped with its connection
      }
    }
  }

  /** The request as named in error messages, e.g. {@code GET /api/projects/1/}. */
  static String where(Request request) {
    return request.httpMethod().name() + " " + Urls.pathOf(request.url());
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
      finish(state);
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
        + (e.getMessage() == null ? "" : " " + Messages.clean(e.getMessage())) + suffix, e, sent);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }



  @Override
  public String toString() {
    return "RetryingClient{" + policy + "}";
  }
}
