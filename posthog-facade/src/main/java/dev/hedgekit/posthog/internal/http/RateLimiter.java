package dev.hedgekit.posthog.http;

/**
 * Client-side pacing applied before each attempt. The default lets everything through.
 */
interface RateLimiter {

  /** A limiter that never waits. */
  RateLimiter NONE = (url, method, state) -> { };

  /**
   * Waits until the request may be sent.
   *
   * @param url the absolute request URL
   * @param method the HTTP method
   * @param state the call (its deadline bounds the wait)
   */
  void acquire(String url, String method, CallState state);
}
