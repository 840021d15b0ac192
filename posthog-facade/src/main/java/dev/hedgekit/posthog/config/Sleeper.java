package dev.hedgekit.posthog.config;

import java.time.Duration;

/**
 * Waits between retry attempts and between polls. Tests inject a recording sleeper to assert
 * delays exactly without waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given time.
   *
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException if the waiting thread is interrupted (the call is cancelled)
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real sleeper, backed by {@link Thread#sleep(long)}.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
      }
    };
  }
}
