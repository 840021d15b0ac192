package dev.hedgekit.posthog.query;

import java.time.Duration;
import java.util.Objects;

/**
 * How a started query is polled until it completes: the first wait, how each wait grows, the
 * longest wait, and the overall timeout. Immutable; the {@code with...} methods return changed
 * copies.
 *
 * <pre>{@code
 * PollOptions.defaults().withTimeout(Duration.ofMinutes(2)).withMaxDelay(Duration.ofSeconds(2));
 * }</pre>
 */
public final class PollOptions {

  private static final PollOptions DEFAULTS = new PollOptions(Duration.ofMillis(250), 2.0,
      Duration.ofSeconds(5), Duration.ofMinutes(10));

  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final Duration timeout;

  private PollOptions(Duration initialDelay, double multiplier, Duration maxDelay,
      Duration timeout) {
    this.initialDelay = initialDelay;
    this.multiplier = multiplier;
    this.maxDelay = maxDelay;
    this.timeout = timeout;
  }

  /**
   * The defaults: first wait 250 ms, doubling up to 5 s, for at most 10 minutes.
   *
   * @return the default options
   */
  public static PollOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @param delay the wait before the first status request, positive
   * @return a copy with this first wait
   */
  public PollOptions withInitialDelay(Duration delay) {
    return new PollOptions(positive(delay, "initialDelay"), multiplier, maxDelay, timeout);
  }

  /**
   * @param factor how much each wait grows over the previous one, at least 1 (1 = fixed)
   * @return a copy with this growth factor
   */
  public PollOptions withMultiplier(double factor) {
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + factor);
    }
    return new PollOptions(initialDelay, factor, maxDelay, timeout);
  }

  /**
   * @param delay the longest wait between two status requests, positive (it also caps the
   *     first wait)
   * @return a copy with this cap
   */
  public PollOptions withMaxDelay(Duration delay) {
    return new PollOptions(initialDelay, multiplier, positive(delay, "maxDelay"), timeout);
  }

  /**
   * @param limit how long to wait for the query before cancelling it, positive
   * @return a copy with this timeout
   */
  public PollOptions withTimeout(Duration limit) {
    return new PollOptions(initialDelay, multiplier, maxDelay, positive(limit, "timeout"));
  }

  /** @return the wait before the first status request */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** @return how much each wait grows over the previous one */
  public double multiplier() {
    return multiplier;
  }

  /** @return the longest wait between two status requests */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** @return how long to wait for the query before cancelling it */
  public Duration timeout() {
    return timeout;
  }

  /** The wait after one of {@code nanos}. */
  long next(long nanos) {
    double grown = nanos * multiplier;
    long cap = maxDelay.toNanos();
    return grown >= cap ? cap : (long) grown;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "PollOptions{initialDelay=" + initialDelay + ", multiplier=" + multiplier
        + ", maxDelay=" + maxDelay + ", timeout=" + timeout + "}";
  }
}
