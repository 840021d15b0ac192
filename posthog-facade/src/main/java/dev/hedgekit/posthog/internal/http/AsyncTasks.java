package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.errors.PostHogException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs async tasks of one client: on the caller's executor when one was given, otherwise on
 * the client's own bounded pool (made on first use). The task running on a thread is that
 * thread's cancellation context: every call it makes is its child, so cancelling the task's
 * future aborts the request in flight and wakes any wait.
 */
final class AsyncTasks implements AutoCloseable {

  /** Threads of the client's own pool. */
  static final int POOL_THREADS = 16;
  /** Tasks that may wait for a thread of the client's own pool before new ones are refused. */
  static final int POOL_QUEUE = 10_000;

  private static final ThreadLocal<CallState> CURRENT = new ThreadLocal<>();

  private final Executor callerExecutor;
  private final Object lock = new Object();
  private ThreadPoolExecutor own;
  private boolean closed;

  AsyncTasks(Executor callerExecutor) {
    this.callerExecutor = callerExecutor;
  }

  /** @return the async task running on this thread, or null */
  static CallState current() {
    return CURRENT.get();
  }

  <T> CompletableFuture<T> submit(Supplier<T> work) {
    CallState task = new CallState(Long.MAX_VALUE, null);
    TaskFuture<T> future = new TaskFuture<>(task);
    Runnable run = () -> {
      if (future.isDone()) {
        return;
      }
      CallState previous = CURRENT.get();
      CURRENT.set(task);
      task.bindWorker(Thread.currentThread());
      try {
        future.complete(work.get());
      } catch (Throwable t) {
        future.completeExceptionally(t);
      } finally {
        task.bindWorker(null);
        CURRENT.set(previous);
        if (task.isCancelled()) {
          Thread.interrupted();
        }
      }
    };
    try {
      executor().execute(run);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new PostHogException("the client's async pool is full ("
          + POOL_THREADS + " threads busy and " + POOL_QUEUE + " tasks waiting); pass an"
          + " executor of your own to PostHogClientBuilder.executor(...) to run more at once", e));
    }
    return future;
  }

  private Executor executor() {
    if (callerExecutor != null) {
      return callerExecutor;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("this PostHogClient is closed");
      }
      if (own == null) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
          Thread t = new Thread(r, "posthog-async-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
        own = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(POOL_QUEUE), f);
        own.allowCoreThreadTimeOut(true);
      }
      return own;
    }
  }

  @Override
  public void close() {
    ThreadPoolExecutor e;
    synchronized (lock) {
      closed = true;
      e = own;
    }
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A future whose cancellation stops its task. */
  private static final class TaskFuture<T> extends CompletableFuture<T> {
    private final CallState task;

    TaskFuture(CallState task) {
      this.task = task;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean done = super.cancel(mayInterruptIfRunning);
      if (done) {
        task.cancel();
      }
      return done;
    }
  }
}
