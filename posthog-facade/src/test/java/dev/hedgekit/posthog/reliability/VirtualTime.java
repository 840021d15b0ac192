package dev.hedgekit.posthog.reliability;

import dev.hedgekit.posthog.config.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when the test says so, and a sleeper that blocks until the clock has
 * moved past the end of the wait: threads waiting for a rate-limit slot stay parked until the
 * test advances time, so what was sent before and after each step can be asserted exactly.
 */
final class VirtualTime extends Clock {

  private final Instant origin;
  private long nanos;
  private int sleeping;
  private final List<Duration> waits = new ArrayList<>();

  VirtualTime(Instant origin) {
    this.origin = origin;
  }

  @Override
  public synchronized Instant instant() {
    return origin.plusNanos(nanos);
  }

  /** @return the virtual time passed since the origin */
  synchronized Duration elapsed() {
    return Duration.ofNanos(nanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  synchronized void advance(Duration d) {
    nanos += d.toNanos();
    notifyAll();
  }

  /** @return how many threads are parked in the sleeper now */
  synchronized int sleeping() {
    return sleeping;
  }

  /** @return every wait asked for so far, in order */
  synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  Sleeper sleeper() {
    return d -> {
      synchronized (this) {
        waits.add(d);
        long until = nanos + d.toNanos();
        sleeping++;
        try {
          while (nanos < until) {
            wait();
          }
        } finally {
          sleeping--;
        }
      }
    };
  }
}
