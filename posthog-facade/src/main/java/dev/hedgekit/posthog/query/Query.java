package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.core.Sleeper;
import dev.hedgekit.posthog.errors.PostHogDecodeException;
import dev.hedgekit.posthog.errors.QueryFailedException;
import dev.hedgekit.posthog.errors.QueryTimeoutException;
import dev.hedgekit.posthog.generated.api.QueryApi;
import dev.hedgekit.posthog.generated.model.QueryRequest;
import dev.hedgekit.posthog.generated.model.QueryStatus;
import dev.hedgekit.posthog.generated.model.RefreshType;
import dev.hedgekit.posthog.json.Json;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The query API of one project: run HogQL and other query nodes, blocking or asynchronously
 * with polling, check and cancel running queries.
 *
 * <pre>{@code
 * Query query = client.query(42);
 * JsonNode rows = query.hogql("select event, count() from events group by event").get("results");
 *
 * // Long queries: start, then poll with backoff (250 ms doubling to 5 s, for at most 10 min).
 * Query.QueryRun run = query.start(Query.hogqlNode("select count() from events"));
 * JsonNode answer = query.await(run, Query.PollOptions.defaults().withTimeout(Duration.ofMinutes(2)));
 *
 * // Or as a future; cancelling it stops polling and cancels the query on PostHog.
 * CompletableFuture<JsonNode> f = query.runAsync(Query.hogqlNode("select ..."));
 * }</pre>
 *
 * <p>Answers are free-form JSON: a query's answer holds {@code results} and, depending on the
 * query kind, {@code columns}, {@code types}, {@code hogql} and more. A query PostHog estimates
 * would run too long fails with status 512, a
 * {@link dev.hedgekit.posthog.errors.ServerErrorException}.
 */
public final class Query extends Resource {

  /** The {@code kind} of a HogQL query node. */
  public static final String HOGQL_KIND = "HogQLQuery";

  private final String projectId;

  /**
   * @param client the client
   * @param projectId the project id
   */
  public Query(PostHogClient client, String projectId) {
    super(client);
    this.projectId = id(projectId, "projectId");
  }

  private QueryApi queries() {
    return api(QueryApi.class);
  }

  // ------------------------------------------------------------------ query nodes

  /**
   * The query node of a HogQL query: {@code {"kind": "HogQLQuery", "query": sql}}.
   *
   * @param sql the HogQL text
   * @return a new node, which the caller may extend (e.g. with {@code filters})
   */
  public static ObjectNode hogqlNode(String sql) {
    return hogqlNode(sql, Map.of());
  }

