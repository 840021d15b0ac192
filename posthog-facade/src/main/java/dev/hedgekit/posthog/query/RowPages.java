package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Iterates the rows of a {@link HogQlWindow}, one page request at a time and only when the
 * previous page is used up, so at most one page is held. Not thread-safe (a stream is consumed
 * by one thread).
 *
 * <p>A page shorter than asked ends the rows, except a page of {@value #CAP_FLOOR} rows or more:
 * older PostHog versions capped a query at 10,000 rows instead of 50,000, and a page lowered
 * that way is indistinguishable from the last one, so the next page is asked for and an empty
 * answer ends the rows.
 */
final class RowPages implements Iterator<Row>, AutoCloseable {

  static final int CAP_FLOOR = 10_000;

  private final HogQlWindow window;
  private final int pageSize;
  private final Function<String, JsonNode> fetch;

  private long next;
  private boolean done;
  private Row.Columns columns;
  private JsonNode page;
  private int index;

  RowPages(HogQlWindow window, int pageSize, Function<String, JsonNode> fetch) {
    this.window = window;
    this.pageSize = pageSize;
    this.fetch = fetch;
    this.next = window.start;
    this.done = window.start >= window.end;
  }

  @Override
  public boolean hasNext() {
    while (page == null || index >= page.size()) {
      if (done) {
        return false;
      }
      load();
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows");
    }
    return new Row(columns, page.get(index++));
  }

  /** Ends the rows: nothing more is requested. */
  @Override
  public void close() {
    done = true;
    page = null;
  }

  private void load() {
    long want = Math.min(pageSize, window.end - next);
    page = null;
    index = 0;
    JsonNode response;
    try {
      response = fetch.apply(window.page(want, next));
    } catch (RuntimeException e) {
      done = true;
      throw e;
    }
    JsonNode results = response == null ? null : response.get("results");
    if (results == null || !results.isArray()) {
      done = true;
      throw new PostHogDecodeException("the HogQL response for rows " + next + " to "
          + (next + want) + " has no 'results' list", null, 200);
    }
    for (JsonNode row : results) {
      if (!row.isArray()) {
        done = true;
        throw new PostHogDecodeException("a row of the HogQL response for rows " + next + " to "
            + (next + want) + " is " + row.getNodeType() + ", not a list of values", null, 200);
      }
    }
    columns = new Row.Columns(names(response.get("columns")));
    page = results;
    int got = results.size();
    next += got;
    if (got == 0 || next >= window.end || (got < want && got < CAP_FLOOR)) {
      done = true;
    }
  }

  private static List<String> names(JsonNode columns) {
    List<String> out = new ArrayList<>();
    if (columns != null && columns.isArray()) {
      for (JsonNode c : columns) {
        out.add(c.asText());
      }
    }
    return out;
  }
}
