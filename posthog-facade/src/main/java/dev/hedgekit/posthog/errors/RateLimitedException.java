package dev.hedgekit.posthog.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 Too Many Requests ({@code throttled_error}): the key used up one of PostHog's rate
 * limits. Thrown once retries are exhausted or the wait PostHog asks for is longer than the
 * configured maximum.
 */
public class RateLimitedException extends PostHogApiException {

  private static final long serialVersionUID = 1L;

  /** The wait PostHog asked for, or null. */
  private final Duration retryAfter;

  /**
   * Creates the exception; the SDK's HTTP layer makes these.
   *
   * @param info the decoded answer
   * @param hint an extra sentence for the message, or null
   * @param retryAfter the wait PostHog asked for, or null if it gave none
   */
  public RateLimitedException(ApiErrorInfo info, String hint, Duration retryAfter) {
    super(info, hint);
    this.retryAfter = retryAfter;
  }

  /** @return how long PostHog asked the caller to wait (its {@code Retry-After}), if given */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
