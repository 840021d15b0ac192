package dev.hedgekit.posthog.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.generated.support.Paginated;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a PostHog list: its results, the links to the pages around it, the total count
 * when PostHog gives one, and any other field of the page envelope. PostHog's links are
 * absolute URLs (offset or cursor based); follow them with {@link Pager} rather than by hand.
 * Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {

  private final List<T> results;
  private final String next;
  private final String previous;
  private final Long count;
  private final Map<String, JsonNode> extra;

  private Page(List<T> results, String next, String previous, Long count,
      Map<String, JsonNode> extra) {
    this.results = results == null ? List.of() : Collections.unmodifiableList(results);
    this.next = blankToNull(next);
    this.previous = blankToNull(previous);
    this.count = count;
    this.extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /**
   * The page a generated page model holds.
   *
   * @param page the decoded page
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(Paginated<T> page) {
    return new Page<>(page.getResults(), page.getNext(), page.getPrevious(), page.getCount(),
        page.additionalProperties());
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

  /**
   * Fields of the page envelope besides {@code results}, {@code next}, {@code previous} and
   * {@code count} (PostHog adds some per list, for example {@code has_next}).
   *
   * @return the fields by name, never null
   */
  public Map<String, JsonNode> extraFields() {
    return extra;
  }

  @Override
  public String toString() {
    return "Page{results=" + results.size() + ", count=" + count + ", hasNext=" + hasNext() + "}";
  }
}
