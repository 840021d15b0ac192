package dev.hedgekit.posthog;

import dev.hedgekit.posthog.config.HttpLogLevel;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.config.RetryPolicy;
import dev.hedgekit.posthog.config.Sleeper;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.internal.config.ApiKey;
import dev.hedgekit.posthog.internal.config.ClientConfig;
import dev.hedgekit.posthog.internal.config.Durations;
import dev.hedgekit.posthog.internal.config.Endpoint;
import dev.hedgekit.posthog.internal.config.Headers;
import dev.hedgekit.posthog.internal.config.SdkInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Builds a {@link PostHogClient}. Every setter checks its argument at once; a bad value fails
 * with a message that names the problem, the setter and the environment variable that sets
 * the same thing. {@link #build()} checks that a key was given. Not thread-safe; the client it
 * builds is.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setter</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>{@link #apiKey}</td><td>{@code POSTHOG_PERSONAL_API_KEY}</td><td>required</td></tr>
 *   <tr><td>{@link #subdomain}</td><td>{@code POSTHOG_SUBDOMAIN}</td><td>{@code us}</td></tr>
 *   <tr><td>{@link #baseUrl}</td><td>{@code POSTHOG_HOST}</td><td>none (cloud)</td></tr>
 *   <tr><td>{@link #allowInsecureHttp}</td><td>{@code POSTHOG_ALLOW_INSECURE_HTTP}</td><td>false</td></tr>
 *   <tr><td>{@link #projectId}</td><td>{@code POSTHOG_PROJECT_ID}</td><td>none</td></tr>
 *   <tr><td>{@link #organizationId}</td><td>{@code POSTHOG_ORGANIZATION_ID}</td><td>none</td></tr>
 *   <tr><td>{@link #maxResponseBytes}</td><td>{@code POSTHOG_MAX_RESPONSE_BYTES}</td><td>100 MB</td></tr>
 * </table>
 */
public final class PostHogClientBuilder {

  /** The default response size limit: 100 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 100L * 1024 * 1024;

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
  private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  private String projectId;
  private String organizationId;
  private RateLimits rateLimits = RateLimits.posthogDefaults();
  /** Headers of every request, checked as they are added. */
  private final RequestOptions.Builder defaults = RequestOptions.builder();
  private String userAgentSuffix;

  PostHogClientBuilder() {
  }

  /**
   * @param apiKey the personal API key ({@code phx_...}), sent as a Bearer token; never shown
   * @return this builder
   */
  public PostHogClientBuilder apiKey(String apiKey) {
    setting("apiKey", PostHogClient.ENV_API_KEY, () -> ApiKey.of(apiKey));
    this.apiKey = apiKey;
    return this;
  }

  /**
   * The PostHog cloud region: {@code us} (default, https://us.posthog.com) or {@code eu}
   * (https://eu.posthog.com). Ignored when {@link #baseUrl(String)} is set.
   *
   * @param subdomain one host label
   * @return this builder
   */
  public PostHogClientBuilder subdomain(String subdomain) {
    setting("subdomain", PostHogClient.ENV_SUBDOMAIN, () -> Endpoint.ofSubdomain(subdomain));
    this.subdomain = subdomain;
    return this;
  }

  /**
   * The address of a self-hosted instance or a local server; overrides the subdomain. Plain
   * http is accepted only for loopback hosts unless {@link #allowInsecureHttp(boolean)}.
   *
   * @param baseUrl absolute http(s) URL without {@code /api}, e.g. {@code https://posthog.example.com}
   * @return this builder
   */
  public PostHogClientBuilder baseUrl(String baseUrl) {
    setting("baseUrl", PostHogClient.ENV_HOST, () -> Endpoint.ofBaseUrl(baseUrl, true));
    this.baseUrl = baseUrl;
    return this;
  }

  /**
   * @param allow whether plain http to a host that is not loopback is allowed (default false)
   * @return this builder
   */
  public PostHogClientBuilder allowInsecureHttp(boolean allow) {
    this.allowInsecureHttp = allow;
    return this;
  }

  /**
   * @param timeout connect timeout of each attempt (default 10 s)
   * @return this builder
   */
  public PostHogClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Durations.positive(timeout, "connectTimeout");
    return this;
  }

  /**
   * @param timeout longest wait for data on each attempt (default 60 s)
   * @return this builder
   */
  public PostHogClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = Durations.positive(timeout, "readTimeout");
    return this;
  }

  /**
   * @param timeout overall limit of one call including retries and waits (default 180 s)
   * @return this builder
   */
  public PostHogClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = Durations.positive(timeout, "callTimeout");
    return this;
  }

  /**
   * @param policy retry rules (default {@link RetryPolicy#defaults()})
   * @return this builder
   */
  public PostHogClientBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
    return this;
  }

  /**
   * @param maxRetries shortcut for the current policy with this many retries
   * @return this builder
   */
  public PostHogClientBuilder maxRetries(int maxRetries) {
    this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
    return this;
  }

  /**
   * @param clock clock for Retry-After dates and rate limiting (tests)
   * @return this builder
   */
  public PostHogClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * @param sleeper how the client waits between attempts and for rate-limit slots (tests)
   * @return this builder
   */
  public PostHogClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * @param source numbers in [0, 1) used for backoff jitter (tests pass a constant)
   * @return this builder
   */
  public PostHogClientBuilder jitterSource(DoubleSupplier source) {
    this.jitterSource = Objects.requireNonNull(source, "jitterSource");
    return this;
  }

  /**
   * @param executor runs async calls; the caller keeps ownership (default: the client's own
   *     pool of 16 daemon threads with a queue of 10,000 tasks, made on first use)
   * @return this builder
   */
  public PostHogClientBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * @param level how much HTTP traffic to log to the SLF4J logger
   *     {@code dev.hedgekit.posthog.http} at DEBUG (default NONE; the key is always masked)
   * @return this builder
   */
  public PostHogClientBuilder httpLogging(HttpLogLevel level) {
    this.logLevel = Objects.requireNonNull(level, "level");
    return this;
  }

  /**
   * @param max pooled connections to the host (default 64)
   * @return this builder
   */
  public PostHogClientBuilder maxConnections(int max) {
    if (max < 1 || max > 1024) {
      throw new IllegalArgumentException("maxConnections must be between 1 and 1024, was " + max
          + " [set by PostHogClientBuilder.maxConnections(...)]");
    }
    this.maxConnections = max;
    return this;
  }

  /**
   * @param bytes the most bytes a response body may have, after decompression (default
   *     {@value #DEFAULT_MAX_RESPONSE_BYTES}); larger responses fail with
   *     {@link dev.hedgekit.posthog.errors.ResponseTooLargeException}
   * @return this builder
   */
  public PostHogClientBuilder maxResponseBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("the response size limit must be at least 1 byte, was "
          + bytes + where("maxResponseBytes", PostHogClient.ENV_MAX_RESPONSE_BYTES));
    }
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * @param projectId project used by {@link PostHogClient#project()}: a number, or
   *     {@code @current}
   * @return this builder
   */
  public PostHogClientBuilder projectId(String projectId) {
    this.projectId = setting("projectId", PostHogClient.ENV_PROJECT_ID,
        () -> ProjectScope.checkId(projectId));
    return this;
  }

  /**
   * @param projectId project used by {@link PostHogClient#project()}
   * @return this builder
   */
  public PostHogClientBuilder projectId(long projectId) {
    return projectId(Long.toString(projectId));
  }

  /**
   * @param organizationId organization used by {@link PostHogClient#organization()}: a UUID,
   *     or {@code @current}
   * @return this builder
   */
  public PostHogClientBuilder organizationId(String organizationId) {
    this.organizationId = setting("organizationId", PostHogClient.ENV_ORGANIZATION_ID,
        () -> OrganizationScope.checkId(organizationId));
    return this;
  }

  /**
   * Client-side pacing to PostHog's per-key rate limits, shared by all threads of the client:
   * {@link RateLimits#posthogDefaults()} by default; {@link RateLimits#off()} switches it off.
   *
   * @param limits the limits
   * @return this builder
   */
  public PostHogClientBuilder rateLimits(RateLimits limits) {
    this.rateLimits = Objects.requireNonNull(limits, "rateLimits");
    return this;
  }

  /**
   * Adds a header sent with every request.
   *
   * @param name an HTTP token, not one the client sets itself (Authorization, Accept,
   *     User-Agent, Content-Type, Content-Length, Host, ...)
   * @param value no CR, LF or control characters
   * @return this builder
   */
  public PostHogClientBuilder header(String name, String value) {
    defaults.header(name, value);
    return this;
  }

  /**
   * @param suffix product token appended to the User-Agent, e.g. {@code my-app/1.2}
   * @return this builder
   */
  public PostHogClientBuilder userAgentSuffix(String suffix) {
    Headers.checkValue("User-Agent", suffix);
    this.userAgentSuffix = suffix;
    return this;
  }

  /**
   * Reads settings from environment variables (see {@link PostHogClient#fromEnv()}); unset or
   * blank variables leave the builder's values as they are, except the key, which is required.
   *
   * @param env variables by name
   * @return this builder
   */
  public PostHogClientBuilder env(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    String key = env.get(PostHogClient.ENV_API_KEY);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(PostHogClient.ENV_API_KEY + " is not set: export a"
          + " PostHog personal API key (Settings > Personal API keys), or pass one to"
          + " PostHogClientBuilder.apiKey(...)");
    }
    apiKey(key);
    String insecure = env.get(PostHogClient.ENV_ALLOW_INSECURE_HTTP);
    if (insecure != null && !insecure.isBlank()) {
      String v = insecure.strip().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException(PostHogClient.ENV_ALLOW_INSECURE_HTTP
            + " must be true or false, was \"" + insecure.strip() + "\"");
      }
      allowInsecureHttp(v.equals("true"));
    }
    String host = env.get(PostHogClient.ENV_HOST);
    String sub = env.get(PostHogClient.ENV_SUBDOMAIN);
    if (host != null && !host.isBlank()) {
      String h = host.strip();
      // Checked with the insecure-http setting from the same environment, then kept.
      setting("baseUrl", PostHogClient.ENV_HOST, () -> Endpoint.ofBaseUrl(h, allowInsecureHttp));
      this.baseUrl = h;
    } else if (sub != null && !sub.isBlank()) {
      subdomain(sub.strip());
    }
    String project = env.get(PostHogClient.ENV_PROJECT_ID);
    if (project != null && !project.isBlank()) {
      projectId(project.strip());
    }
    String org = env.get(PostHogClient.ENV_ORGANIZATION_ID);
    if (org != null && !org.isBlank()) {
      organizationId(org.strip());
    }
    String max = env.get(PostHogClient.ENV_MAX_RESPONSE_BYTES);
    if (max != null && !max.isBlank()) {
      try {
        maxResponseBytes(Long.parseLong(max.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PostHogClient.ENV_MAX_RESPONSE_BYTES
            + " must be a number of bytes, was \"" + max.strip() + "\"");
      }
    }
    return this;
  }

  /**
   * @return the client
   * @throws IllegalArgumentException if no API key was given or a setting is invalid
   */
  public PostHogClient build() {
    ApiKey key = setting("apiKey", PostHogClient.ENV_API_KEY, () -> ApiKey.of(apiKey));
    Endpoint endpoint = baseUrl != null
        ? setting("baseUrl", PostHogClient.ENV_HOST,
            () -> Endpoint.ofBaseUrl(baseUrl, allowInsecureHttp))
        : Endpoint.ofSubdomain(subdomain);
    String ua = SdkInfo.userAgent() + (userAgentSuffix == null ? "" : " " + userAgentSuffix);
    ClientConfig config = new ClientConfig(endpoint, key, connectTimeout, readTimeout,
        callTimeout, retryPolicy, defaults.build(), clock, sleeper, jitterSource, executor,
        logLevel, maxConnections, projectId, organizationId, rateLimits, ua, maxResponseBytes);
    return new PostHogClient(ClientContext.create(config), true);
  }

  /** Runs a check and names where the setting comes from when it fails. */
  private static <T> T setting(String method, String env, java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + where(method, env), e);
    }
  }

  private static String where(String method, String env) {
    return " [set by PostHogClientBuilder." + method + "(...) or " + env + "]";
  }

  @Override
  public String toString() {
    return "PostHogClientBuilder{apiKey=" + (apiKey == null ? "unset" : "[redacted]")
        + ", subdomain=" + subdomain + ", baseUrl=" + baseUrl + "}";
  }
}
