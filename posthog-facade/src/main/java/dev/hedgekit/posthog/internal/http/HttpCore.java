package dev.hedgekit.posthog.internal.http;

import dev.hedgekit.posthog.config.HttpLogLevel;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.generated.support.QueryParameters;
import dev.hedgekit.posthog.internal.config.ClientConfig;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The HTTP machinery of one client, shared by the client and every view made from it with
 * {@code withOptions}: the connection pool, the retrying transport, the rate limiter, the
 * deadline watchdog, the codec and the async pool. Each view gets Feign proxies of its own,
 * bound to its options; every request of every proxy takes the same path (Feign, then the
 * retrying transport), whether HTTP logging is on or off. Thread-safe; closed with the client.
 */
public final class HttpCore implements AutoCloseable {

  private final ClientConfig config;
  private final ApacheTransport transport;
  private final Watchdog watchdog = new Watchdog();
  private final RetryingClient retrying;
  private final JsonCodec codec;
  private final ErrorResponses errors;
  private final HttpLogger logger;
  private final Request.Options feignOptions;
  private final AsyncTasks async;
  private volatile boolean closed;

  /**
   * Makes the machinery; nothing is started until the first call.
   *
   * @param config the client's configuration
   */
  public HttpCore(ClientConfig config) {
    this.config = config;
    SecretScrubber scrubber = new SecretScrubber(config.apiKey().reveal());
    List<Header> owned = List.of(
        new BasicHeader("Authorization", "Bearer " + config.apiKey().reveal(), true),
        new BasicHeader("Accept", "application/json"),
        new BasicHeader("User-Agent", config.userAgent()));
    this.transport = new ApacheTransport(config.connectTimeout(), config.readTimeout(),
        config.maxConnections(), scrubber, owned);
    RateLimiter limiter = config.rateLimits().enabled()
        ? new PostHogRateLimiter(config.rateLimits(), config.clock(), config.sleeper())
        : RateLimiter.NONE;
    this.retrying = new RetryingClient(transport, config, limiter, watchdog);
    this.codec = new JsonCodec(scrubber);
    this.errors = new ErrorResponses(config.clock(), config.endpoint().isCloud(), scrubber);
    this.logger = new HttpLogger(scrubber, owned);
    this.feignOptions = new Request.Options(config.connectTimeout(), config.readTimeout(), false);
    this.async = new AsyncTasks(config.executor());
  }

  /** @return the configuration */
  public ClientConfig config() {
    return config;
  }

  /**
   * A proxy of a generated interface whose every call runs with the given options.
   *
   * @param type a generated interface
   * @param options the options of the client or view, merged with the client's defaults
   * @param <T> the interface
   * @return the proxy
   */
  public <T> T proxy(Class<T> type, RequestOptions options) {
    ensureOpen();
    return Feign.builder()
        .contract(CachingContract.INSTANCE)
        .client(retrying.bind(options))
        .encoder(codec)
        .decoder(codec)
        .errorDecoder(errors)
        .requestInterceptor(new HeaderInterceptor(options.headers()))
        .logger(logger)
        .logLevel(feignLevel(config.logLevel()))
        .retryer(Retryer.NEVER_RETRY)
        .options(feignOptions)
        .queryMapEncoder(new QueryParameters.Encoder())
        .invocationHandlerFactory(Failures.INSTANCE)
        .target(new BaseUrlTarget<>(type, config.endpoint().url()));
  }

  /**
   * Runs work on the async executor; cancelling the future stops the calls the work makes.
   *
   * @param work the work
   * @param <T> its result
   * @return the future result
   */
  public <T> CompletableFuture<T> async(Supplier<T> work) {
    ensureOpen();
    return async.submit(work);
  }

  /** @return whether {@link #close()} was called */
  public boolean isClosed() {
    return closed;
  }

  /**
   * @throws IllegalStateException if the client is closed
   */
  public void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this PostHogClient is closed");
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    transport.markClosed();
    watchdog.abortAll();
    async.close();
    watchdog.close();
    transport.close();
  }

  private static Logger.Level feignLevel(HttpLogLevel level) {
    switch (level) {
      case BASIC:
        return Logger.Level.BASIC;
      case HEADERS:
        return Logger.Level.HEADERS;
      case FULL:
        return Logger.Level.FULL;
      default:
        return Logger.Level.NONE;
    }
  }

  @Override
  public String toString() {
    return "HttpCore{" + config.endpoint() + "}";
  }
}
