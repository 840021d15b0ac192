package dev.hedgekit.posthog.support;

import dev.hedgekit.posthog.config.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records every requested wait and returns at once. */
public final class RecordingSleeper implements Sleeper {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
  }

  /** @return the waits requested so far, in order */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
