package dev.hedgekit.posthog.pagination;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.http.Transport;
import dev.hedgekit.posthog.json.Json;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a PostHog list, fetched lazily page by page: the first page when iteration
 * starts, each next page only when the items of the previous one are used up. Only the
 * current page is held in memory. Links are followed only on the client's own host, scheme
 * and port; a link anywhere else stops iteration with an {@link IllegalArgumentException}
 * before anything is sent.
 *
 * <p>Each call to {@link #iterator()}, {@link #stream()} or {@link #pages()} starts again
 * from the first page. A pager is not thread-safe while iterating; iterate it from one thread.
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {

  private final Supplier<Page<T>> first;
  private final Function<String, Page<T>> follow;

  /**
   * Creates a pager.
   *
   * @param first fetches the first page
   * @param follow fetches the page at an absolute URL
   */
  public Pager(Supplier<Page<T>> first, Function<String, Page<T>> follow) {
    this.first = first;
    this.follow = follow;
  }

  /**
   * A pager that follows {@code next} links through a client's transport, decoding each page
   * as {@code {count, next, previous, results: [itemType]}}.
   *
   * @param transport the client's transport
   * @param itemType the class of the items
   * @param first fetches the first page
   * @param <T> the item type
   * @return the pager
   */
  public static <T> Pager<T> of(Transport transport, Class<T> itemType, Supplier<Page<T>> first) {
    ObjectMapper mapper = Json.mapper();
    JavaType bodyType = mapper.getTypeFactory().constructParametricType(PageBody.class, itemType);
    return new Pager<>(first, url -> {
      Response r = transport.getLink(url);
      try (InputStream in = r.body().asInputStream()) {
        PageBody<T> body = mapper.readValue(in, bodyType);
        return body.toPage();
      } catch (IOException e) {
        throw new PostHogDecodeException("could not decode the page at " + pathOf(url) + ": "
            + e.getMessage(), e, r.status());
      }
    });
  }

  private static String pathOf(String url) {
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return slash < 0 ? url : url.substring(slash);
  }

  /**
   * Fetches the page at a link with this pager's link follower.
   *
   * @param url an absolute link from a previous page
   * @return the page
   */
  public Page<T> followLink(String url) {
    return follow.apply(url);
  }

  /** @return the pages, lazily; each started iteration fetches from the first page */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<Page<T>>() {
      private Page<T> current;
      private boolean started;

      @Override
      public boolean hasNext() {
        return !started || (current != null && current.hasNext());
      }

      private String lastUrl;

      @Override
      public Page<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more pages");
        }
        if (!started) {
          current = first.get();
        } else {
          String url = current.next().orElseThrow();
          if (url.equals(lastUrl)) {
            throw new IllegalStateException("PostHog returned the same next link twice: " + url);
          }
          lastUrl = url;
          current = follow.apply(url);
        }
        started = true;
        return current;
      }
    };
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<T>() {
      private Iterator<T> items = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          items = pages.next().results().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more items");
        }
        return items.next();
      }
    };
  }

  /** @return the items as a sequential, lazy stream */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED), false);
  }
}
