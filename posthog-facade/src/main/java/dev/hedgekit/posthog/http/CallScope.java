package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.core.RequestOptions;
import java.time.Duration;

/**
 * Carries the current call's {@link CallState} from the facade method that starts a call to
 * the HTTP layer that runs its attempts. Each client has its own scope; a thread sees only the
 * call it is running.
 */
final class CallScope {

  private final ThreadLocal<CallState> current = new ThreadLocal<>();
  private final RequestOptions base;
  private final Duration readTimeout;
  private final Duration callTimeout;

  CallScope(RequestOptions base, Duration readTimeout, Duration callTimeout) {
    this.base = base;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
  }

  /**
   * Starts a call with the given options on top of the client's. A call started while another
   * runs on this thread (calls made inside an async task) becomes its child: cancelling the
   * outer call cancels it.
   */
  CallState open(RequestOptions options) {
    return open(options, current.get());
  }

  /**
   * Starts a call that is nobody's child: an async task is independent of the thread that
   * starts it, even when that thread runs a call that is being cancelled (a task that sends
   * the cancellation of a server-side query must still go out).
   */
  CallState openDetached(RequestOptions options) {
    return open(options, null);
  }

  private CallState open(RequestOptions options, CallState parent) {
    RequestOptions merged = base.merge(options);
    Duration timeout = merged.callTimeout() != null ? merged.callTimeout() : callTimeout;
    return new CallState(merged, System.nanoTime() + timeout.toNanos(), parent);
  }

  /** The read timeout of an attempt of this call. */
  Duration readTimeout(CallState state) {
    Duration t = state.options().readTimeout();
    return t != null ? t : readTimeout;
  }

  /** The options of the call running on this thread, or the client's when none is. */
  RequestOptions currentOptions() {
    CallState s = current.get();
    return s != null ? s.options() : base;
  }

  /** Makes {@code state} the current call of this thread until the binding is closed. */
  Binding bind(CallState state) {
    CallState previous = current.get();
    current.set(state);
    CallState parent = state.parent();
    if (parent != null) {
      parent.child(state);
    }
    return new Binding(state, previous, true);
  }

  /** The current call, or a new one with the client's options for a bare Feign call. */
  Binding enter() {
    CallState s = current.get();
    if (s != null) {
      return new Binding(s, s, false);
    }
    return bind(open(RequestOptions.none()));
  }

  /** Restores the previous call when closed. */
  final class Binding implements AutoCloseable {
    private final CallState state;
    private final CallState previous;
    private final boolean owner;

    private Binding(CallState state, CallState previous, boolean owner) {
      this.state = state;
      this.previous = previous;
      this.owner = owner;
    }

    CallState state() {
      return state;
    }

    @Override
    public void close() {
      if (!owner) {
        return;
      }
      CallState parent = state.parent();
      if (parent != null && parent.child() == state) {
        parent.child(null);
      }
      if (previous == null) {
        // set(null), not remove(): the next call on this thread reuses the entry.
        current.set(null);
      } else {
        current.set(previous);
      }
    }
  }
}
