package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.InsightsApi;
import dev.hedgekit.posthog.generated.api.InsightsApi.InsightsListQuery;
import dev.hedgekit.posthog.generated.api.InsightsApi.InsightsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.Funnel;
import dev.hedgekit.posthog.generated.model.Insight;
import dev.hedgekit.posthog.generated.model.InsightCancelRequest;
import dev.hedgekit.posthog.generated.model.LegacyInsightResult;
import dev.hedgekit.posthog.generated.model.PatchedInsight;
import dev.hedgekit.posthog.generated.model.SharingConfiguration;
import dev.hedgekit.posthog.generated.model.Trend;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;

/**
 * Insights of one project: list, read (with results), create, change, soft delete, and the
 * insight's related views (activity, sharing, recently viewed). An insight is read and changed
 * by its numeric id or its 8-character short id.
 *
 * <p>The legacy calculation endpoints ({@code trend}, {@code funnel}, {@code retention},
 * {@code path}, {@code funnel/correlation}) are kept for old callers: PostHog has removed most
 * of them and can switch the rest off per organization. New code runs the same calculations
 * through the query API, with the nodes of {@link dev.hedgekit.posthog.query.InsightQueries}.
 *
 * <pre>{@code
 * Insights insights = client.insights(42);
 * Insight pageviews = insights.create(new Insight().name("Pageviews").query(trendsQuery));
 * Insight fresh = insights.get(pageviews.getShortId(), new InsightsRetrieveQuery().refresh("blocking"));
 * insights.delete(pageviews.getId());                      // soft delete
 * }</pre>
 */
public final class Insights extends Resource {

