package dev.hedgekit.posthog.http;

import dev.hedgekit.posthog.core.ClientConfig;
import dev.hedgekit.posthog.core.Endpoint;
import dev.hedgekit.posthog.core.HttpLogLevel;
import dev.hedgekit.posthog.core.RequestOptions;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.generated.raw.RawOperations;
import feign.Feign;
import feign.InvocationContext;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.ResponseInterceptor;
import feign.Retryer;
import feign.codec.DecodeException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP side of one client: proxies of the generated interfaces (built lazily, once each;
 * running requests straight from each method's plan, or through Feign when HTTP logging is
 * on), the retrying Apache HttpClient transport under them, the call scope that carries
 * per-call options, and the executor of async calls. Thread-safe; closed with the client.
 */
public final class Transport implements AutoCloseable {

  private final ClientConfig config;
  private final CallScope scope;
  private final ApacheTransport apache;
  private final Watchdog watchdog = new Watchdog();
  private final RetryingClient client;
  private final ApiErrorDecoder errorDecoder;
  private final Request.Options feignOptions;
  private final HeaderInterceptor headers;
  private final RedactingLogger logger;
  private final ConcurrentHashMap<Class<?>, Object> proxies = new ConcurrentHashMap<>();
  private final Object executorLock = new Object();
  private volatile ExecutorService ownExecutor;
  private volatile boolean closed;

  /**
   * Creates the transport of a client.
   *
   * @param config the client's configuration
   */
  public Transport(ClientConfig config) {
    this.config = config;
    this.scope = new CallScope(config.defaultOptions(), config.readTimeout(), config.callTimeout());
    // With logging off, the headers every request carries are written by the transport (see
    // HeaderInterceptor); with logging on, Feign carries them so that the log shows them.
    this.headers = new HeaderInterceptor(config.apiKey(), config.userAgent(), scope,
        config.logLevel() != HttpLogLevel.NONE);
    SecretScrubber scrubber = new SecretScrubber(config.apiKey().reveal());
    this.logger = new RedactingLogger(scrubber);
    this.apache = new ApacheTransport(config.endpoint().url(), config.connectTimeout(),
        config.readTimeout(),
        config.maxConnections(), headers.fixedHeaders(), scrubber);
    RateLimiter limiter = config.rateLimits().enabled()
        ? new PostHogRateLimiter(config.rateLimits(), config.clock(), config.sleeper()) : RateLimiter.NONE;
    this.client = new RetryingClient(apache, scope, config.retryPolicy(), config.sleeper(),
        config.clock(), config.jitterSource(), limiter, watchdog);
    watchdog.start();
    this.errorDecoder = new ApiErrorDecoder(config.clock(), config.endpoint().isCloud());
    this.feignOptions = new FixedOptions(config.connectTimeout(), config.readTimeout());
  }

  /** @return the configuration */
  public ClientConfig config() {
    return config;
  }

  /** @return where requests go */
  public Endpoint endpoint() {
    return config.endpoint();
  }

  /**
   * A proxy of a generated interface, wired to this client (auth, retries, errors).
   * Built on first request and reused.
   *
   * @param type a generated interface, e.g. {@code FeatureFlagsApi.class}
   * @param <T> the interface
   * @return the proxy
   */
  public <T> T api(Class<T> type) {
    ensureOpen();
    Object proxy = proxies.get(type);
    if (proxy == null) {
      proxy = proxies.computeIfAbsent(type, this::build);
    }
    return type.cast(proxy);
  }

  /** @return the untyped interface holding every operation */
  public RawOperations raw() {
    return api(RawOperations.class);
  }

  private Object build(Class<?> type) {
    if (config.logLevel() == HttpLogLevel.NONE && type != NextPageApi.class) {
      // Requests built straight from each method's plan; Feign only for what has none.
      return DirectInvoker.proxy(type, config.endpoint().url(), client, feignOptions, Codec.SHARED,
          errorDecoder, headers, () -> feign(type));
    }
    return feign(type);
  }

  private Object feign(Class<?> type) {
    return Feign.builder()
        .contract(CachingContract.INSTANCE)
        .client(client)
        .encoder(Codec.SHARED)
        .decoder(Codec.SHARED)
        .errorDecoder(errorDecoder)
        .responseInterceptor(Transport::unwrapDecodeFailure)
        .requestInterceptor(headers)
        .logger(logger)
        .logLevel(feignLevel(config.logLevel()))
        .retryer(Retryer.NEVER_RETRY)
        .options(feignOptions)
        .target(type, config.endpoint().url());
  }

  /**
   * Feign's request options, the same for every method. Feign asks for each call's options by
   * method name through a per-thread table (building a key from the thread's group name and
   * id, every call); the SDK never sets per-method options, so this answers itself at once.
   */
  private static final class FixedOptions extends Request.Options {
    FixedOptions(java.time.Duration connectTimeout, java.time.Duration readTimeout) {
      super(connectTimeout, readTimeout, false);
    }

