package dev.hedgekit.posthog.pagination;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The JSON shape of every paginated PostHog answer, used to decode the pages reached through
 * {@code next} links: {@code {count?, next, previous, results}}.
 */
final class PageBody<T> {

  final Long count;
  final String next;
  final String previous;
  final List<T> results;

  @JsonCreator
  PageBody(@JsonProperty("count") Long count, @JsonProperty("next") String next,
      @JsonProperty("previous") String previous, @JsonProperty("results") List<T> results) {
    this.count = count;
    this.next = next;
    this.previous = previous;
    this.results = results;
  }

  Page<T> toPage() {
    return new Page<>(results, next, previous, count);
  }
}
