package dev.hedgekit.posthog.pagination;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a PostHog list: its results and the links to the pages around it.
 * PostHog's links are absolute URLs (offset or cursor based); follow them with
 * {@link Pager} rather than by hand. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {

  private final List<T> results;
  private final String next;
  private final String previous;
  private final Long count;

  /**
   * Creates a page.
   *
   * @param results the items of this page (copied; null means none)
   * @param next the URL of the next page, or null on the last page
   * @param previous the URL of the previous page, or null on the first page
   * @param count the total number of items when PostHog reports it, or null
   */
  public Page(List<T> results, String next, String previous, Long count) {
    this.results = results == null ? List.of() : Collections.unmodifiableList(results);
    this.next = blankToNull(next);
    this.previous = blankToNull(previous);
    this.count = count;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** @return the items of this page, never null */
  public List<T> results() {
    return results;
  }

  /** @return the absolute URL of the next page, if any */
  public Optional<String> next() {
    return Optional.ofNullable(next);
  }

  /** @return the absolute URL of the previous page, if any */
  public Optional<String> previous() {
    return Optional.ofNullable(previous);
  }

  /** @return the total number of items across pages, when PostHog reports it */
  public OptionalLong count() {
    return count == null ? OptionalLong.empty() : OptionalLong.of(count);
  }

  /** @return whether there is a next page */
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public String toString() {
    return "Page{results=" + results.size() + ", count=" + count + ", hasNext=" + hasNext() + "}";
  }
}
