package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.errors.PostHogApiException;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.QueryFailedException;
import dev.hedgekit.posthog.errors.QueryTimeoutException;
import dev.hedgekit.posthog.generated.api.QueryApi;
import dev.hedgekit.posthog.generated.model.DraftSqlResponse;
import dev.hedgekit.posthog.generated.model.QueryCancelResponse;
import dev.hedgekit.posthog.generated.model.QueryRequest;
import dev.hedgekit.posthog.generated.model.QueryStatus;
import dev.hedgekit.posthog.generated.model.QueryStatusResponse;
import dev.hedgekit.posthog.generated.model.RefreshType;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.resources.Resource;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The query API of one project: run HogQL and other query nodes, blocking or asynchronously
 * with polling; check and cancel running queries.
 *
 * <pre>{@code
 * Query query = client.project(42).query();
 * JsonNode answer = query.hogql("select event, count() from events group by event");
 *
 * // Long queries: start, then poll with backoff (250 ms doubling to 5 s, for at most 10 min).
 * QueryRun run = query.start(QueryNodes.hogql("select count() from events"));
 * JsonNode results = query.await(run, PollOptions.defaults().withTimeout(Duration.ofMinutes(2)));
 *
 * // Or as a future; cancelling it stops polling and cancels the query on PostHog.
 * CompletableFuture<JsonNode> f = query.runAsync(QueryNodes.hogql("select ..."));
 * }</pre>
 *
 * <p>Responses are free-form JSON: a query's response holds {@code results} and, depending on
 * its kind, {@code columns}, {@code types}, {@code hogql} and more. A query PostHog estimates
 * would run too long fails with status 512, a
 * {@link dev.hedgekit.posthog.errors.ServerErrorException}.
 */
public final class Query extends Resource {

  private final String projectId;
  private final Poller poller;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Query(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
    this.poller = new Poller(context.config().sleeper());
  }

  private QueryApi queries() {
    return api(QueryApi.class);
  }

  /**
   * Runs a HogQL query and waits for its response ({@code refresh: blocking}). The wait is
   * bounded by the client's read and call timeouts; for long queries raise them with
   * {@code withOptions}, or use {@link #start} and {@link #await}.
   *
   * @param sql the HogQL text, e.g. {@code select event, count() from events group by event}
   * @return PostHog's response: {@code results}, {@code columns}, {@code types}, ...
   * @throws dev.hedgekit.posthog.errors.BadRequestException if PostHog rejects the query
   */
  public JsonNode hogql(String sql) {
    return run(QueryNodes.hogql(sql));
  }

  /**
   * Runs a HogQL query with placeholder values; see {@link QueryNodes#hogql(String, Map)}.
   *
   * @param sql the HogQL text with {@code {name}} placeholders
   * @param values placeholder values by name
   * @return PostHog's response
   */
  public JsonNode hogql(String sql, Map<String, ?> values) {
    return run(QueryNodes.hogql(sql, values));
  }

  /**
   * Streams every row of a HogQL statement, however many: the rows are fetched page by page
   * ({@link RowsOptions#MAX_PAGE_SIZE} rows per request by default) as the stream is consumed,
   * so memory holds one page at a time. Each page is one query request, paced by the client's
   * rate limits like any other call. Nothing is sent before the first row is needed.
   *
   * <p>PostHog returns at most 50,000 rows for one HogQL statement and has no paging fields for
   * it, so pages are made by ending the statement with {@code LIMIT n OFFSET m}. A trailing
   * {@code LIMIT}/{@code OFFSET} of the caller's is honoured as the window of rows wanted;
   * other top-level limits are refused before anything is sent. Give the statement an
   * {@code ORDER BY} that orders rows completely (for events, {@code timestamp} and
   * {@code uuid}); without one, rows may repeat or go missing between pages.
   *
   * <p>Close the stream (try-with-resources) to stop early; a failed page request ends the
   * stream with its {@link dev.hedgekit.posthog.errors.PostHogException}.
   *
   * <pre>{@code
   * try (Stream<Row> rows = query.rows("select uuid, event, timestamp from events"
   *     + " where timestamp > now() - interval 1 day order by timestamp, uuid")) {
   *   rows.forEach(r -> out.println(r.get("event").asText()));
   * }
   * }</pre>
   *
   * @param sql the HogQL statement
   * @return the rows, lazily
   * @throws IllegalArgumentException if {@code sql} is blank or has a top-level limit that
   *     cannot be paged
   */
  public Stream<Row> rows(String sql) {
    return rows(sql, Map.of(), RowsOptions.defaults());
  }

