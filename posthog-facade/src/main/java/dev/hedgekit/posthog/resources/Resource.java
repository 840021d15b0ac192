package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.config.Uuids;
import dev.hedgekit.posthog.generated.support.Paginated;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.internal.config.UrlLimits;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Base of the typed resource groups: each works through the context of the client or view it
 * came from, so every call carries that view's options.
 */
public abstract class Resource {

  /** The client or view this group works through. */
  protected final ClientContext context;

  /**
   * @param context the client or view
   */
  protected Resource(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * The view's proxy of a generated interface.
   *
   * @param type the generated interface
   * @param <A> its type
   * @return the proxy
   */
  protected <A> A api(Class<A> type) {
    return context.api(type);
  }

  /**
   * A lazy pager whose first page comes from {@code first} and whose next pages follow
   * PostHog's links through the same view.
   *
   * @param first fetches the first page
   * @param <T> the item type
   * @return the pager
   */
  protected <T> Pager<T> pager(Supplier<? extends Paginated<T>> first) {
    return context.pager(first);
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
   * Checks a caller-supplied UUID that travels in the URL. PostHog looks these objects up by
   * UUID and answers an error for anything else, so a value of another shape fails here. The
   * text is sent as given (either case).
   *
   * @param value the value, e.g. {@code 0190e5c6-35b2-7cc8-9a1e-2b8c9f3d4e5f}
   * @param name the parameter name for the message
   * @return the value
   * @throws NullPointerException if the value is null
   * @throws IllegalArgumentException if it is not a UUID
   */
  protected static String uuid(String value, String name) {
    text(value, name);
    if (!Uuids.isUuid(value)) {
      throw new IllegalArgumentException(name + " must be a UUID such as"
          + " 0190e5c6-35b2-7cc8-9a1e-2b8c9f3d4e5f, was '"
          + (value.length() <= 64 ? value : value.substring(0, 64) + "...") + "'");
    }
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
