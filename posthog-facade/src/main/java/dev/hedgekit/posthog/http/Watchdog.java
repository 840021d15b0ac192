package dev.hedgekit.posthog.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces each call's overall deadline while a response is being received: a single daemon
 * thread, started on first use and stopped by {@link #close()}, checks the calls in flight
 * every {@value #TICK_MILLIS} ms and aborts those past their deadline. Per-read timeouts are
 * the transport's; this catches answers that trickle in too slowly to ever trip them.
 */
final class Watchdog implements AutoCloseable {

  static final long TICK_MILLIS = 25;

  private final Set<CallState> active = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private volatile Thread thread;
  private boolean closed;

  void watch(CallState state) {
    active.add(state);
    ensureStarted();
  }

  void unwatch(CallState state) {
    active.remove(state);
  }

  private void ensureStarted() {
    if (thread != null) {
      return;
    }
    synchronized (lock) {
      if (thread != null || closed) {
        return;
      }
      Thread t = new Thread(this::run, "posthog-deadline-watchdog");
      t.setDaemon(true);
      t.start();
      thread = t;
    }
  }

  private void run() {
    while (true) {
      synchronized (lock) {
        if (closed) {
          return;
        }
      }
      long now = System.nanoTime();
      for (CallState s : active) {
        if (now - s.deadlineNanos() >= 0) {
          active.remove(s);
          s.expire();
        }
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (lock) {
      closed = true;
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    active.clear();
  }
}