  /**
   * {@link #rows(String)} with placeholder values; see {@link QueryNodes#hogql(String, Map)}.
   *
   * @param sql the HogQL statement with {@code {name}} placeholders
   * @param values placeholder values by name
   * @return the rows, lazily
   */
  public Stream<Row> rows(String sql, Map<String, ?> values) {
    return rows(sql, values, RowsOptions.defaults());
  }

  /**
   * {@link #rows(String)} with placeholder values and paging options.
   *
   * @param sql the HogQL statement with {@code {name}} placeholders
   * @param values placeholder values by name; empty for none
   * @param options the page size
   * @return the rows, lazily
   */
  public Stream<Row> rows(String sql, Map<String, ?> values, RowsOptions options) {
    required(options, "options");
    QueryNodes.hogql(sql, values);
    HogQlWindow window = HogQlWindow.of(sql);
    Map<String, ?> placeholders = Map.copyOf(values);
    RowPages pages = new RowPages(window, options.pageSize(),
        pageSql -> run(QueryNodes.hogql(pageSql, placeholders)));
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(pages::close);
  }

  /**
   * {@link #rows(String)} as records: each record component takes the column of the same name
   * (compared without case and underscores, so {@code person_id} fills {@code personId});
   * other columns are ignored.
   *
   * <pre>{@code
   * record EventCount(String event, long n) {}
   * try (Stream<EventCount> rows = query.rows(
   *     "select event, count() as n from events group by event order by n desc, event",
   *     EventCount.class)) { ... }
   * }</pre>
   *
   * @param sql the HogQL statement
   * @param rowType a public record type
   * @param <R> the record type
   * @return the records, lazily
   * @throws IllegalArgumentException (from the stream) if a component has no column
   * @throws dev.hedgekit.posthog.errors.PostHogDecodeException (from the stream) if a value
   *     does not fit its component
   */
  public <R extends Record> Stream<R> rows(String sql, Class<R> rowType) {
    return rows(sql, Map.of(), rowType, RowsOptions.defaults());
  }

  /**
   * {@link #rows(String, Class)} with placeholder values.
   *
   * @param sql the HogQL statement with {@code {name}} placeholders
   * @param values placeholder values by name
   * @param rowType a public record type
   * @param <R> the record type
   * @return the records, lazily
   */
  public <R extends Record> Stream<R> rows(String sql, Map<String, ?> values, Class<R> rowType) {
    return rows(sql, values, rowType, RowsOptions.defaults());
  }

  /**
   * {@link #rows(String, Class)} with placeholder values and paging options.
   *
   * @param sql the HogQL statement with {@code {name}} placeholders
   * @param values placeholder values by name; empty for none
   * @param rowType a public record type
   * @param options the page size
   * @param <R> the record type
   * @return the records, lazily
   */
  public <R extends Record> Stream<R> rows(String sql, Map<String, ?> values, Class<R> rowType,
      RowsOptions options) {
    RecordRows<R> mapping = new RecordRows<>(rowType);
    return rows(sql, values, options).map(mapping);
  }

  /**
   * Runs any query node and waits for its response ({@code refresh: blocking}).
   *
   * @param queryNode the node, e.g. {@code {"kind": "TrendsQuery", "series": [...]}}
   * @return PostHog's response
   */
  public JsonNode run(JsonNode queryNode) {
    return run(new QueryRequest().query(node(queryNode)).refresh(RefreshType.BLOCKING));
  }

  /**
   * Sends a query request as it is. When its {@code refresh} makes PostHog respond with a
   * running query's status instead of results (an async mode), this polls with
   * {@link PollOptions#defaults()} until the query completes.
   *
   * @param request the request; its {@code query} is required
   * @return PostHog's response (for a polled query, the results its status carried)
   * @throws QueryFailedException if PostHog reports that the query failed
   * @throws QueryTimeoutException if a polled query does not complete in time (it is cancelled)
   */
  public JsonNode run(QueryRequest request) {
    required(request, "request");
    node(request.getQuery());
    String sentId = request.getClientQueryId();
    Snapshot s = Snapshot.ofSubmission(post(request), sentId);
    if (s.complete) {
      return s.result(sentId);
    }
    QueryRun run = new QueryRun(this, s.id);
    run.update(s);
    return await(run, PollOptions.defaults());
  }

