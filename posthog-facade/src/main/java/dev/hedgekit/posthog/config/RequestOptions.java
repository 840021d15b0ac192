package dev.hedgekit.posthog.config;

import dev.hedgekit.posthog.internal.config.Durations;
import dev.hedgekit.posthog.internal.config.Headers;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings for one call that override the client's, without building a new client:
 * per-attempt read timeout, overall call timeout, number of retries, response size limit and
 * extra headers.
 * Immutable; unset values fall back to the client's configuration.
 *
 * <pre>{@code
 * RequestOptions slow = RequestOptions.builder().readTimeout(Duration.ofMinutes(2)).maxRetries(0).build();
 * client.withOptions(slow).project(42).insights().list();
 * }</pre>
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new Builder().build();

  private final Duration readTimeout;
  private final Duration callTimeout;
  private final Integer maxRetries;
  private final Long maxResponseBytes;
  private final Map<String, String> headers;

  private RequestOptions(Builder b) {
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.maxRetries = b.maxRetries;
    this.maxResponseBytes = b.maxResponseBytes;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /** @return options that change nothing */
  public static RequestOptions none() {
    return NONE;
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the per-attempt read timeout, or null for the client's */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** @return the overall timeout of the call including retries, or null for the client's */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** @return the number of retries, or null for the client's retry policy */
  public Integer maxRetries() {
    return maxRetries;
  }

  /** @return the response size limit in bytes, or null for the client's */
  public Long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** @return extra headers sent with the call, in insertion order */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Combines two option sets; values set in {@code other} win.
   *
   * @param other the options applied on top
   * @return the combination
   */
  public RequestOptions merge(RequestOptions other) {
    if (other == null || other == NONE) {
      return this;
    }
    if (this == NONE) {
      return other;
    }
    Builder b = new Builder();
    b.readTimeout = other.readTimeout != null ? other.readTimeout : readTimeout;
    b.callTimeout = other.callTimeout != null ? other.callTimeout : callTimeout;
    b.maxRetries = other.maxRetries != null ? other.maxRetries : maxRetries;
    b.maxResponseBytes = other.maxResponseBytes != null ? other.maxResponseBytes : maxResponseBytes;
    b.headers.putAll(headers);
    b.headers.putAll(other.headers);
    return b.build();
  }

  @Override
  public String toString() {
    return "RequestOptions{readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
        + ", maxRetries=" + maxRetries + ", maxResponseBytes=" + maxResponseBytes
        + ", headers=" + headers.keySet() + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration readTimeout;
    private Duration callTimeout;
    private Integer maxRetries;
    private Long maxResponseBytes;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * @param timeout longest wait for data on each attempt, positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Durations.positive(timeout, "readTimeout");
      return this;
    }

    /**
     * @param timeout longest time for the whole call including retries and waits, positive
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Durations.positive(timeout, "callTimeout");
      return this;
    }

    /**
     * @param maxRetries retries after the first attempt, 0 to 10
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param bytes the most response body bytes a call may read (after decompression),
     *     at least 1; larger responses fail with
     *     {@link dev.hedgekit.posthog.errors.ResponseTooLargeException}
     * @return this builder
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Adds a header to send with the call.
     *
     * @param name header name: an HTTP token, not one the client sets itself (Authorization,
     *     Accept, User-Agent, Content-Type, Content-Length, Host, Transfer-Encoding, Connection)
     * @param value header value (no CR, LF or control characters)
     * @return this builder
     */
    public Builder header(String name, String value) {
      Headers.check(name, value);
      headers.put(name, value);
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(this);
    }

  }
}
