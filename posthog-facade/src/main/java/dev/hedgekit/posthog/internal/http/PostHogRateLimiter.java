package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.config.LimitClass;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.config.Sleeper;
import dev.hedgekit.posthog.errors.PostHogTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Paces requests per {@link LimitClass} the way PostHog counts them. PostHog's throttles
 * (posthog/rate_limit.py: {@code BurstRateThrottle}, {@code SustainedRateThrottle} and their
 * ClickHouse and query variants) are Django REST framework's {@code SimpleRateThrottle}: a
 * request is refused when the key already has {@code n} requests in the last minute (or hour).
 * So each class keeps the times of its last {@code n} requests per window, and a request goes
 * when the oldest of them has left the window: a full window's worth at once, then each next
 * request as soon as a slot frees, which is the most the limit allows and never more.
 *
 * <p>A request counts from when its answer arrived (PostHog stamps it somewhere between
 * sending and answering), plus a margin of 1% of the window for clocks that differ between
 * PostHog's servers; until answered it counts from when it was sent. Each request reserves its
 * send time under a lock and then waits outside it, so threads queue fairly and never spin.
 *
 * <p>A 429 means PostHog counts requests this client cannot see (another process with the
 * same key): the class is treated as full, its slots freeing evenly over the next window
 * starting at the time PostHog asked for, so waiting threads resume one after another
 * instead of all at once. Windows are made when a class is first used.
 */
final class PostHogRateLimiter implements RateLimiter {

  private static final long MINUTE = Duration.ofMinutes(1).toNanos();
  private static final long HOUR = Duration.ofHours(1).toNanos();

  private final RateLimits limits;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<LimitClass, Windows> windows = new EnumMap<>(LimitClass.class);

  PostHogRateLimiter(RateLimits limits, Clock clock, Sleeper sleeper) {
    this.limits = limits;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  private synchronized Windows windows(LimitClass c) {
    if (limits.perMinute(c) <= 0) {
      return null;
    }
    return windows.computeIfAbsent(c,
        k -> new Windows(new Window(limits.perMinute(k), MINUTE),
            new Window(limits.perHour(k), HOUR)));
  }

  @Override
  public void throttled(String url, Duration retryAfter) {
    Windows w = windows(LimitClass.of(Urls.pathOf(url)));
    if (w != null) {
      w.full(nowNanos() + (retryAfter == null ? 0 : retryAfter.toNanos()));
    }
  }

  @Override
  public Slot acquire(String url, CallState state) {
    LimitClass c = LimitClass.of(Urls.pathOf(url));
    Windows w = windows(c);
    if (w == null) {
      return Slot.NONE;
    }
    long now = nowNanos();
    long remaining = state.deadlineNanos() - System.nanoTime();
    long[] taken = w.reserve(now, remaining);
    if (taken == null) {
      throw new PostHogTimeoutException("client-side " + c + " rate limit: the next free slot"
          + " is later than the call timeout allows; nothing was sent", null, false);
    }
    long wait = taken[0] - now;
    if (wait > 0) {
      try {
        sleeper.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        if (!state.isCancelled()) {
          Thread.currentThread().interrupt();
        }
        throw new CancellationException("cancelled while waiting for a rate-limit slot");
      }
    }
    return () -> w.answered(taken, nowNanos());
  }

  private long nowNanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  /** The minute and hour windows of one class, reserved together under one lock. */
  static final class Windows {
    private final Window minute;
    private final Window hour;

    Windows(Window minute, Window hour) {
      this.minute = minute;
      this.hour = hour;
    }

    /**
     * Reserves the earliest send time at or after {@code now} in both windows.
     *
     * @return {send time, minute ticket, hour ticket}, or null if the send time is more than
     *     {@code maxWait} away (nothing reserved)
     */
    synchronized long[] reserve(long now, long maxWait) {
      long at = Math.max(now, Math.max(minute.free(), hour.free()));
      if (at - now > maxWait) {
        return null;
      }
      return new long[] {at, minute.take(at), hour.take(at)};
    }

    synchronized void answered(long[] taken, long at) {
      minute.answered(taken[1], at);
      hour.answered(taken[2], at);
    }

    synchronized void full(long from) {
      minute.full(from);
      hour.full(from);
    }
  }

  /**
   * The times of the last {@code n} requests of a sliding window, and after a 429 the schedule
   * on which the window's slots come back.
   */
  static final class Window {
    private final long length;
    private final long margin;
    private final long[] times;
    /** Requests taken so far; request {@code k} is at {@code times[k % n]}. */
    private long taken;
    /** After a 429: when the first slot comes back (one more every length / n), else MIN. */
    private long resumeFrom = Long.MIN_VALUE;
    /** Requests taken since {@link #resumeFrom}. */
    private int resumed;

    Window(int n, long length) {
      this.length = length;
      this.margin = length / 100;
      this.times = new long[n];
    }

    /** When the next request may go. */
    long free() {
      long at = Long.MIN_VALUE;
      if (taken >= times.length) {
        // the oldest of the last n must have left the window
        at = times[(int) (taken % times.length)] + length + margin;
      }
      if (resumeFrom != Long.MIN_VALUE) {
        at = Math.max(at, resumeFrom + (long) ((double) length * resumed / times.length));
      }
      return at;
    }

    /** @return the ticket of the request taken at {@code at} */
    long take(long at) {
      long ticket = taken++;
      times[(int) (ticket % times.length)] = at;
      if (resumeFrom != Long.MIN_VALUE && ++resumed >= times.length) {
        resumeFrom = Long.MIN_VALUE;
      }
      return ticket;
    }

    /** The request of {@code ticket} was answered at {@code at}: it counts from then. */
    void answered(long ticket, long at) {
      if (taken - ticket <= times.length) {
        int i = (int) (ticket % times.length);
        times[i] = Math.max(times[i], at);
      }
    }

    /**
     * PostHog counts the window as full until {@code from}: its slots come back one at a time,
     * evenly over one window from then.
     */
    void full(long from) {
      if (resumeFrom == Long.MIN_VALUE) {
        resumeFrom = from;
        resumed = 0;
      } else {
        // Already resuming: the next slot moves to 'from' if that is later, and the slots
        // already given keep their times, so no two calls get the same one.
        resumeFrom = Math.max(resumeFrom,
            from - (long) ((double) length * resumed / times.length));
      }
    }
  }
}
