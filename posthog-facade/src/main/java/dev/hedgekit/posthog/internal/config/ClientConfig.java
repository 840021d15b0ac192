package dev.hedgekit.posthog.internal.config;

import dev.hedgekit.posthog.config.HttpLogLevel;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.config.RetryPolicy;
import dev.hedgekit.posthog.config.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * Everything a client was built with; immutable. Built by
 * {@link dev.hedgekit.posthog.PostHogClientBuilder}.
 */
public final class ClientConfig {

  private final Endpoint endpoint;
  private final ApiKey apiKey;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final RetryPolicy retryPolicy;
  private final RequestOptions defaultOptions;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitterSource;
  private final Executor executor;
  private final HttpLogLevel logLevel;
  private final int maxConnections;
  private final String projectId;
  private final String organizationId;
  private final RateLimits rateLimits;
  private final String userAgent;
  private final long maxResponseBytes;

  /**
   * Creates the configuration; every argument is already checked by the builder.
   *
   * @param endpoint where requests go
   * @param apiKey the personal API key
   * @param connectTimeout connect timeout per attempt
   * @param readTimeout read timeout per attempt
   * @param callTimeout overall timeout of a call with its retries
   * @param retryPolicy retry rules
   * @param defaultOptions options applied to every call (extra headers)
   * @param clock clock used for Retry-After dates and rate limiting
   * @param sleeper how waits are done
   * @param jitterSource random numbers in [0, 1) for backoff jitter
   * @param executor executor of async calls, or null for the client's own
   * @param logLevel HTTP logging detail
   * @param maxConnections pooled connections to the host
   * @param projectId default project id, or null
   * @param organizationId default organization id, or null
   * @param rateLimits client-side rate limits
   * @param userAgent the User-Agent header value
   * @param maxResponseBytes the response size limit
   */
  public ClientConfig(Endpoint endpoint, ApiKey apiKey, Duration connectTimeout,
      Duration readTimeout, Duration callTimeout, RetryPolicy retryPolicy,
      RequestOptions defaultOptions, Clock clock, Sleeper sleeper, DoubleSupplier jitterSource,
      Executor executor, HttpLogLevel logLevel, int maxConnections, String projectId,
      String organizationId, RateLimits rateLimits, String userAgent, long maxResponseBytes) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
    this.retryPolicy = retryPolicy;
    this.defaultOptions = defaultOptions;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitterSource = jitterSource;
    this.executor = executor;
    this.logLevel = logLevel;
    this.maxConnections = maxConnections;
    this.projectId = projectId;
    this.organizationId = organizationId;
    this.rateLimits = rateLimits;
    this.userAgent = userAgent;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** @return the most bytes a response body may have */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** @return where requests go */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** @return the personal API key (its toString is redacted) */
  public ApiKey apiKey() {
    return apiKey;
  }

  /** @return the connect timeout of each attempt */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return the read timeout of each attempt */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** @return the overall timeout of one call including retries */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** @return the retry rules */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** @return options applied to every call */
  public RequestOptions defaultOptions() {
    return defaultOptions;
  }

  /** @return the clock */
  public Clock clock() {
    return clock;
  }

  /** @return the sleeper */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** @return the jitter source */
  public DoubleSupplier jitterSource() {
    return jitterSource;
  }

  /** @return the caller's executor for async calls, or null when the client owns one */
  public Executor executor() {
    return executor;
  }

  /** @return the HTTP logging detail */
  public HttpLogLevel logLevel() {
    return logLevel;
  }

  /** @return the size of the connection pool */
  public int maxConnections() {
    return maxConnections;
  }

  /** @return the default project id, or null */
  public String projectId() {
    return projectId;
  }

  /** @return the default organization id, or null */
  public String organizationId() {
    return organizationId;
  }

  /** @return the client-side rate limits */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  /** @return the User-Agent header value */
  public String userAgent() {
    return userAgent;
  }

  @Override
  public String toString() {
    return "ClientConfig{endpoint=" + endpoint + ", apiKey=" + apiKey + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
        + ", retryPolicy=" + retryPolicy + ", logLevel=" + logLevel + ", maxConnections="
        + maxConnections + ", projectId=" + projectId + ", organizationId=" + organizationId
        + ", rateLimits=" + rateLimits + ", userAgent=" + userAgent + ", maxResponseBytes="
        + maxResponseBytes + "}";
  }
}