  /** Leaves PostHog's {@code format} query parameter out, so answers come as JSON. */
  private static final String DEFAULT_FORMAT = null;

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Insights(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private InsightsApi insights() {
    return api(InsightsApi.class);
  }

  /** @return the first page of insights (PostHog's default page size) */
  public Page<Insight> list() {
    return list(new InsightsListQuery());
  }

  /**
   * One page of insights.
   *
   * @param query filters and paging ({@code basic}, {@code created_by}, {@code short_id},
   *     {@code refresh}, {@code limit}, {@code offset})
   * @return the page
   */
  public Page<Insight> list(InsightsListQuery query) {
    required(query, "query");
    return Page.of(insights().insightsList(projectId, query));
  }

  /** @return every insight, fetched lazily page by page */
  public Pager<Insight> listAll() {
    return listAll(new InsightsListQuery());
  }

  /**
   * Every insight matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Insight> listAll(InsightsListQuery query) {
    required(query, "query");
    return pager(() -> insights().insightsList(projectId, query));
  }


  /**
   * @param id the insight's numeric id
   * @return the insight, with its cached results
   */
  public Insight get(long id) {
    return get(Long.toString(id));
  }

  /**
   * @param id the insight's numeric id or short id
   * @return the insight, with its cached results
   */
  public Insight get(String id) {
    return get(id, new InsightsRetrieveQuery());
  }

  /**
   * Reads an insight, choosing how its results are computed.
   *
   * @param id the insight's numeric id
   * @param query {@code refresh} (e.g. {@code blocking}, {@code force_cache}),
   *     {@code from_dashboard} (the dashboard whose filters apply), overrides
   * @return the insight, with its results
   */
  public Insight get(long id, InsightsRetrieveQuery query) {
    return get(Long.toString(id), query);
  }

  /**
   * Reads an insight, choosing how its results are computed.
   *
   * @param id the insight's numeric id or short id
   * @param query {@code refresh} (e.g. {@code blocking}, {@code force_cache}),
   *     {@code from_dashboard} (the dashboard whose filters apply), overrides
   * @return the insight, with its results
   */
  public Insight get(String id, InsightsRetrieveQuery query) {
    id(id, "id");
    required(query, "query");
    return insights().insightsRetrieve(projectId, id, query);
  }

  /**
   * Creates an insight. What it computes goes in {@code query} (a query API node such as an
   * {@code InsightVizNode}); {@code saved} makes it appear in the saved insights list.
   *
   * @param insight the new insight
   * @return the created insight, with its id and short id
   */
  public Insight create(Insight insight) {
    required(insight, "insight");
    return insights().insightsCreate(projectId, DEFAULT_FORMAT, insight);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the insight's id
   * @param patch the fields to change
   * @return the insight after the change
   */
  public Insight update(long id, PatchedInsight patch) {
    return update(Long.toString(id), patch);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the insight's numeric id or short id
   * @param patch the fields to change
   * @return the insight after the change
   */
  public Insight update(String id, PatchedInsight patch) {
    id(id, "id");
    required(patch, "patch");
    return insights().insightsPartialUpdate(projectId, id, DEFAULT_FORMAT, patch);
  }

  /**
   * Replaces the insight (PUT): fields not set in {@code insight} are reset by PostHog.
   *
   * @param id the insight's id
   * @param insight the full new state
   * @return the insight after the change
   */
  public Insight replace(long id, Insight insight) {
    return replace(Long.toString(id), insight);
  }

  /**
   * Replaces the insight (PUT): fields not set in {@code insight} are reset by PostHog.
   *
   * @param id the insight's numeric id or short id
   * @param insight the full new state
   * @return the insight after the change
   */
  public Insight replace(String id, Insight insight) {
    id(id, "id");
    required(insight, "insight");
    return insights().insightsUpdate(projectId, id, DEFAULT_FORMAT, insight);
  }

  /**
   * Soft deletes the insight: PostHog does not allow a hard delete of insights (the DELETE
   * answers 405), so this sends a PATCH setting {@code deleted} to true. The insight
   * disappears from lists and from the dashboards it was on.
   *
   * @param id the insight's id
   * @return the insight as PostHog answered the PATCH
   */
  public Insight delete(long id) {
    return update(id, new PatchedInsight().deleted(true));
  }

  /**
   * Soft deletes the insight (PATCH setting {@code deleted} to true); see {@link #delete(long)}.
   *
   * @param id the insight's numeric id or short id
   * @return the insight as PostHog answered the PATCH
   */
  public Insight delete(String id) {
    return update(id, new PatchedInsight().deleted(true));
  }

  /** @return the first page of the project's insight activity log (changes to any insight) */
  public Page<ActivityLogEntry> activity() {
    return Page.of(insights().insightsActivityRetrieve(projectId, DEFAULT_FORMAT, null, null));
  }

  /** @return every entry of the project's insight activity log, fetched lazily */
  public Pager<ActivityLogEntry> activityAll() {
    return pager(() -> insights().insightsActivityRetrieve(projectId, DEFAULT_FORMAT, null,
        null));
  }

  /**
   * @param id the insight's numeric id
   * @return the first page of the activity log of one insight
   */
  public Page<ActivityLogEntry> activity(long id) {
    return Page.of(insights().insightsActivityRetrieve2(projectId, id, DEFAULT_FORMAT, null,
        null));
  }

  /**
   * @param id the insight's numeric id
   * @return every entry of the activity log of one insight, fetched lazily
   */
  public Pager<ActivityLogEntry> activityAll(long id) {
    return pager(() -> insights().insightsActivityRetrieve2(projectId, id, DEFAULT_FORMAT, null,
        null));
  }

  /** @return the insights the key's user viewed most recently (at most 5, newest first) */
  public List<Insight> myLastViewed() {
    return insights().insightsMyLastViewedRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * @param insightId the insight's numeric id
   * @return the insight's public sharing settings
   */
  public SharingConfiguration sharing(long insightId) {
    return insights().insightsSharingList(projectId, insightId);
  }

  /**
   * Cancels a running insight or query calculation.
   *
   * @param clientQueryId the {@code client_query_id} the calculation was started with
   */
  public void cancel(String clientQueryId) {
    text(clientQueryId, "clientQueryId");
    insights().insightsCancelCreate(projectId,
        new InsightCancelRequest().clientQueryId(clientQueryId), DEFAULT_FORMAT);
  }

  /**
   * Reports how long an insight took to load (PostHog's own telemetry; PostHog leaves the
   * route out of its published schema and answers 201 without a body).
   *
   * @param report the timing data, free-form
   */
  public void timing(JsonNode report) {
    required(report, "report");
    insights().insightsTimingCreate(projectId, DEFAULT_FORMAT, report);
  }

  /**
   * Finds events and properties correlated with converting, for a funnel given in the body
   * (legacy filters).
   *
   * @param insight the funnel (its {@code filters})
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with a FunnelCorrelationQuery.
   */
  @Deprecated
  public JsonNode funnelCorrelation(Insight insight) {
    required(insight, "insight");
    return 
        insights().insightsFunnelCorrelationCreate(projectId, DEFAULT_FORMAT, insight);
  }

  /**
   * Finds events and properties correlated with converting, for a funnel given in the query
   * string (legacy filters; PostHog reads them from the request).
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with a FunnelCorrelationQuery.
   */
  @Deprecated
  public JsonNode funnelCorrelation() {
    return insights().insightsFunnelCorrelationRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * Computes a trend from legacy filters given in the body. No insight is saved.
   *
   * @param trend the filters
   * @return PostHog's answer: the series under {@code result}
   * @deprecated PostHog still serves this legacy route (outside its published schema) but can
   *     switch it off per organization (403). Use instead: POST
   *     /api/projects/{project_id}/query/ with a TrendsQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#trends}).
   */
  @Deprecated
  public LegacyInsightResult trend(Trend trend) {
    required(trend, "trend");
    return insights().trends(projectId, DEFAULT_FORMAT, trend);
  }

  /**
   * Computes a trend from legacy filters in the query string.
   *
   * @return PostHog's answer
   * @deprecated PostHog still serves this legacy route (outside its published schema) but can
   *     switch it off per organization (403). Use instead: POST
   *     /api/projects/{project_id}/query/ with a TrendsQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#trends}).
   */
  @Deprecated
  public LegacyInsightResult trend() {
    return insights().insightsTrendRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * Computes funnel steps from legacy filters given in the body. No insight is saved.
   *
   * @param funnel the filters
   * @return PostHog's answer: the steps under {@code result}
   * @deprecated PostHog still serves this legacy route (outside its published schema) but can
   *     switch it off per organization (403). Use instead: POST
   *     /api/projects/{project_id}/query/ with a FunnelsQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#funnels}).
   */
  @Deprecated
  public LegacyInsightResult funnel(Funnel funnel) {
    required(funnel, "funnel");
    return insights().funnels(projectId, DEFAULT_FORMAT, funnel);
  }

  /**
   * Computes a funnel from legacy filters in the query string.
   *
   * @return PostHog's answer
   * @deprecated PostHog still serves this legacy route (outside its published schema) but can
   *     switch it off per organization (403). Use instead: POST
   *     /api/projects/{project_id}/query/ with a FunnelsQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#funnels}).
   */
  @Deprecated
  public LegacyInsightResult funnel() {
    return insights().insightsFunnelRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * Computes a retention table from legacy filters given in the body. No insight is saved.
   *
   * @param insight the filters (its {@code filters})
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with a RetentionQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#retention}).
   */
  @Deprecated
  public JsonNode retention(Insight insight) {
    required(insight, "insight");
    return insights().insightsRetentionCreate(projectId, DEFAULT_FORMAT, insight);
  }

  /**
   * Computes a retention table from legacy filters in the query string.
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with a RetentionQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#retention}).
   */
  @Deprecated
  public JsonNode retention() {
    return insights().insightsRetentionRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * Computes user paths from legacy filters given in the body. No insight is saved.
   *
   * @param insight the filters (its {@code filters})
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with a PathsQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#paths}).
   */
  @Deprecated
  public JsonNode path(Insight insight) {
    required(insight, "insight");
    return insights().insightsPathCreate(projectId, DEFAULT_FORMAT, insight);
  }

  /**
   * Computes user paths from legacy filters in the query string.
   *
   * @return PostHog's answer
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/query/ with a PathsQuery
   *     ({@link dev.hedgekit.posthog.query.InsightQueries#paths}).
   */
  @Deprecated
  public JsonNode path() {
    return insights().insightsPathRetrieve(projectId, DEFAULT_FORMAT);
  }

  /**
   * Records that the key's user viewed an insight now (feeds {@link #myLastViewed()}). The
   * request body is empty.
   *
   * @param id the insight's id
   * @deprecated PostHog has removed this route. Use instead: POST
   *     /api/projects/{project_id}/insights/viewed/ with {@code {insight_ids: [...]}}.
   */
  @Deprecated
  public void viewed(long id) {
    insights().insightsViewedCreate(projectId, id, DEFAULT_FORMAT, new Insight());
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Insights{projectId=" + projectId + "}";
  }
}
