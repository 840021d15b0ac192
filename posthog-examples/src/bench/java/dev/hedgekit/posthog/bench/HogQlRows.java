package dev.hedgekit.posthog.bench;

import java.time.Instant;

/**
 * The synthetic HogQL result the simulated PostHog answers: row {@code i} (from 0) is
 * {@code [event, timestamp, value]}, each a pure function of {@code i}, about 40 bytes of JSON,
 * for example {@code ["$pageview","2026-01-01T00:00:00Z",12345]}.
 *
 * <p>The server writes these rows with its own digit-by-digit formatter ({@link SimPostHog});
 * the checker derives the expected values here with {@code java.time}, so the two sides share
 * the definition of a row but not the code that prints it.
 */
public final class HogQlRows {

  /** The statement the row benchmarks stream (the server reads only its trailing LIMIT/OFFSET). */
  public static final String SQL =
      "SELECT event, timestamp, value FROM events ORDER BY timestamp, uuid";

  /** Column names, in order. */
  static final String[] COLUMNS = {"event", "timestamp", "value"};
  /** ClickHouse types PostHog reports beside the names. */
  static final String[] TYPES = {"String", "DateTime64(6, 'UTC')", "Int64"};

  static final String[] EVENTS = {"$pageview", "$pageleave", "$autocapture", "$identify"};
  /** 2026-01-01T00:00:00Z in epoch seconds. */
  static final long BASE_SECOND = 1_767_225_600L;

  private HogQlRows() {
  }

  static String event(long i) {
    return EVENTS[(int) (i % EVENTS.length)];
  }

  /** @return the timestamp of row {@code i}, in epoch seconds (one second apart) */
  static long epochSecond(long i) {
    return BASE_SECOND + i;
  }

  /** @return the value of row {@code i}: 0 to 99,999, scattered */
  static long value(long i) {
    return Math.floorMod(i * 2_654_435_761L + (i >>> 3), 100_000L);
  }

  /** Order-sensitive checksum of rows, fed one row at a time. */
  public static final class Checksum {
    private long hash = 1_469_598_103_934_665_603L;
    private long rows;

    /** Adds the next row's values as the client read them. */
    public void add(String event, String timestamp, long value) {
      long h = event.hashCode();
      h = h * 31 + timestamp.hashCode();
      h = h * 31 + value;
      hash = (hash ^ h) * 1_099_511_628_211L;
      rows++;
    }

    public long value() {
      return hash;
    }

    public long rows() {
      return rows;
    }
  }

  /**
   * The checksum a client must arrive at after reading rows {@code 0..total-1} in order,
   * derived from the row definition (timestamps printed by {@link Instant#toString()}).
   */
  public static long expectedChecksum(long total) {
    Checksum c = new Checksum();
    for (long i = 0; i < total; i++) {
      c.add(event(i), Instant.ofEpochSecond(epochSecond(i)).toString(), value(i));
    }
    return c.value();
  }
}
