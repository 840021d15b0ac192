package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.core.UrlLimits;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Base of the typed resource groups: runs each call through the client (its per-call options,
 * retries and error normalization) and builds pagers.
 */
public abstract class Resource {

  /** The client this resource belongs to (possibly a view with per-call options). */
  protected final PostHogClient client;

  /**
   * @param client the client
   */
  protected Resource(PostHogClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * The client's Feign proxy of a generated interface.
   *
   * @param type the generated interface
   * @param <A> its type
   * @return the proxy
   */
  protected <A> A api(Class<A> type) {
    return client.generated(type);
  }

  /**
   * Runs one call with the client's per-call options.
   *
   * @param body the work
   * @param <T> the result type
   * @return its result
   */
  protected <T> T call(Supplier<T> body) {
    return client.transport().call(client.requestOptions(), body);
  }

  /**
   * Runs a call that answers nothing.
   *
   * @param body the work
   */
  protected void run(Runnable body) {
    call(() -> {
      body.run();
      return null;
    });
  }

  /**
   * A lazy pager whose first page comes from {@code first} and whose next pages follow
   * PostHog's links; every page is fetched with the client's per-call options.
   *
   * @param itemType the item class
   * @param first fetches the first page
   * @param <T> the item type
   * @return the pager
   */
  protected <T> Pager<T> pager(Class<T> itemType, Supplier<Page<T>> first) {
    Pager<T> raw = Pager.of(client.transport(), itemType, first);
    return new Pager<>(() -> call(first), url -> call(() -> raw.followLink(url)));
  }

  /**
   * Checks a caller-supplied id or key that travels in the URL (a path segment or a query
   * value), so that a bad one fails here, naming the parameter, before anything is sent.
   *
   * @param value the value
   * @param name the parameter name for the message
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is empty, or longer than
   *     {@link UrlLimits#MAX_VALUE_LENGTH} characters once percent-encoded
   */
  protected static String id(String value, String name) {
    text(value, name);
    UrlLimits.checkValue(name, "a path or query value", value);
    return value;
  }

  /**
   * Checks a caller-supplied text that must be given and not empty (for one sent in the
   * request body, which has no length limit).
   *
   * @param value the value
   * @param name the parameter name for the message
   * @return the value
   */
  protected static String text(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  /**
   * Checks a caller-supplied object.
   *
   * @param value the value
   * @param name the parameter name for the message
   * @param <V> its type
   * @return the value
   */
  protected static <V> V required(V value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }
}
