package dev.hedgekit.posthog.internal;

import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.generated.support.PageLinks;
import dev.hedgekit.posthog.generated.support.Paginated;
import dev.hedgekit.posthog.internal.config.ClientConfig;
import dev.hedgekit.posthog.internal.http.Failures;
import dev.hedgekit.posthog.internal.http.HttpCore;
import dev.hedgekit.posthog.pagination.Pager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What every resource group and toolkit of one client or view works through: the shared HTTP
 * machinery plus the view's own options, and the view's proxies of the generated interfaces
 * (made on first use, each bound to those options). Immutable apart from its proxy cache;
 * thread-safe.
 */
public final class ClientContext {

  /** The method of {@link PageLinks} for each page model, read when a link is first followed. */
  private static final class Links {
    static final Map<Class<?>, Method> BY_PAGE = linkMethods();
  }

  private final HttpCore core;
  private final RequestOptions options;
  private final ConcurrentHashMap<Class<?>, Object> proxies = new ConcurrentHashMap<>();

  private ClientContext(HttpCore core, RequestOptions options) {
    this.core = core;
    this.options = options;
  }

  /**
   * The context of a new client; it owns a new {@link HttpCore}.
   *
   * @param config the configuration
   * @return the context
   */
  public static ClientContext create(ClientConfig config) {
    return new ClientContext(new HttpCore(config), config.defaultOptions());
  }

  /**
   * A view with more options on top of this one's, sharing the HTTP machinery.
   *
   * @param more the options to add
   * @return the view's context
   */
  public ClientContext withOptions(RequestOptions more) {
    return new ClientContext(core, options.merge(more));
  }

  /** @return the configuration */
  public ClientConfig config() {
    return core.config();
  }

  /** @return the options of this client or view */
  public RequestOptions options() {
    return options;
  }

  /** @return the shared HTTP machinery */
  public HttpCore core() {
    return core;
  }

  /**
   * This view's proxy of a generated interface.
   *
   * @param type a generated interface
   * @param <T> its type
   * @return the proxy (made once per view and interface)
   */
  public <T> T api(Class<T> type) {
    core.ensureOpen();
    Object proxy = proxies.get(type);
    if (proxy == null) {
      proxy = proxies.computeIfAbsent(type, t -> core.proxy(t, options));
    }
    return type.cast(proxy);
  }

  /**
   * A lazy pager over a list whose first page {@code first} fetches; later pages follow
   * PostHog's links through this view.
   *
   * @param first fetches the first page
   * @param <T> the item type
   * @return the pager
   */
  public <T> Pager<T> pager(Supplier<? extends Paginated<T>> first) {
    AtomicReference<Class<?>> pageType = new AtomicReference<>();
    return new Pager<T>(() -> {
      Paginated<T> page = first.get();
      pageType.set(page.getClass());
      return page;
    }, url -> follow(url, pageType.get()));
  }

  /**
   * Runs work on the client's async executor.
   *
   * @param work the work
   * @param <T> its result
   * @return the future; cancelling it stops the calls the work makes
   */
  public <T> CompletableFuture<T> async(Supplier<T> work) {
    return core.async(work);
  }

  /**
   * The project of a call: the given id, or the client's default.
   *
   * @return the default project id
   * @throws IllegalStateException if none is configured
   */
  public String defaultProjectId() {
    String id = config().projectId();
    if (id == null) {
      throw new IllegalStateException("no project id: pass one (client.project(42)), or set"
          + " PostHogClientBuilder.projectId(...) or the POSTHOG_PROJECT_ID environment variable");
    }
    return id;
  }

  /**
   * @return the default organization id
   * @throws IllegalStateException if none is configured
   */
  public String defaultOrganizationId() {
    String id = config().organizationId();
    if (id == null) {
      throw new IllegalStateException("no organization id: pass one"
          + " (client.organization(\"...\")), or set PostHogClientBuilder.organizationId(...)"
          + " or the POSTHOG_ORGANIZATION_ID environment variable");
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private <T> Paginated<T> follow(String url, Class<?> pageType) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PostHog's pagination link is not a valid URL: "
          + e.getMessage());
    }
    if (!config().endpoint().owns(uri)) {
      throw new IllegalArgumentException("refusing to follow a pagination link to "
          + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
          + ": it is not under the configured PostHog URL " + config().endpoint().url());
    }
    Method m = Links.BY_PAGE.get(pageType);
    if (m == null) {
      throw new IllegalStateException("no link follower for " + pageType.getName());
    }
    try {
      return (Paginated<T>) m.invoke(api(PageLinks.class), uri);
    } catch (InvocationTargetException e) {
      Throwable t = Failures.translate(e.getCause());
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      throw (Error) t;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Class<?>, Method> linkMethods() {
    Map<Class<?>, Method> m = new HashMap<>();
    for (Method method : PageLinks.class.getMethods()) {
      m.put(method.getReturnType(), method);
    }
    return m;
  }

  @Override
  public String toString() {
    return "ClientContext{" + config().endpoint() + ", " + options + "}";
  }
}
