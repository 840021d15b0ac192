package dev.hedgekit.posthog.internal.http;

import java.time.Duration;

/**
 * Client-side pacing applied before each attempt (retries included).
 */
interface RateLimiter {

  /** A limiter that never waits. */
  RateLimiter NONE = new RateLimiter() {
    @Override
    public void acquire(String url, CallState state) {
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
   */
  void acquire(String url, CallState state);

  /**
   * PostHog answered 429 to a request to this URL: hold back its class.
   *
   * @param url the absolute request URL
   * @param retryAfter the wait PostHog asked for, or null
   */
  void throttled(String url, Duration retryAfter);
}
