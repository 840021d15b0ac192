package dev.hedgekit.posthog.internal.http;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Enforces each call's overall deadline while a response is being received: a single daemon
 * thread, started by the client's first call and stopped by {@link #close()}, checks
 * the calls in flight
 * every {@value #TICK_MILLIS} ms and aborts those past their deadline. Per-read timeouts are
 * the transport's; this catches answers that trickle in too slowly to ever trip them.
 *
 * <p>Each thread that makes calls gets one slot, registered once; watching a call is then a
 * single write to the thread's own slot, so busy threads never contend on a shared set.
 */
final class Watchdog implements AutoCloseable {

  static final long TICK_MILLIS = 25;

  private final ConcurrentLinkedQueue<Slot> slots = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Slot> own = ThreadLocal.withInitial(this::register);
  private final Object lock = new Object();
  private volatile Thread thread;
  private boolean closed;

  void watch(CallState state) {
    own.get().call = state;
    ensureStarted();
  }

  void unwatch(CallState state) {
    Slot slot = own.get();
    if (slot.call == state) {
      slot.call = null;
    }
  }

  private Slot register() {
    Slot slot = new Slot(Thread.currentThread());
    slots.add(slot);
    return slot;
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
      for (Iterator<Slot> it = slots.iterator(); it.hasNext(); ) {
        Slot slot = it.next();
        CallState s = slot.call;
        if (s != null && now - s.deadlineNanos() >= 0) {
          slot.call = null;
          s.expire();
        }
        Thread owner = slot.owner.get();
        if (s == null && (owner == null || !owner.isAlive())) {
          it.remove();
        }
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Aborts every attempt in flight (the client is closing). */
  void abortAll() {
    for (Slot slot : slots) {
      CallState s = slot.call;
      if (s != null) {
        s.abortNow();
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
    slots.clear();
  }

  /** The call in flight on one thread. */
  private static final class Slot {
    final WeakReference<Thread> owner;
    volatile CallState call;

    Slot(Thread owner) {
      this.owner = new WeakReference<>(owner);
    }
  }
}
