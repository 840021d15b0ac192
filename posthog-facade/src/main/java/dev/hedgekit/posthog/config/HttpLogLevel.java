package dev.hedgekit.posthog.config;

/**
 * How much of each HTTP exchange the client logs (through {@link System.Logger}, logger name
 * {@code dev.hedgekit.posthog.http}, at DEBUG). The Authorization header is always shown as
 * {@code Bearer [redacted]}.
 */
public enum HttpLogLevel {
  /** Nothing. The default. */
  NONE,
  /** Request line, status and elapsed time. */
  BASIC,
  /** BASIC plus request and response headers. */
  HEADERS,
  /** HEADERS plus request and response bodies. */
  FULL
}
