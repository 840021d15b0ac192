package dev.hedgekit.posthog.internal.http;

import java.time.Duration;

/**
 * Client-side pacing applied before each attempt (retries included).
 */
interface RateLimiter {

  /** An attempt's place in its class's budget; told when PostHog has answered. */
  interface Slot {
    /** A slot of no budget. */
    Slot NONE = () -> { };

    /** PostHog's answer (or the attempt's failure) has arrived. */
    void answered();
  }

  /** A limiter that never waits. */
  RateLimiter NONE = new RateLimiter() {
    @Override
    public Slot acquire(String url, CallState state) {
      return Slot.NONE;
    }

    @Override
    public void throttled(String url, Duration retryAfter) {
    }
  };

  /**
   * Waits until the request may be sent.
   *
   * @param url the absolute request URL
   * @param state the call (its deadline bounds the wait)
   * @return the slot taken, to be told when the answer arrives
   */
  Slot acquire(String url, CallState state);

  /**
   * PostHog answered 429 to a request to this URL: hold back its class.
   *
   * @param url the absolute request URL
   * @param retryAfter the wait PostHog asked for, or null
   */
  void throttled(String url, Duration retryAfter);
}
