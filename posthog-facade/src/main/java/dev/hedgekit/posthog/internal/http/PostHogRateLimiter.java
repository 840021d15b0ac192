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
 * Paces requests per {@link LimitClass} with two rate buckets each (per minute and per hour),
 * using the generic cell rate algorithm: a full window's worth of requests may go at once,
 * after which requests are spaced evenly. Each request reserves its send time under a lock and
 * then waits outside it, so threads queue fairly and never spin. A 429 from PostHog marks the
 * class's buckets full until the time PostHog asked for: every thread then resumes at the
 * steady rate, one after another, instead of all at once.
 */
final class PostHogRateLimiter implements RateLimiter {

  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<LimitClass, Buckets> buckets = new EnumMap<>(LimitClass.class);

  PostHogRateLimiter(RateLimits limits, Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
    for (LimitClass c : LimitClass.values()) {
      if (limits.perMinute(c) > 0) {
        buckets.put(c, new Buckets(limits.perMinute(c), limits.perHour(c)));
      }
    }
  }

  @Override
  public void throttled(String url, Duration retryAfter) {
    Buckets b = buckets.get(LimitClass.of(RetryingClient.pathOf(url)));
    if (b != null) {
      b.full(nowNanos() + (retryAfter == null ? 0 : retryAfter.toNanos()));
    }
  }

  @Override
  public void acquire(String url, CallState state) {
    LimitClass c = LimitClass.of(RetryingClient.pathOf(url));
    Buckets b = buckets.get(c);
    if (b == null) {
      return;
    }
    long now = nowNanos();
    long remaining = state.deadlineNanos() - System.nanoTime();
    long sendAt = b.reserve(now, remaining);
    if (sendAt < 0) {
      throw new PostHogTimeoutException("client-side " + c + " rate limit: the next free slot"
          + " is later than the call timeout allows; nothing was sent", null, false);
    }
    long wait = sendAt - now;
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
  }

  private long nowNanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  /** A per-minute and a per-hour bucket of one class. */
  static final class Buckets {
    private final long[] interval;
    private final long[] tolerance;
    private final long[] tat;

    Buckets(int perMinute, int perHour) {
      long minute = Duration.ofMinutes(1).toNanos();
      long hour = Duration.ofHours(1).toNanos();
      interval = new long[] {minute / perMinute, hour / perHour};
      tolerance = new long[] {minute - interval[0], hour - interval[1]};
      tat = new long[] {Long.MIN_VALUE, Long.MIN_VALUE};
    }

    /**
     * PostHog said this class is exhausted: assume both buckets are full at {@code from}, so
     * that requests resume then at the steady rate, spaced, rather than all at once.
     */
    synchronized void full(long from) {
      for (int i = 0; i < tat.length; i++) {
        long t = from + tolerance[i];
        tat[i] = tat[i] == Long.MIN_VALUE ? t : Math.max(tat[i], t);
      }
    }

    /**
     * Reserves the earliest send time at or after {@code now}.
     *
     * @return the send time, or -1 if it is more than {@code maxWait} away (nothing reserved)
     */
    synchronized long reserve(long now, long maxWait) {
      long sendAt = now;
      for (int i = 0; i < tat.length; i++) {
        long t = tat[i] == Long.MIN_VALUE ? now : Math.max(tat[i], now);
        sendAt = Math.max(sendAt, t - tolerance[i]);
      }
      if (sendAt - now > maxWait) {
        return -1;
      }
      for (int i = 0; i < tat.length; i++) {
        long t = tat[i] == Long.MIN_VALUE ? sendAt : Math.max(tat[i], sendAt);
        tat[i] = t + interval[i];
      }
      return sendAt;
    }
  }
}
