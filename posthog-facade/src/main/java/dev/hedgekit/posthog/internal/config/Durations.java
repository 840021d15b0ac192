package dev.hedgekit.posthog.internal.config;

import java.time.Duration;
import java.util.Objects;

/** Checks of duration settings shared by the builders. */
public final class Durations {

  private Durations() {
  }

  /**
   * Checks that a duration is set and positive.
   *
   * @param d the duration
   * @param name the setting's name, for the message
   * @return the duration
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is zero or negative
   */
  public static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }
}
