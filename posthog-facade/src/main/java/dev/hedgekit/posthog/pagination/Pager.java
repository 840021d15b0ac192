package dev.hedgekit.posthog.pagination;

import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.generated.support.Paginated;
import dev.hedgekit.posthog.internal.http.Urls;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a PostHog list, fetched lazily page by page: the first page when iteration
 * starts, each next page only when the items of the previous one are used up. Only the current
 * page is held in memory. Links are followed only on the client's own scheme, host, port and
 * base path; a link anywhere else, a link already visited (PostHog sending a loop), or more than
 * {@value #MAX_EMPTY_PAGES} empty pages in a row stop iteration with an exception before
 * anything more is sent.
 *
 * <p>Each call to {@link #iterator()}, {@link #stream()} or {@link #pages()} starts again from
 * the first page. A pager is not thread-safe while iterating; iterate it from one thread.
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {

  /** Most empty pages in a row that are followed before iteration stops. */
  public static final int MAX_EMPTY_PAGES = 20;

  private final Supplier<? extends Paginated<T>> first;
  private final Function<String, ? extends Paginated<T>> follow;

  /**
   * Creates a pager; the SDK's resource groups make them.
   *
   * @param first fetches the first page
   * @param follow fetches the page at an absolute link (after checking where it points)
   */
  public Pager(Supplier<? extends Paginated<T>> first,
      Function<String, ? extends Paginated<T>> follow) {
    this.first = first;
    this.follow = follow;
  }

  /** @return the pages, lazily; each started iteration fetches from the first page */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<Page<T>>() {
      private Page<T> current;
      private boolean started;
      private int emptyRun;
      private final Set<String> visited = new HashSet<>();

      @Override
      public boolean hasNext() {
        return !started || (current != null && current.hasNext());
      }

      @Override
      public Page<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more pages");
        }
        if (!started) {
          current = Page.of(first.get());
        } else {
          String url = current.next().orElseThrow();
          if (!visited.add(url)) {
            throw new PostHogException("PostHog's next link leads back to a page already"
                + " fetched (" + Urls.pathOf(url) + "); stopped to avoid a loop", null);
          }
          current = Page.of(follow.apply(url));
        }
        started = true;
        emptyRun = current.results().isEmpty() ? emptyRun + 1 : 0;
        if (emptyRun > MAX_EMPTY_PAGES && current.hasNext()) {
          throw new PostHogException("PostHog sent " + emptyRun + " empty pages in a row, each"
              + " with a next link; stopped", null);
        }
        return current;
      }
    };
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<T>() {
      private Iterator<T> items = Collections.emptyIterator();

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
