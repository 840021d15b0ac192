package dev.hedgekit.posthog.config;

import dev.hedgekit.posthog.internal.config.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How failed attempts are retried: how many times, how long to wait, and on which answers.
 *
 * <p>Rules applied by the client:
 * <ul>
 *   <li>429 is retried for every method, after PostHog's {@code Retry-After} (whole seconds or
 *       an HTTP date) when present, else after the backoff; a {@code Retry-After} longer than
 *       {@link #maxRetryAfter()} is not waited for: the call fails with the rate-limit error.</li>
 *   <li>{@link #retryableStatuses()} (default 502, 503, 504) and network failures after the
 *       connection was made are retried only for idempotent methods (GET, HEAD, OPTIONS, PUT,
 *       DELETE).</li>
 *   <li>A failure to connect (nothing was sent) is retried for every method. POST and PATCH
 *       are never replayed once the request may have reached PostHog.</li>
 *   <li>Backoff: {@code initialBackoff * multiplier^(retry-1)}, capped at {@code maxBackoff},
 *       then spread by +/- {@code jitter} (a fraction).</li>
 *   <li>No wait ever runs past the call's overall timeout.</li>
 * </ul>
 *
 * <p>Defaults: 3 retries, 200 ms initial backoff doubling to at most 5 s, 20% jitter,
 * Retry-After honoured up to 60 s. Instances are immutable.
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryableStatuses;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryableStatuses = Set.copyOf(b.retryableStatuses);
  }

  /** @return the default policy */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** @return a policy that never retries */
  public static RetryPolicy none() {
    return builder().maxRetries(0).build();
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder starting from this policy */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxRetries = maxRetries;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.multiplier = multiplier;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    b.retryableStatuses = new TreeSet<>(retryableStatuses);
    return b;
  }

  /** @return how many times a call is retried after its first attempt */
  public int maxRetries() {
    return maxRetries;
  }

  /** @return the wait before the first retry (before jitter) */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** @return the longest computed backoff */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** @return the factor between consecutive backoffs */
  public double multiplier() {
    return multiplier;
  }

  /** @return the jitter as a fraction of the backoff (0.2 means +/- 20%) */
  public double jitter() {
    return jitter;
  }

  /** @return the longest Retry-After the client waits for */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** @return statuses retried for idempotent methods (429 is always retried) */
  public Set<Integer> retryableStatuses() {
    return retryableStatuses;
  }

  /**
   * The wait before a retry when PostHog gave no Retry-After.
   *
   * @param retry which retry this is, starting at 1
   * @param unitRandom a number in [0, 1); 0.5 gives the backoff without jitter
   * @return the wait
   */
  public Duration backoff(int retry, double unitRandom) {
    double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
    base = Math.min(base, maxBackoff.toNanos());
    double spread = base * (1.0 + jitter * (2.0 * unitRandom - 1.0));
    long nanos = (long) Math.min(Math.max(0, spread), maxBackoff.toNanos());
    return Duration.ofNanos(nanos);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter
        + ", maxRetryAfter=" + maxRetryAfter + ", retryableStatuses="
        + new TreeSet<>(retryableStatuses) + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Set<Integer> retryableStatuses = new TreeSet<>(Set.of(502, 503, 504));

    private Builder() {
    }

    /**
     * @param maxRetries retries after the first attempt, 0 to 10
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param initialBackoff wait before the first retry, positive
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Durations.positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * @param maxBackoff longest computed wait, positive
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Durations.positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * @param multiplier growth factor between retries, at least 1
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * @param jitter fraction in [0, 1] by which waits are spread
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * @param maxRetryAfter longest Retry-After waited for, zero or positive
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * @param statuses 5xx statuses retried for idempotent methods (429 is always retried)
     * @return this builder
     */
    public Builder retryableStatuses(Set<Integer> statuses) {
      Objects.requireNonNull(statuses, "retryableStatuses");
      for (Integer s : statuses) {
        if (s == null || s < 400 || s > 599) {
          throw new IllegalArgumentException("retryableStatuses must hold 4xx/5xx statuses, got " + s);
        }
      }
      this.retryableStatuses = new TreeSet<>(statuses);
      return this;
    }

    /** @return the policy */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff (" + maxBackoff
            + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }

  }
}
