package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.core.RequestOptions;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of one logical call (all its attempts): its options, its deadline, and the hooks
 * that cancellation and the deadline watchdog use to stop it. Owned by one thread at a time.
 */
public final class CallState {

  private final RequestOptions options;
  private final long deadlineNanos;
  private final CallState parent;
  private volatile CallState child;
  private final AtomicReference<Runnable> abort = new AtomicReference<>();
  private volatile boolean cancelled;
  private volatile boolean expired;
  private volatile Thread worker;
  private volatile byte[] capturedBody;
  private volatile int capturedStatus;

  CallState(RequestOptions options, long deadlineNanos, CallState parent) {
    this.options = options;
    this.deadlineNanos = deadlineNanos;
    this.parent = parent;
  }

  /** The call this one runs inside (an async task running several calls), or null. */
  CallState parent() {
    return parent;
  }

  /** Records the call running inside this one, so that cancelling this one reaches it. */
  void child(CallState state) {
    this.child = state;
  }

  CallState child() {
    return child;
  }

  RequestOptions options() {
    return options;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  boolean isCancelled() {
    return cancelled || (parent != null && parent.isCancelled());
  }

  boolean isExpired() {
    return expired;
  }

  /**
   * Binds the thread running the call so that {@link #cancel()} can wake it from a wait.
   *
   * @param thread the worker thread, or null to unbind
   */
  public void bindWorker(Thread thread) {
    this.worker = thread;
  }

  /** Installs the action that aborts the attempt in flight; returns false if already stopped. */
  boolean onAbort(Runnable action) {
    abort.set(action);
    if (cancelled || expired) {
      abort.set(null);
      return false;
    }
    return true;
  }

  void clearAbort() {
    abort.set(null);
  }

  /** Stops the call because the caller cancelled it: aborts the attempt and wakes any wait. */
  public void cancel() {
    cancelled = true;
    abortInFlight();
    CallState inner = child;
    if (inner != null) {
      inner.cancel();
    }
    Thread t = worker;
    if (t != null) {
      // Only threads of the SDK's own async wrapper are bound; it clears the flag afterwards.
      t.interrupt();
    }
  }

  /** Stops the attempt in flight because the overall deadline passed. */
  void expire() {
    expired = true;
    abortInFlight();
  }

  private void abortInFlight() {
    Runnable a = abort.getAndSet(null);
    if (a != null) {
      a.run();
    }
  }

  void capture(int status, byte[] body) {
    this.capturedStatus = status;
    this.capturedBody = body;
  }

  byte[] capturedBody() {
    return capturedBody;
  }

  int capturedStatus() {
    return capturedStatus;
  }
}
