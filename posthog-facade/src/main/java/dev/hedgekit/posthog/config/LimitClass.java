package dev.hedgekit.posthog.config;

import java.util.Locale;

/**
 * PostHog's rate-limit classes. Each personal API key has a separate budget per class.
 */
public enum LimitClass {
  /** Create, read, update and delete of configuration objects: 480/min, 4800/h. */
  CRUD(480, 4800),
  /** Analytics reads (insights, persons, session recordings): 240/min, 1200/h. */
  ANALYTICS(240, 1200),
  /** The query API ({@code /query/}): 240/min, 2400/h. */
  QUERY(240, 2400);

  private final int perMinute;
  private final int perHour;

  LimitClass(int perMinute, int perHour) {
    this.perMinute = perMinute;
    this.perHour = perHour;
  }

  /** @return PostHog's published requests per minute for this class */
  public int publishedPerMinute() {
    return perMinute;
  }

  /** @return PostHog's published requests per hour for this class */
  public int publishedPerHour() {
    return perHour;
  }

  /**
   * The class a request path falls in.
   *
   * @param path the request path (with or without query)
   * @return its class
   */
  public static LimitClass of(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    if (p.contains("/query/") || p.endsWith("/query")) {
      return QUERY;
    }
    if (p.contains("/insights/") || p.contains("/persons/") || p.contains("/session_recordings/")) {
      return ANALYTICS;
    }
    return CRUD;
  }
}
