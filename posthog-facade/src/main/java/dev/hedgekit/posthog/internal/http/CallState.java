package dev.hedgekit.posthog.internal.http;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One logical call: a generated method's request with all its attempts, or an async task that
 * makes such calls. It holds the call's deadline and the hooks that cancellation
 * and the deadline watchdog use to stop the attempt in flight. A call made inside an async task
 * is that task's child, so cancelling the task reaches it.
 */
final class CallState {

  private final long deadlineNanos;
  private final CallState parent;
  private volatile CallState child;
  private final AtomicReference<Runnable> abort = new AtomicReference<>();
  private volatile boolean cancelled;
  private volatile boolean expired;
  private volatile Thread worker;

  CallState(long deadlineNanos, CallState parent) {
    this.deadlineNanos = deadlineNanos;
    this.parent = parent;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  CallState parent() {
    return parent;
  }

  void child(CallState state) {
    this.child = state;
  }

  CallState child() {
    return child;
  }

  boolean isCancelled() {
    return cancelled || (parent != null && parent.isCancelled());
  }

  boolean isExpired() {
    return expired;
  }

  /** Binds the thread that runs an async task, so that cancelling it wakes the thread from a wait. */
  void bindWorker(Thread thread) {
    this.worker = thread;
  }

  /** Installs the action that aborts the attempt in flight; false if the call is already stopped. */
  boolean onAbort(Runnable action) {
    abort.set(action);
    if (isCancelled() || expired) {
      abort.set(null);
      return false;
    }
    return true;
  }

  void clearAbort() {
    abort.set(null);
  }

  /** Stops the call because its caller cancelled it: aborts the attempt and wakes any wait. */
  void cancel() {
    cancelled = true;
    abortInFlight();
    CallState inner = child;
    if (inner != null) {
      inner.cancel();
    }
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Stops the attempt in flight because the call's deadline passed. */
  void expire() {
    expired = true;
    abortInFlight();
  }

  /** Aborts the attempt in flight without marking the call (the client is closing). */
  void abortNow() {
    abortInFlight();
  }

  private void abortInFlight() {
    Runnable a = abort.getAndSet(null);
    if (a != null) {
      a.run();
    }
  }
}
