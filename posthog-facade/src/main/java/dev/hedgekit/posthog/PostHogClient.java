package dev.hedgekit.posthog;

import dev.hedgekit.posthog.core.ApiKey;
import dev.hedgekit.posthog.core.ClientConfig;
import dev.hedgekit.posthog.core.Endpoint;
import dev.hedgekit.posthog.core.Headers;
import dev.hedgekit.posthog.core.HttpLogLevel;
import dev.hedgekit.posthog.core.RateLimits;
import dev.hedgekit.posthog.core.RequestOptions;
import dev.hedgekit.posthog.core.RetryPolicy;
import dev.hedgekit.posthog.core.SdkInfo;
import dev.hedgekit.posthog.core.Sleeper;
import dev.hedgekit.posthog.http.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Entry point of the SDK: a client of PostHog's management API for one personal API key.
 *
 * <pre>{@code
 * try (PostHogClient client = PostHogClient.builder()
 *     .apiKey(System.getenv("POSTHOG_PERSONAL_API_KEY"))
 *     .subdomain("eu")
 *     .build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>A client is immutable and thread-safe: build one per key and share it. It owns a pool of
 * HTTP connections (and, once async calls are used, a thread pool), released by {@link #close()}.
 */
public final class PostHogClient implements AutoCloseable {

  /** Environment variable holding the personal API key. */
  public static final String ENV_API_KEY = "POSTHOG_PERSONAL_API_KEY";
  /** Environment variable holding the base URL of the instance (overrides the subdomain). */
  public static final String ENV_HOST = "POSTHOG_HOST";
  /** Environment variable holding the cloud subdomain ({@code us} or {@code eu}). */
  public static final String ENV_SUBDOMAIN = "POSTHOG_SUBDOMAIN";
  /** Environment variable holding the default project id. */
  public static final String ENV_PROJECT_ID = "POSTHOG_PROJECT_ID";
  /** Environment variable holding the default organization id. */
  public static final String ENV_ORGANIZATION_ID = "POSTHOG_ORGANIZATION_ID";

  private final ClientConfig config;
  private final Transport transport;

  private PostHogClient(ClientConfig config) {
    this.config = config;
    this.transport = new Transport(config);
  }

  /** @return a builder with the defaults (subdomain {@code us}) */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the process environment: {@value #ENV_API_KEY} (required),
   * {@value #ENV_HOST} (a base URL) or {@value #ENV_SUBDOMAIN}, and optionally
   * {@value #ENV_PROJECT_ID} and {@value #ENV_ORGANIZATION_ID}.
   *
   * @return the client
   * @throws IllegalArgumentException if the key is missing or a value is invalid
   */
  public static PostHogClient fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Like {@link #fromEnv()} but reading the given map instead of the process environment.
   *
   * @param env variables by name
   * @return the client
   */
  public static PostHogClient fromEnv(Map<String, String> env) {
    return builder().env(env).build();
  }

  /** @return the configuration this client was built with (the key is redacted in toString) */
  public ClientConfig config() {
    return config;
  }

  /**
   * A Feign proxy of any generated interface ({@code dev.hedgekit.posthog.generated.api}),
   * wired to this client: authentication, retries, rate limits, error normalization. Use it
   * for operations the typed facade does not cover yet.
   *
   * @param generatedInterface e.g. {@code FeatureFlagsApi.class}
   * @param <T> the interface type
   * @return the proxy (built once per interface and reused)
   */
  public <T> T generated(Class<T> generatedInterface) {
    return transport.api(Objects.requireNonNull(generatedInterface, "generatedInterface"));
  }

  /**
   * The HTTP layer of this client, for the SDK's own resource classes.
   *
   * @return the transport
   */
  public Transport transport() {
    return transport;
  }

  /**
   * Releases the connection pool and the client's threads. Calls made afterwards fail with
   * {@link IllegalStateException}. Closing twice is harmless.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "PostHogClient{" + config.endpoint() + ", apiKey=" + config.apiKey() + "}";
  }

  /**
   * Builds a {@link PostHogClient}. Every setter checks its argument at once and names the
   * problem; {@link #build()} checks that a key was given.
   */
  public static final class Builder {
    private String apiKey;
    private String subdomain = "us";
    private String baseUrl;
    private boolean allowInsecureHttp;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofSeconds(180);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();
    private Executor executor;
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private int maxConnections = 64;
    private String projectId;
    private String organizationId;
    private RateLimits rateLimits = RateLimits.off();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String userAgentSuffix;

    private Builder() {
    }

    /**
     * @param apiKey the personal API key (Bearer token); never logged or shown
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      ApiKey.of(apiKey);
      return this;
    }

    /**
     * The PostHog cloud region: {@code us} (default, https://us.posthog.com) or {@code eu}
     * (https://eu.posthog.com). Ignored when {@link #baseUrl(String)} is set.
     *
     * @param subdomain one host label
     * @return this builder
     */
    public Builder subdomain(String subdomain) {
      Endpoint.ofSubdomain(subdomain);
      this.subdomain = subdomain;
      return this;
    }

    /**
     * The URL of a self-hosted instance or a local server; overrides the subdomain. Plain
     * http is accepted only for loopback hosts unless {@link #allowInsecureHttp(boolean)}.
     *
     * @param baseUrl absolute http(s) URL, e.g. {@code https://posthog.example.com}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      Endpoint.ofBaseUrl(baseUrl, true);
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * @param allow whether plain http to a non-loopback host is allowed (default false)
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * @param timeout connect timeout of each attempt (default 10 s)
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * @param timeout longest wait for data on each attempt (default 60 s)
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * @param timeout overall limit of one call including retries and waits (default 180 s)
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * @param policy retry rules (default {@link RetryPolicy#defaults()})
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * @param maxRetries shortcut for a default policy with this many retries
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
      return this;
    }

    /**
     * @param clock clock for Retry-After dates and rate limiting (tests)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param sleeper how the client waits between attempts (tests)
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * @param source numbers in [0, 1) used for backoff jitter (tests pass a constant)
     * @return this builder
     */
    public Builder jitterSource(DoubleSupplier source) {
      this.jitterSource = Objects.requireNonNull(source, "jitterSource");
      return this;
    }

    /**
     * @param executor runs async calls; the caller keeps ownership (default: a daemon thread
     *     pool owned and closed by the client)
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * @param level how much HTTP traffic to log at DEBUG (default NONE; the key is always redacted)
     * @return this builder
     */
    public Builder httpLogging(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * @param max pooled connections to the host (default 64)
     * @return this builder
     */
    public Builder maxConnections(int max) {
      if (max < 1 || max > 1024) {
        throw new IllegalArgumentException("maxConnections must be between 1 and 1024, was " + max);
      }
      this.maxConnections = max;
      return this;
    }

    /**
     * @param projectId project used when a call does not name one (a number, or
     *     {@code @current})
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = idValue(projectId, "projectId");
      return this;
    }

    /**
     * @param projectId project used when a call does not name one
     * @return this builder
     */
    public Builder projectId(long projectId) {
      return projectId(Long.toString(projectId));
    }

    /**
     * @param organizationId organization used when a call does not name one (a UUID, or
     *     {@code @current})
     * @return this builder
     */
    public Builder organizationId(String organizationId) {
      this.organizationId = idValue(organizationId, "organizationId");
      return this;
    }

    /**
     * @param limits client-side rate limiting (default off)
     * @return this builder
     */
    public Builder rateLimits(RateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits, "rateLimits");
      return this;
    }

    /**
     * Adds a header sent with every request.
     *
     * @param name an HTTP token, not Authorization or another client-owned header
     * @param value no CR, LF or control characters
     * @return this builder
     */
    public Builder header(String name, String value) {
      Headers.check(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * @param suffix product token appended to the User-Agent, e.g. {@code my-app/1.2}
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      Headers.check("User-Agent", suffix);
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Reads settings from environment variables (see {@link PostHogClient#fromEnv()}).
     *
     * @param env variables by name
     * @return this builder
     */
    public Builder env(Map<String, String> env) {
      Objects.requireNonNull(env, "env");
      String key = env.get(ENV_API_KEY);
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException(ENV_API_KEY + " is not set: export a PostHog personal"
            + " API key (Settings > Personal API keys)");
      }
      apiKey(key);
      String host = env.get(ENV_HOST);
      String sub = env.get(ENV_SUBDOMAIN);
      if (host != null && !host.isBlank()) {
        baseUrl(host.trim());
      } else if (sub != null && !sub.isBlank()) {
        subdomain(sub.trim());
      }
      String project = env.get(ENV_PROJECT_ID);
      if (project != null && !project.isBlank()) {
        projectId(project.trim());
      }
      String org = env.get(ENV_ORGANIZATION_ID);
      if (org != null && !org.isBlank()) {
        organizationId(org.trim());
      }
      return this;
    }

    /**
     * @return the client
     * @throws IllegalArgumentException if no API key was given or a setting is invalid
     */
    public PostHogClient build() {
      ApiKey key = ApiKey.of(apiKey);
      Endpoint endpoint = baseUrl != null
          ? Endpoint.ofBaseUrl(baseUrl, allowInsecureHttp)
          : Endpoint.ofSubdomain(subdomain);
      RequestOptions.Builder defaults = RequestOptions.builder();
      headers.forEach(defaults::header);
      String ua = SdkInfo.userAgent() + (userAgentSuffix == null ? "" : " " + userAgentSuffix);
      ClientConfig config = new ClientConfig(endpoint, key, connectTimeout, readTimeout,
          callTimeout, retryPolicy, defaults.build(), clock, sleeper, jitterSource, executor,
          logLevel, maxConnections, projectId, organizationId, rateLimits, ua);
      return new PostHogClient(config);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    private static String idValue(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      for (int i = 0; i < value.length(); i++) {
        if (Character.isISOControl(value.charAt(i))) {
          throw new IllegalArgumentException(name + " contains a control character at position " + i);
        }
      }
      return value;
    }

    @Override
    public String toString() {
      return "PostHogClient.Builder{apiKey=" + (apiKey == null ? "unset" : "[redacted]")
          + ", subdomain=" + subdomain + ", baseUrl=" + baseUrl + "}";
    }
  }
}