  /**
   * Starts a query in PostHog's async mode ({@code refresh: async}) and returns at once with a
   * handle to poll. The SDK sets a random {@code client_query_id}, so the query's id is known
   * (and it can be cancelled) before PostHog responds.
   *
   * @param queryNode the query node
   * @return the handle of the running query
   */
  public QueryRun start(JsonNode queryNode) {
    return start(new QueryRequest().query(node(queryNode)));
  }

  /**
   * Starts a query request asynchronously. The request is copied, not changed: when it has no
   * {@code refresh} the copy uses {@code async}, and when it has no {@code client_query_id} the
   * copy gets a random one.
   *
   * @param request the request; its {@code query} is required
   * @return the handle of the running query
   */
  public QueryRun start(QueryRequest request) {
    QueryRequest async = asyncCopy(request);
    QueryRun run = new QueryRun(this, async.getClientQueryId());
    run.update(Snapshot.ofSubmission(post(async), async.getClientQueryId()));
    return run;
  }

  /**
   * Waits for a started query with {@link PollOptions#defaults()}.
   *
   * @param run the handle returned by {@link #start}
   * @return the query's results
   */
  public JsonNode await(QueryRun run) {
    return await(run, PollOptions.defaults());
  }

  /**
   * Polls a started query ({@code GET .../query/{id}/}) until it completes and returns its
   * results. The timeout bounds both the sum of the waits and the time since the call; the last
   * wait is shortened to end at the timeout, and one last status is asked for then. If the
   * query is still running, it is cancelled on PostHog and {@link QueryTimeoutException} is
   * thrown. If the waiting thread is interrupted, the query is cancelled (from the async
   * executor), the interrupt flag is restored and {@link CancellationException} is thrown.
   *
   * @param run the handle returned by {@link #start} on a group of the same project
   * @param options the polling schedule and timeout
   * @return the query's results
   * @throws QueryFailedException if PostHog reports that the query failed
   * @throws QueryTimeoutException if the query did not complete within the timeout
   * @throws CancellationException if the run was cancelled or the thread interrupted
   */
  public JsonNode await(QueryRun run, PollOptions options) {
    required(run, "run");
    required(options, "options");
    if (!run.projectId().equals(projectId)) {
      throw new IllegalArgumentException("query " + run.id() + " runs in project "
          + run.projectId() + ", not in project " + projectId);
    }
    return poller.await(run, options);
  }

  /**
   * Runs a query node asynchronously with {@link PollOptions#defaults()}.
   *
   * @param queryNode the query node
   * @return the future results
   */
  public CompletableFuture<JsonNode> runAsync(JsonNode queryNode) {
    return runAsync(new QueryRequest().query(node(queryNode)), PollOptions.defaults());
  }

  /**
   * Runs a query node asynchronously.
   *
   * @param queryNode the query node
   * @param options the polling schedule and timeout
   * @return the future results
   */
  public CompletableFuture<JsonNode> runAsync(JsonNode queryNode, PollOptions options) {
    return runAsync(new QueryRequest().query(node(queryNode)), options);
  }

  /**
   * Starts the query and polls it to completion on the client's async executor, as
   * {@link #start(QueryRequest)} and {@link #await(QueryRun, PollOptions)} would. Cancelling
   * the future stops the polling and cancels the query on PostHog (the DELETE is sent from the
   * async executor; if the cancellation races with the submission it may be sent twice, which
   * is harmless).
   *
   * @param request the request; its {@code query} is required
   * @param options the polling schedule and timeout
   * @return the future results
   */
  public CompletableFuture<JsonNode> runAsync(QueryRequest request, PollOptions options) {
    QueryRequest async = asyncCopy(request);
    required(options, "options");
    QueryRun run = new QueryRun(this, async.getClientQueryId());
    QueryFuture future = new QueryFuture(run);
    future.track(context.async(() -> {
      run.update(Snapshot.ofSubmission(post(async), async.getClientQueryId()));
      if (run.isCancelled()) {
        // The DELETE sent by cancel() may have reached PostHog before the query did.
        cancelLater(run.id());
        throw new CancellationException("query " + run.id() + " was cancelled");
      }
      return poller.await(run, options);
    }));
    return future;
  }

