package dev.hedgekit.posthog.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Client-side rate limiting, shared by every thread and view of one client. On by default
 * with {@link #posthogDefaults()}: calls are paced to PostHog's published per-key limits (see
 * {@link LimitClass}), counted the way PostHog counts them (at most n requests in any minute
 * and any hour), so a bulk job waits for a free slot instead of collecting 429s. Retries take
 * slots too, and a 429 (another process using the same key) holds the class back until the
 * time PostHog named, then lets calls resume one slot at a time.
 *
 * <p>Change it with {@code PostHogClientBuilder.rateLimits(...)}: a smaller share when several
 * processes use one key ({@code posthogDefaults().with(LimitClass.CRUD, 240, 2400)}), or
 * {@link #off()} to leave pacing to PostHog's 429s. A call whose next free slot lies beyond
 * its overall timeout fails at once with a timeout error rather than waiting.
 */
public final class RateLimits {

  private static final RateLimits OFF = new RateLimits(new EnumMap<>(LimitClass.class));

  private final Map<LimitClass, int[]> limits;

  private RateLimits(Map<LimitClass, int[]> limits) {
    this.limits = limits;
  }

  /** @return no client-side limiting */
  public static RateLimits off() {
    return OFF;
  }

  /** @return PostHog's published limits for every class */
  public static RateLimits posthogDefaults() {
    Map<LimitClass, int[]> m = new EnumMap<>(LimitClass.class);
    for (LimitClass c : LimitClass.values()) {
      m.put(c, new int[] {c.publishedPerMinute(), c.publishedPerHour()});
    }
    return new RateLimits(m);
  }

  /**
   * A copy with a different limit for one class (for example a lower share when several
   * processes use the same key).
   *
   * @param limitClass the class
   * @param perMinute requests per minute, at least 1
   * @param perHour requests per hour, at least 1
   * @return the new limits
   */
  public RateLimits with(LimitClass limitClass, int perMinute, int perHour) {
    Objects.requireNonNull(limitClass, "limitClass");
    if (perMinute < 1 || perHour < 1) {
      throw new IllegalArgumentException("perMinute and perHour must be at least 1, were "
          + perMinute + " and " + perHour);
    }
    Map<LimitClass, int[]> m = new EnumMap<>(LimitClass.class);
    m.putAll(limits);
    m.put(limitClass, new int[] {perMinute, perHour});
    return new RateLimits(m);
  }

  /** @return whether any class is limited */
  public boolean enabled() {
    return !limits.isEmpty();
  }

  /**
   * @param limitClass a class
   * @return requests per minute, or 0 if the class is not limited
   */
  public int perMinute(LimitClass limitClass) {
    int[] l = limits.get(limitClass);
    return l == null ? 0 : l[0];
  }

  /**
   * @param limitClass a class
   * @return requests per hour, or 0 if the class is not limited
   */
  public int perHour(LimitClass limitClass) {
    int[] l = limits.get(limitClass);
    return l == null ? 0 : l[1];
  }

  @Override
  public String toString() {
    if (!enabled()) {
      return "RateLimits{off}";
    }
    StringBuilder sb = new StringBuilder("RateLimits{");
    for (Map.Entry<LimitClass, int[]> e : limits.entrySet()) {
      sb.append(e.getKey()).append('=').append(e.getValue()[0]).append("/min,")
          .append(e.getValue()[1]).append("/h ");
    }
    return sb.toString().trim() + "}";
  }
}
