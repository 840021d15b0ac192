package dev.hedgekit.posthog.query;

/**
 * How {@link Query#rows(String)} pages through a HogQL result. Immutable; {@code with...}
 * methods return changed copies.
 *
 * <pre>{@code
 * query.rows(sql, Map.of(), RowsOptions.defaults().withPageSize(10_000));
 * }</pre>
 */
public final class RowsOptions {

  /**
   * The most rows PostHog returns for one HogQL query (its {@code MAX_SELECT_RETURNED_ROWS}
   * in {@code posthog/hogql/constants.py}); a larger {@code LIMIT} is lowered to it silently.
   */
  public static final int MAX_PAGE_SIZE = 50_000;

  private static final RowsOptions DEFAULTS = new RowsOptions(MAX_PAGE_SIZE);

  private final int pageSize;

  private RowsOptions(int pageSize) {
    this.pageSize = pageSize;
  }

  /**
   * The defaults: pages of {@value #MAX_PAGE_SIZE} rows, the fewest requests PostHog allows.
   *
   * @return the default options
   */
  public static RowsOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Smaller pages hold less memory per page at the cost of more requests against the query
   * rate limit.
   *
   * @param rows rows per request, 1 to {@value #MAX_PAGE_SIZE}
   * @return a copy with this page size
   * @throws IllegalArgumentException if {@code rows} is out of range
   */
  public RowsOptions withPageSize(int rows) {
    if (rows < 1 || rows > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE
          + " (PostHog returns at most " + MAX_PAGE_SIZE + " rows per query), was " + rows
          + "; fix: RowsOptions.defaults().withPageSize(n) with n in that range");
    }
    return new RowsOptions(rows);
  }

  /** @return rows per request */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public String toString() {
    return "RowsOptions{pageSize=" + pageSize + "}";
  }
}