  /**
   * The query node of a HogQL query with placeholder values:
   * {@code {"kind": "HogQLQuery", "query": sql, "values": values}}. PostHog substitutes
   * {@code {name}} placeholders in the SQL with the values as constants, which is the safe way
   * to put caller input into a query.
   *
   * <pre>{@code
   * Query.hogqlNode("select count() from events where event = {event}", Map.of("event", name));
   * }</pre>
   *
   * @param sql the HogQL text
   * @param values placeholder values by name (strings, numbers, booleans, lists); empty for none
   * @return a new node
   */
  public static ObjectNode hogqlNode(String sql, Map<String, ?> values) {
    required(sql, "sql");
    required(values, "values");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("sql must not be blank");
    }
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("kind", HOGQL_KIND);
    node.put("query", sql);
    if (!values.isEmpty()) {
      node.set("values", Json.mapper().valueToTree(values));
    }
    return node;
  }

  // ------------------------------------------------------------------ blocking runs

  /**
   * Runs a HogQL query and waits for its answer ({@code refresh: blocking}). The wait is
   * bounded by the client's read and call timeouts; for long queries raise them with
   * {@link PostHogClient#withOptions} or use {@link #start(Object)} and {@link #await}.
   *
   * @param sql the HogQL text, e.g. {@code select event, count() from events group by event}
   * @return PostHog's answer: {@code results}, {@code columns}, {@code types}, ...
   * @throws dev.hedgekit.posthog.errors.BadRequestException if PostHog rejects the query (for
   *     example a syntax error)
   * @throws dev.hedgekit.posthog.errors.ServerErrorException with status 512 if PostHog
   *     estimates the query would run too long
   */
  public JsonNode hogql(String sql) {
    return run(hogqlNode(sql));
  }

  /**
   * Runs a HogQL query with placeholder values and waits for its answer; see
   * {@link #hogqlNode(String, Map)} and {@link #hogql(String)}.
   *
   * @param sql the HogQL text with {@code {name}} placeholders
   * @param values placeholder values by name
   * @return PostHog's answer
   */
  public JsonNode hogql(String sql, Map<String, ?> values) {
    return run(hogqlNode(sql, values));
  }

  /**
   * Runs any query node and waits for its answer ({@code refresh: blocking}).
   *
   * @param queryNode the query: a {@link JsonNode}, a {@code Map}, or any object Jackson
   *     writes as the node, e.g. {@code {"kind": "TrendsQuery", "series": [...]}}; a
   *     {@link QueryRequest} is sent as it is (see {@link #run(QueryRequest)})
   * @return PostHog's answer
   * @throws IllegalArgumentException if {@code queryNode} is text (use {@link #hogql(String)})
   */
  public JsonNode run(Object queryNode) {
    if (queryNode instanceof QueryRequest) {
      return run((QueryRequest) queryNode);
    }
    return run(new QueryRequest().query(node(queryNode)).refresh(RefreshType.BLOCKING));
  }

  /**
   * Sends a query request as it is and returns the answer. When the request's {@code refresh}
   * makes PostHog answer with a running query's status instead of results (an async mode),
   * this polls with {@link PollOptions#defaults()} until the query completes.
   *
   * @param request the request; its {@code query} is required
   * @return PostHog's answer (for a polled query, the results its status carried)
   * @throws QueryFailedException if PostHog reports that the query failed
   * @throws QueryTimeoutException if a polled query does not complete in time (it is cancelled)
   */
  public JsonNode run(QueryRequest request) {
    required(request, "request");
    required(request.getQuery(), "request.query");
    node(request.getQuery());
    String fallbackId = request.getClientQueryId();
    Snapshot s = Snapshot.ofAnswer(post(request), fallbackId);
    if (s.complete) {
      return s.result(fallbackId);
    }
    QueryRun run = new QueryRun(this, s.id);
    run.snapshot = s;
    return await(run, PollOptions.defaults());
  }

  // ------------------------------------------------------------------ async runs

  /**
   * Starts a query in PostHog's async mode ({@code refresh: async}) and returns at once with a
   * handle to poll. The SDK sets a random {@code client_query_id}, so the query's id is known
   * (and the query can be cancelled) even before PostHog answers. If PostHog already has fresh
   * results cached, the handle is complete from the start and {@link #await} returns them
   * without polling.
   *
   * @param queryNode the query node (see {@link #run(Object)}); a {@link QueryRequest} is
   *     started as by {@link #start(QueryRequest)}
   * @return the handle of the running query
   */
  public QueryRun start(Object queryNode) {
    if (queryNode instanceof QueryRequest) {
      return start((QueryRequest) queryNode);
    }
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
    submit(run, async);
    return run;
  }

  /**
   * Waits for a started query with the default polling ({@link PollOptions#defaults()}).
   *
   * @param run the handle returned by {@link #start(Object)}
   * @return the query's answer
   * @see #await(QueryRun, PollOptions)
   */
  public JsonNode await(QueryRun run) {
    return await(run, PollOptions.defaults());
  }

  /**
   * Polls a started query ({@code GET .../query/{id}/}) until it completes and returns its
   * answer (the {@code results} of its final status). Between polls it waits with the client's
   * {@link Sleeper}: first {@link PollOptions#initialDelay()}, then each wait multiplied by
   * {@link PollOptions#multiplier()} up to {@link PollOptions#maxDelay()}. No request is sent
   * if the handle is already complete.
   *
   * <p>The timeout bounds both the sum of the waits and the time since the call (on the
   * system's monotonic clock, so slow status requests count too; a test sleeper that returns
   * at once still reaches the timeout through the waits). The last wait is shortened so that
   * the waits add up to exactly the timeout, and one last status is requested after it. If the
   * query is still running then, this cancels it on PostHog ({@code DELETE .../query/{id}/})
   * and throws {@link QueryTimeoutException}; if that DELETE fails, its exception is attached
   * as suppressed.
   *
   * <p>If the waiting thread is interrupted, the query is cancelled on PostHog (the DELETE is
   * sent from the client's async executor), the interrupt flag is restored and a
   * {@link CancellationException} is thrown.
   *
   * @param run the handle returned by {@link #start(Object)} on a group of the same project
   * @param options the polling schedule and timeout
   * @return the query's answer
   * @throws QueryFailedException if PostHog reports that the query failed (with its
   *     {@code error_message})
   * @throws QueryTimeoutException if the query did not complete within the timeout
   * @throws CancellationException if the run was cancelled or the thread interrupted
   */
  public JsonNode await(QueryRun run, PollOptions options) {
    required(run, "run");
    required(options, "options");
    if (!run.owner.projectId.equals(projectId)) {
      throw new IllegalArgumentException("query " + run.id() + " runs in project "
          + run.owner.projectId + ", not in project " + projectId);
    }
    Sleeper sleeper = client.config().sleeper();
    long timeout = options.timeout().toNanos();
    long start = System.nanoTime();
    long waited = 0;
    long polls = 0;
    long delay = Math.min(options.initialDelay().toNanos(), options.maxDelay().toNanos());
    Snapshot s = run.snapshot;
    while (true) {
      if (run.isCancelled()) {
        throw new CancellationException("query " + run.id() + " was cancelled");
      }
      if (s.complete) {
        return s.result(run.id());
      }
      long remaining = timeout - waited;
      if (remaining <= 0 || System.nanoTime() - start >= timeout) {
        throw timedOut(run, options, polls);
      }
      long wait = Math.min(delay, remaining);
      try {
        sleeper.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        run.cancelInBackground();
        Thread.currentThread().interrupt();
        CancellationException ce = new CancellationException("interrupted while waiting for query "
            + run.id() + "; asked PostHog to cancel it");
        ce.initCause(e);
        throw ce;
      }
      waited += wait;
      if (run.isCancelled()) {
        throw new CancellationException("query " + run.id() + " was cancelled");
      }
      s = fetch(run.id());
      run.snapshot = s;
      polls++;
      delay = options.next(delay);
    }
  }

  private QueryTimeoutException timedOut(QueryRun run, PollOptions options, long polls) {
    QueryTimeoutException t = new QueryTimeoutException("query " + run.id()
        + " did not complete within " + options.timeout() + " (" + polls
        + " status request(s)); asked PostHog to cancel it", run.id(), polls);
    try {
      run.cancel();
    } catch (RuntimeException e) {
      t.addSuppressed(e);
    }
    return t;
  }

  /**
   * Runs a query asynchronously with the default polling; see
   * {@link #runAsync(QueryRequest, PollOptions)}.
   *
   * @param queryNode the query node (see {@link #run(Object)})
   * @return the future answer
   */
  public CompletableFuture<JsonNode> runAsync(Object queryNode) {
    return runAsync(queryNode, PollOptions.defaults());
  }

  /**
   * Runs a query asynchronously; see {@link #runAsync(QueryRequest, PollOptions)}.
   *
   * @param queryNode the query node (see {@link #run(Object)}); a {@link QueryRequest} is
   *     copied as by {@link #start(QueryRequest)}
   * @param options the polling schedule and timeout
   * @return the future answer
   */
  public CompletableFuture<JsonNode> runAsync(Object queryNode, PollOptions options) {
    if (queryNode instanceof QueryRequest) {
      return runAsync((QueryRequest) queryNode, options);
    }
    return runAsync(new QueryRequest().query(node(queryNode)), options);
  }

  /**
   * Starts the query and polls it to completion on the client's async executor
   * ({@link PostHogClient#async}), as {@link #start(QueryRequest)} and
   * {@link #await(QueryRun, PollOptions)} would. The future completes with the answer, or
   * exceptionally with the exception the blocking calls would throw.
   *
   * <p>Cancelling the future stops the polling at once and cancels the query on PostHog: the
   * DELETE is sent (once) from the async executor, whether the query was still being submitted
   * or already polled. If the cancellation races with the submission, the DELETE may be sent a
   * second time once PostHog has answered the submission; cancelling twice is harmless.
   *
   * @param request the request; its {@code query} is required
   * @param options the polling schedule and timeout
   * @return the future answer
   */
  public CompletableFuture<JsonNode> runAsync(QueryRequest request, PollOptions options) {
    QueryRequest async = asyncCopy(request);
    required(options, "options");
    QueryRun run = new QueryRun(this, async.getClientQueryId());
    QueryFuture future = new QueryFuture(run);
    CompletableFuture<JsonNode> work = client.async(c -> {
      submit(run, async);
      if (run.isCancelled()) {
        // The DELETE sent by cancel() may have reached PostHog before the query did.
        sendCancel(run.id());
        throw new CancellationException("query " + run.id() + " was cancelled");
      }
      return await(run, options);
    });
    future.work = work;
    work.whenComplete((value, error) -> {
      if (error == null) {
        future.complete(value);
      } else {
        future.completeExceptionally(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
      }
    });
    return future;
  }

  // ------------------------------------------------------------------ by id

  /**
   * The current status of a query ({@code GET .../query/{id}/}). A failed query is answered as
   * a status with {@code error} set and PostHog's {@code error_message}, not as an exception.
   * The status's {@code results}, when present, are a {@link JsonNode}.
   *
   * @param queryId the query's id
   * @return the status
   * @throws dev.hedgekit.posthog.errors.NotFoundException if PostHog knows no such query (ids
   *     expire some time after the query ends)
   */
  public QueryStatus status(String queryId) {
    return fetch(id(queryId, "queryId")).status;
  }

  /**
   * Cancels a running query ({@code DELETE .../query/{id}/}). Cancelling a query that already
   * ended is harmless.
   *
   * @param queryId the query's id
   */
  public void cancel(String queryId) {
    id(queryId, "queryId");
    run(() -> queries().queryDestroy(projectId, queryId));
  }

  /**
   * Asks PostHog AI to draft a HogQL query ({@code GET .../query/draft_sql/}). The curated spec
   * lists no parameters for this operation, so no prompt is sent.
   *
   * @return PostHog's answer
   */
  public JsonNode draftSql() {
    return call(() -> tree(queries().queryDraftSqlRetrieve(projectId)));
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

  private static Object node(Object queryNode) {
    required(queryNode, "queryNode");
    if (queryNode instanceof CharSequence) {
      throw new IllegalArgumentException("a query node is a JSON object such as"
          + " {\"kind\": \"HogQLQuery\", \"query\": \"...\"}, not text; for SQL use hogql(sql)");
    }
    return queryNode;
  }

  private static QueryRequest asyncCopy(QueryRequest request) {
    required(request, "request");
    required(request.getQuery(), "request.query");
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

  private void submit(QueryRun run, QueryRequest request) {
    Snapshot s = Snapshot.ofAnswer(post(request), request.getClientQueryId());
    run.id = s.id;
    run.snapshot = s;
  }

  /** POST .../query/ through the raw interface: the answer is read straight into a tree. */
  private JsonNode post(QueryRequest request) {
    return call(() -> {
      Response r = client.transport().raw().queryCreate(projectId, request);
      JsonNode answer = read(r);
      if (r.status() < 200 || r.status() > 299) {
        throw client.transport().errorOf(r);
      }
      if (answer == null) {
        throw new PostHogDecodeException("PostHog answered " + r.status()
            + " with an empty body to POST /api/projects/" + projectId + "/query/", null, r.status());
      }
      return answer;
    });
  }

  /**
   * GET .../query/{id}/ through the raw interface: PostHog answers a failed query's status with
   * a 4xx/5xx status code, and that status is what the caller wants to see.
   */
  private Snapshot fetch(String queryId) {
    return call(() -> {
      Response r = client.transport().raw().queryRetrieve(projectId, queryId);
      boolean ok = r.status() >= 200 && r.status() <= 299;
      JsonNode answer = ok ? read(r) : readQuietly(r);
      JsonNode qs = answer == null ? null : answer.get("query_status");
      if (qs != null && qs.isObject() && (ok || qs.path("error").asBoolean(false))) {
        return Snapshot.ofStatus((ObjectNode) qs, queryId, r.status());
      }
      if (!ok) {
        throw client.transport().errorOf(r);
      }
      throw new PostHogDecodeException("the answer to GET /api/projects/" + projectId + "/query/"
          + queryId + "/ has no query_status", null, r.status());
    });
  }

  private static JsonNode read(Response r) {
    if (r.body() == null) {
      return null;
    }
    try (InputStream in = r.body().asInputStream()) {
      JsonNode n = Json.mapper().readTree(in);
      return n == null || n.isMissingNode() ? null : n;
    } catch (IOException e) {
      throw new PostHogDecodeException("could not decode PostHog's answer (status " + r.status()
          + ") as JSON: " + e.getMessage(), e, r.status());
    }
  }

  private static JsonNode readQuietly(Response r) {
    try {
      return read(r);
    } catch (PostHogDecodeException e) {
      return null;
    }
  }

  private static JsonNode tree(Object value) {
    JsonNode n = Json.mapper().valueToTree(value);
    return n == null ? NullNode.getInstance() : n;
  }

  /** Sends a DELETE for the query on a fresh async call; failures are ignored. */
  private void sendCancel(String queryId) {
    try {
      client.async(c -> {
        cancel(queryId);
        return null;
      });
    } catch (RuntimeException e) {
      // The client was closed: there is nobody left to cancel for.
    }
  }

  /** What the last answer said about a query. */
  private static final class Snapshot {
    final String id;
    final QueryStatus status;
    final boolean complete;
    final boolean failed;
    final String errorMessage;
    final JsonNode result;

    private Snapshot(String id, QueryStatus status, boolean complete, boolean failed,
        String errorMessage, JsonNode result) {
      this.id = id;
      this.status = status;
      this.complete = complete;
      this.failed = failed;
      this.errorMessage = errorMessage;
      this.result = result;
    }

    /** From the answer to the POST: a status to poll, or the results themselves. */
    static Snapshot ofAnswer(JsonNode answer, String sentId) {
      JsonNode qs = answer.get("query_status");
      if (qs == null || !qs.isObject()) {
        return new Snapshot(sentId, null, true, false, null, answer);
      }
      JsonNode results = qs.get("results");
      Snapshot s = ofStatus((ObjectNode) qs, sentId, 200);
      if (s.complete && !s.failed && (results == null || results.isNull())) {
        // A cached answer whose results ride beside its (complete) status.
        return new Snapshot(s.id, s.status, true, false, null, answer);
      }
      return s;
    }

    /** From a {@code query_status} object; its results move to a JsonNode. */
    static Snapshot ofStatus(ObjectNode qs, String fallbackId, int httpStatus) {
      JsonNode results = qs.remove("results");
      QueryStatus status;
      try {
        status = Json.mapper().treeToValue(qs, QueryStatus.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new PostHogDecodeException("could not decode a query_status: " + e.getMessage(), e,
            httpStatus);
      }
      JsonNode result = results == null ? NullNode.getInstance() : results;
      status.setResults(results == null || results.isNull() ? null : results);
      String id = status.getId() != null && !status.getId().isEmpty() ? status.getId() : fallbackId;
      boolean failed = Boolean.TRUE.equals(status.getError());
      boolean complete = failed || Boolean.TRUE.equals(status.getComplete());
      return new Snapshot(id, status, complete, failed, status.getErrorMessage(), result);
    }

    JsonNode result(String queryId) {
      if (failed) {
        throw new QueryFailedException(id != null ? id : queryId, errorMessage);
      }
      return result;
    }
  }

  /**
   * The handle of a query started with {@link Query#start(Object)}: its id, what PostHog last
   * said about it, and the means to poll, wait for or cancel it. Thread-safe.
   */
  public static final class QueryRun {
    private final Query owner;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile String id;
    private volatile Snapshot snapshot;

    QueryRun(Query owner, String id) {
      this.owner = owner;
      this.id = id;
      this.snapshot = new Snapshot(id, null, false, false, null, null);
    }

    /** @return the query's id (its {@code client_query_id}), for {@link Query#status(String)} */
    public String id() {
      return id;
    }

    /** @return the project the query runs in */
    public String projectId() {
      return owner.projectId;
    }

    /**
     * The status from PostHog's last answer about this query, without a request. Empty when
     * PostHog answered the submission with results directly (cached results).
     *
     * @return the last known status
     */
    public Optional<QueryStatus> lastStatus() {
      return Optional.ofNullable(snapshot.status);
    }

    /** @return whether the last answer said the query has ended (successfully or not) */
    public boolean isComplete() {
      return snapshot.complete;
    }

    /**
     * Requests the current status ({@code GET .../query/{id}/}) and remembers it.
     *
     * @return the status
     */
    public QueryStatus status() {
      Snapshot s = owner.fetch(id);
      snapshot = s;
      return s.status;
    }

    /**
     * Waits for the query with the default polling; see {@link Query#await(QueryRun, PollOptions)}.
     *
     * @return the query's answer
     */
    public JsonNode await() {
      return owner.await(this, PollOptions.defaults());
    }

    /**
     * Waits for the query; see {@link Query#await(QueryRun, PollOptions)}.
     *
     * @param options the polling schedule and timeout
     * @return the query's answer
     */
    public JsonNode await(PollOptions options) {
      return owner.await(this, options);
    }

    /**
     * Cancels the query on PostHog ({@code DELETE .../query/{id}/}) and stops any
     * {@link Query#await} of this handle before its next request. Only the first call sends
     * the DELETE (use {@link Query#cancel(String)} to send it again).
     *
     * @return true if this call sent the DELETE, false if the run was already cancelled
     */
    public boolean cancel() {
      if (!cancelled.compareAndSet(false, true)) {
        return false;
      }
      owner.cancel(id);
      return true;
    }

    /** Like {@link #cancel()}, but the DELETE is sent from the client's async executor. */
    void cancelInBackground() {
      if (cancelled.compareAndSet(false, true)) {
        owner.sendCancel(id);
      }
    }

    /** @return whether {@link #cancel()} was called (or the run's future cancelled) */
    public boolean isCancelled() {
      return cancelled.get();
    }

    @Override
    public String toString() {
      Snapshot s = snapshot;
      return "QueryRun{id=" + id + ", projectId=" + owner.projectId + ", complete=" + s.complete
          + (s.failed ? ", failed" : "") + (cancelled.get() ? ", cancelled" : "") + "}";
    }
  }

  /** The future of {@link Query#runAsync}: cancelling it stops polling and cancels the query. */
  private static final class QueryFuture extends CompletableFuture<JsonNode> {
    private final QueryRun run;
    private volatile CompletableFuture<JsonNode> work;

    QueryFuture(QueryRun run) {
      this.run = run;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean done = super.cancel(mayInterruptIfRunning);
      if (done) {
        CompletableFuture<JsonNode> w = work;
        if (w != null) {
          w.cancel(true);
        }
        run.cancelInBackground();
      }
      return done;
    }
  }

  /**
   * How {@link Query#await(QueryRun, PollOptions)} polls: the first wait, how each wait grows,
   * the longest wait, and the overall timeout. Immutable; the {@code with...} methods return
   * changed copies.
   *
   * <pre>{@code
   * Query.PollOptions.defaults().withTimeout(Duration.ofMinutes(2)).withMaxDelay(Duration.ofSeconds(2));
   * }</pre>
   */
  public static final class PollOptions {
    private static final PollOptions DEFAULTS = new PollOptions(Duration.ofMillis(250), 2.0,
        Duration.ofSeconds(5), Duration.ofMinutes(10));

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final Duration timeout;

    private PollOptions(Duration initialDelay, double multiplier, Duration maxDelay,
        Duration timeout) {
      this.initialDelay = initialDelay;
      this.multiplier = multiplier;
      this.maxDelay = maxDelay;
      this.timeout = timeout;
    }

    /**
     * The defaults: first wait 250 ms, doubling up to 5 s, for at most 10 minutes.
     *
     * @return the default options
     */
    public static PollOptions defaults() {
      return DEFAULTS;
    }

    /**
     * @param delay the wait before the first status request, positive
     * @return a copy with this first wait
     */
    public PollOptions withInitialDelay(Duration delay) {
      return new PollOptions(positive(delay, "initialDelay"), multiplier, maxDelay, timeout);
    }

    /**
     * @param factor how much each wait grows over the previous one, at least 1 (1 = fixed)
     * @return a copy with this growth factor
     */
    public PollOptions withMultiplier(double factor) {
      if (!(factor >= 1.0) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + factor);
      }
      return new PollOptions(initialDelay, factor, maxDelay, timeout);
    }

    /**
     * @param delay the longest wait between two status requests, positive (it also caps the
     *     first wait)
     * @return a copy with this cap
     */
    public PollOptions withMaxDelay(Duration delay) {
      return new PollOptions(initialDelay, multiplier, positive(delay, "maxDelay"), timeout);
    }

    /**
     * @param limit how long to wait for the query before cancelling it, positive
     * @return a copy with this timeout
     */
    public PollOptions withTimeout(Duration limit) {
      return new PollOptions(initialDelay, multiplier, maxDelay, positive(limit, "timeout"));
    }

    /** @return the wait before the first status request */
    public Duration initialDelay() {
      return initialDelay;
    }

    /** @return how much each wait grows over the previous one */
    public double multiplier() {
      return multiplier;
    }

    /** @return the longest wait between two status requests */
    public Duration maxDelay() {
      return maxDelay;
    }

    /** @return how long to wait for the query before cancelling it */
    public Duration timeout() {
      return timeout;
    }

    /** The wait after one of {@code nanos}. */
    long next(long nanos) {
      double grown = nanos * multiplier;
      long cap = maxDelay.toNanos();
      return grown >= cap ? cap : (long) grown;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    @Override
    public String toString() {
      return "PollOptions{initialDelay=" + initialDelay + ", multiplier=" + multiplier
          + ", maxDelay=" + maxDelay + ", timeout=" + timeout + "}";
    }
  }
}