    @Override
    public Request.Options getMethodOptions(String methodName) {
      return this;
    }
  }

  /**
   * The JSON codec, made when the first proxy of any client is built: it holds only the
   * SDK's shared mapper and a cache of readers, so every client uses the same one, and
   * {@code build()} does not wait for Jackson to start.
   */
  private static final class Codec {
    static final JsonCodec SHARED = new JsonCodec();
  }

  /**
   * Feign wraps any decoder failure that is not a FeignException in its own DecodeException;
   * callers are promised the SDK's {@link PostHogDecodeException}, so it is thrown unwrapped.
   */
  private static Object unwrapDecodeFailure(InvocationContext context,
      ResponseInterceptor.Chain chain) throws Exception {
    try {
      return chain.next(context);
    } catch (DecodeException e) {
      if (e.getCause() instanceof PostHogDecodeException) {
        throw (PostHogDecodeException) e.getCause();
      }
      throw e;
    }
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

  /**
   * Runs a call (one or more HTTP requests made by {@code body}) with per-call options.
   *
   * @param options options on top of the client's
   * @param body the work, usually one generated method call
   * @param <T> the result type
   * @return the result of {@code body}
   */
  public <T> T call(RequestOptions options, Supplier<T> body) {
    ensureOpen();
    try (CallScope.Binding b = scope.bind(scope.open(options))) {
      return body.get();
    }
  }

  /**
   * Runs a call on the async executor. Cancelling the returned future aborts the request in
   * flight and any wait between retries.
   *
   * @param options options on top of the client's
   * @param body the work
   * @param <T> the result type
   * @return the future result
   */
  public <T> CompletableFuture<T> callAsync(RequestOptions options, Supplier<T> body) {
    ensureOpen();
    CallState state = scope.openDetached(options);
    CallFuture<T> future = new CallFuture<>(state);
    executor().execute(() -> {
      if (future.isDone()) {
        return;
      }
      state.bindWorker(Thread.currentThread());
      try (CallScope.Binding b = scope.bind(state)) {
        future.complete(body.get());
      } catch (Throwable t) {
        future.completeExceptionally(t);
      } finally {
        state.bindWorker(null);
        if (state.isCancelled()) {
          Thread.interrupted();
        }
      }
    });
    return future;
  }

  /**
   * GETs an absolute URL returned by PostHog (a pagination link) after checking that it points
   * at this client's host, scheme and port.
   *
   * @param url the link
   * @return the answer, body in memory
   * @throws IllegalArgumentException if the link points anywhere else (nothing is sent)
   */
  public Response getLink(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pagination link is not a valid URL: " + e.getMessage());
    }
    if (!config.endpoint().owns(uri)) {
      throw new IllegalArgumentException("refusing to follow a pagination link to "
          + uri.getScheme() + "://" + uri.getRawAuthority()
          + ": it is not the configured PostHog host " + config.endpoint().url());
    }
    Response r = api(NextPageApi.class).get(uri);
    if (r.status() < 200 || r.status() > 299) {
      throw ApiErrorDecoder.toException(r, config.clock(), config.endpoint().isCloud());
    }
    return r;
  }

  /**
   * The whole body of an answer of this client's interfaces (for example the untyped
   * {@link #raw()} one). Bodies read by the transport are handed over in place, without a
   * copy: do not change the array.
   *
   * @param response the answer
   * @return its body, empty when it has none
   * @throws java.io.IOException if the body cannot be read
   */
  public static byte[] bodyBytes(Response response) throws java.io.IOException {
    return BytesBody.bytesOf(response);
  }

  /**
   * Turns a non-success answer of the untyped interface into the matching exception.
   *
   * @param response the answer
   * @return the exception
   */
  public RuntimeException errorOf(Response response) {
    return ApiErrorDecoder.toException(response, config.clock(), config.endpoint().isCloud());
  }

  private Executor executor() {
    if (config.executor() != null) {
      return config.executor();
    }
    ExecutorService e = ownExecutor;
    if (e == null) {
      synchronized (executorLock) {
        ensureOpen();
        e = ownExecutor;
        if (e == null) {
          AtomicInteger n = new AtomicInteger();
          ThreadFactory f = r -> {
            Thread t = new Thread(r, "posthog-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
          e = Executors.newCachedThreadPool(f);
          ownExecutor = e;
        }
      }
    }
    return e;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this PostHogClient is closed");
    }
  }

  /** @return whether {@link #close()} was called */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    synchronized (executorLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ExecutorService e = ownExecutor;
    if (e != null) {
      e.shutdownNow();
      try {
        e.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
    watchdog.close();
    apache.close();
  }

  /** A future whose cancellation stops the call. */
  static final class CallFuture<T> extends CompletableFuture<T> {
    private final CallState state;

    CallFuture(CallState state) {
      this.state = state;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean done = super.cancel(mayInterruptIfRunning);
      if (done) {
        state.cancel();
      }
      return done;
    }
  }

  @Override
  public String toString() {
    return "Transport{" + config.endpoint() + "}";
  }

}