  /**
   * The current status of a query ({@code GET .../query/{id}/}). A failed query is returned as
   * a status with {@code error} set and PostHog's {@code error_message}, not as an exception.
   *
   * @param queryId the query's id
   * @return the status
   * @throws dev.hedgekit.posthog.errors.NotFoundException if PostHog knows no such query
   */
  public QueryStatus status(String queryId) {
    return fetch(id(queryId, "queryId")).status;
  }

  /**
   * Cancels a running query ({@code DELETE .../query/{id}/}); harmless for a query that ended.
   *
   * @param queryId the query's id
   * @return PostHog's answer (a {@code message}; empty when PostHog answers 204)
   */
  public QueryCancelResponse cancel(String queryId) {
    return queries().queryDestroy(projectId, id(queryId, "queryId"), (Boolean) null);
  }

  /**
   * Asks PostHog AI to draft a HogQL query from a description
   * ({@code GET .../query/draft_sql/}).
   *
   * @param prompt what the query should answer, in plain words
   * @return the drafted query ({@code sql})
   */
  public DraftSqlResponse draftSql(String prompt) {
    return queries().queryDraftSqlRetrieve(projectId, id(prompt, "prompt"), null);
  }

  /**
   * Asks PostHog AI to change a HogQL query as described.
   *
   * @param prompt the change, in plain words
   * @param currentQuery the query to start from
   * @return the drafted query ({@code sql})
   */
  public DraftSqlResponse draftSql(String prompt, String currentQuery) {
    return queries().queryDraftSqlRetrieve(projectId, id(prompt, "prompt"),
        id(currentQuery, "currentQuery"));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Query{projectId=" + projectId + "}";
  }

  // ------------------------------------------------------------------ internals

  private static JsonNode node(JsonNode queryNode) {
    required(queryNode, "queryNode");
    if (!queryNode.isObject()) {
      throw new IllegalArgumentException("a query node is a JSON object such as"
          + " {\"kind\": \"HogQLQuery\", \"query\": \"...\"}, not " + queryNode.getNodeType()
          + "; for SQL use hogql(sql)");
    }
    return queryNode;
  }

  private static QueryRequest asyncCopy(QueryRequest request) {
    required(request, "request");
    node(request.getQuery());
    return new QueryRequest()
        .query(request.getQuery())
        .refresh(request.getRefresh() != null ? request.getRefresh() : RefreshType.ASYNC)
        .clientQueryId(request.getClientQueryId() != null
            ? request.getClientQueryId() : UUID.randomUUID().toString())
        .name(request.getName())
        .filtersOverride(request.getFiltersOverride())
        .variablesOverride(request.getVariablesOverride())
        .async(request.getAsync());
  }

  private JsonNode post(QueryRequest request) {
    JsonNode response = queries().queryCreate(projectId, request);
    if (response == null || !response.isObject()) {
      throw new PostHogDecodeException("PostHog's response to POST /api/projects/" + projectId
          + "/query/ is not a JSON object", null, 200);
    }
    return response;
  }

  /**
   * {@code GET .../query/{id}/}. PostHog reports a failed query's status with a 4xx or 5xx
   * code; that status is what the caller wants to see, not the error.
   */
  Snapshot fetch(String queryId) {
    QueryStatus status;
    try {
      QueryStatusResponse r = queries().queryRetrieve(projectId, queryId, (Boolean) null);
      status = r == null ? null : r.getQueryStatus();
    } catch (PostHogApiException e) {
      status = Statuses.ofFailure(e);
      if (status == null) {
        throw e;
      }
    }
    if (status == null) {
      throw new PostHogDecodeException("the response to GET /api/projects/" + projectId
          + "/query/" + queryId + "/ has no query_status", null, 200);
    }
    return Snapshot.ofStatus(status, queryId);
  }

  /** Sends a DELETE for the query from the async executor; failures are ignored. */
  void cancelLater(String queryId) {
    try {
      context.async(() -> {
        cancel(queryId);
        return null;
      });
    } catch (RuntimeException e) {
      // the client is closed: there is nobody left to cancel for
    }
  }
}
