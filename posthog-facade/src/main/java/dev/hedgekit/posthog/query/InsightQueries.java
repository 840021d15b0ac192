package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * Builders of the insight and actor query nodes that replace PostHog's removed legacy
 * calculation endpoints ({@code insights/trend/}, {@code insights/funnel/},
 * {@code insights/retention/}, {@code insights/path/}, {@code persons/trends/},
 * {@code persons/lifecycle/}, ...). Run what they build with {@link Query#run(JsonNode)} (or
 * {@link Query#start}, {@link Query#runAsync}); it goes to
 * {@code POST /api/projects/{project_id}/query/} as the request's {@code query}.
 *
 * <p>Each builder sets the main fields of one node; {@link Builder#build()} returns a new
 * {@link ObjectNode} that the caller may extend with any other field PostHog defines, and
 * {@link Builder#set(String, JsonNode)} does the same on the builder. The node shapes are
 * PostHog's ({@code frontend/src/queries/schema/schema-general.ts}, the {@code NodeKind}
 * names); this SDK checks the values it knows the range of and leaves the rest to PostHog.
 *
 * <pre>{@code
 * Query query = client.project(42).query();
 * JsonNode weekly = query.run(InsightQueries.trends(QueryNodes.event("$pageview"))
 *     .interval("week").dateRange("-90d", null).breakdown("event", "$browser").build());
 *
 * // the persons behind one data point (what persons/trends/ used to answer)
 * ObjectNode trend = InsightQueries.trends(QueryNodes.event("signed_up")).build();
 * JsonNode who = query.run(InsightQueries.actors(
 *     InsightQueries.insightActors(trend).day("2026-05-01").series(0)).limit(100).build());
 * }</pre>
 */
public final class InsightQueries {

  /** {@code kind} of a trends query. */
  public static final String TRENDS = "TrendsQuery";
  /** {@code kind} of a funnels query. */
  public static final String FUNNELS = "FunnelsQuery";
  /** {@code kind} of a retention query. */
  public static final String RETENTION = "RetentionQuery";
  /** {@code kind} of a lifecycle query. */
  public static final String LIFECYCLE = "LifecycleQuery";
  /** {@code kind} of a stickiness query. */
  public static final String STICKINESS = "StickinessQuery";
  /** {@code kind} of a paths query. */
  public static final String PATHS = "PathsQuery";
  /** {@code kind} of an actors query (persons or groups, as a table). */
  public static final String ACTORS = "ActorsQuery";
  /** {@code kind} of the actors behind one data point of a trends, lifecycle, retention or paths query. */
  public static final String INSIGHT_ACTORS = "InsightActorsQuery";
  /** {@code kind} of the actors behind one step of a funnel. */
  public static final String FUNNELS_ACTORS = "FunnelsActorsQuery";
  /** {@code kind} of the actors behind one data point of a stickiness query. */
  public static final String STICKINESS_ACTORS = "StickinessActorsQuery";

  private static final Set<String> INTERVALS = Set.of("minute", "hour", "day", "week", "month");
  private static final Set<String> RETENTION_PERIODS = Set.of("Hour", "Day", "Week", "Month");
  private static final Set<String> LIFECYCLE_STATUSES =
      Set.of("new", "returning", "resurrecting", "dormant");
  private static final Set<String> FUNNEL_ORDERS = Set.of("ordered", "unordered", "strict");
  private static final Set<String> FUNNEL_VIZ = Set.of("steps", "time_to_convert", "trends");
  private static final Set<String> WINDOW_UNITS =
      Set.of("second", "minute", "hour", "day", "week", "month");
  private static final Set<String> PATH_TYPES =
      Set.of("$pageview", "$screen", "custom_event", "hogql");
  private static final Set<String> COMPARE = Set.of("current", "previous");
  private static final Set<String> STICKINESS_OPERATORS = Set.of("gte", "lte", "exact");

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private InsightQueries() {
  }

  // ------------------------------------------------------------------ insight queries

  /**
   * A trends query: how often each series happened per interval.
   *
   * @param series one or more entity nodes ({@link QueryNodes#event}, {@link QueryNodes#action})
   * @return the builder
   */
  public static Trends trends(JsonNode... series) {
    return new Trends(series);
  }

  /**
   * A funnels query: how many went through the steps in order.
   *
   * @param steps two or more entity nodes, in step order
   * @return the builder
   */
  public static Funnels funnels(JsonNode... steps) {
    return new Funnels(steps);
  }

  /**
   * A retention query: of those who did the target event in a period, how many came back to
   * do the returning event in each later period.
   *
   * @param targetEvent the event that starts a cohort, e.g. {@code signed_up}
   * @param returningEvent the event that counts as coming back, e.g. {@code $pageview}
   * @return the builder
   */
  public static Retention retention(String targetEvent, String returningEvent) {
    return new Retention(retentionEvent(targetEvent), retentionEvent(returningEvent));
  }

  /**
   * A retention query with entities of any kind ({@link #retentionEvent},
   * {@link #retentionAction}).
   *
   * @param targetEntity what starts a cohort
   * @param returningEntity what counts as coming back
   * @return the builder
   */
  public static Retention retention(JsonNode targetEntity, JsonNode returningEntity) {
    return new Retention(targetEntity, returningEntity);
  }

  /**
   * A retention entity for an event: {@code {"id": event, "type": "events", "name": event}}.
   *
   * @param event the event's name
   * @return a new node
   */
  public static ObjectNode retentionEvent(String event) {
    text(event, "event");
    ObjectNode n = F.objectNode();
    n.put("id", event);
    n.put("type", "events");
    n.put("name", event);
    return n;
  }

  /**
   * A retention entity for an action: {@code {"id": actionId, "type": "actions"}}.
   *
   * @param actionId the action's numeric id
   * @return a new node
   */
  public static ObjectNode retentionAction(long actionId) {
    if (actionId <= 0) {
      throw new IllegalArgumentException("actionId must be positive, was " + actionId);
    }
    ObjectNode n = F.objectNode();
    n.put("id", actionId);
    n.put("type", "actions");
    return n;
  }

  /**
   * A lifecycle query: of those who did the series, how many were new, returning,
   * resurrecting or dormant in each interval.
   *
   * @param series exactly one entity node
   * @return the builder
   */
  public static Lifecycle lifecycle(JsonNode series) {
    return new Lifecycle(series);
  }

  /**
   * A stickiness query: how many did the series on 1, 2, 3, ... intervals of the range.
   *
   * @param series one or more entity nodes
   * @return the builder
   */
  public static Stickiness stickiness(JsonNode... series) {
    return new Stickiness(series);
  }

  /**
   * A paths query: the paths users took between events (by default between page views).
   *
   * @return the builder
   */
  public static Paths paths() {
    return new Paths();
  }

  // ------------------------------------------------------------------ actors

  /**
   * An actors query: the persons (or groups) of a source, as a table. Its source is usually an
   * {@link #insightActors} node, a {@link #funnelActors} node or a {@link #stickinessActors}
   * node.
   *
   * @param source the source node, with its {@code kind}
   * @return the builder
   */
  public static Actors actors(JsonNode source) {
    return new Actors(source);
  }

  /**
   * An actors query over the node a builder makes.
   *
   * @param source the source's builder
   * @return the builder
   */
  public static Actors actors(Builder<?> source) {
    return new Actors(required(source, "source").build());
  }

  /**
   * The actors behind one data point of a trends, lifecycle, retention or paths query; use it
   * as the source of {@link #actors}.
   *
   * @param insightQuery the insight query node (its {@code kind} one of the insight kinds)
   * @return the builder
   */
  public static InsightActors insightActors(JsonNode insightQuery) {
    return new InsightActors(insightQuery);
  }

  /**
   * The actors behind one data point of the query a builder makes.
   *
   * @param insightQuery the insight query's builder
   * @return the builder
   */
  public static InsightActors insightActors(Builder<?> insightQuery) {
    return new InsightActors(required(insightQuery, "insightQuery").build());
  }

  /**
   * The actors who reached (or dropped off at) a step of a funnel; use it as the source of
   * {@link #actors}.
   *
   * @param funnelsQuery a funnels query node
   * @return the builder
   */
  public static FunnelActors funnelActors(JsonNode funnelsQuery) {
    return new FunnelActors(funnelsQuery);
  }

  /**
   * The actors behind one data point of a stickiness query; use it as the source of
   * {@link #actors}.
   *
   * @param stickinessQuery a stickiness query node
   * @return the builder
   */
  public static StickinessActors stickinessActors(JsonNode stickinessQuery) {
    return new StickinessActors(stickinessQuery);
  }

  // ------------------------------------------------------------------ builders

  /**
   * What every builder has: the node being built, an escape hatch for any field, and
   * {@link #build()}.
   *
   * @param <B> the builder's own type
   */
  public abstract static class Builder<B extends Builder<B>> {

    /** The node being built; {@link #build()} hands out copies of it. */
    protected final ObjectNode node = F.objectNode();

    Builder(String kind) {
      node.put("kind", kind);
    }

    @SuppressWarnings("unchecked")
    final B self() {
      return (B) this;
    }

    /** @return the node's {@code kind} */
    public final String kind() {
      return node.get("kind").asText();
    }

    /**
     * Sets any top-level field of the node, for what the builder has no method for
     * ({@code samplingFactor}, {@code modifiers}, ...). Null sends JSON null.
     *
     * @param field the JSON field name, as PostHog spells it
     * @param value its value
     * @return this builder
     */
    public final B set(String field, JsonNode value) {
      text(field, "field");
      if ("kind".equals(field)) {
        throw new IllegalArgumentException("the kind of a " + kind() + " builder is fixed");
      }
      node.set(field, value == null ? F.nullNode() : value);
      return self();
    }

    /**
     * @return a new node holding what was set so far; later changes to this builder do not
     *     reach it, and the caller may change it freely
     */
    public final ObjectNode build() {
      return node.deepCopy();
    }

    /** Puts a field into a nested object of the node, making the object when missing. */
    final B nested(String object, String field, JsonNode value) {
      ObjectNode o = node.has(object) && node.get(object).isObject()
          ? (ObjectNode) node.get(object) : node.putObject(object);
      o.set(field, value);
      return self();
    }

    @Override
    public String toString() {
      return node.toString();
    }
  }

  /**
   * The fields every insight query shares: date range, property filters, test account filter.
   *
   * @param <B> the builder's own type
   */
  public abstract static class InsightBuilder<B extends InsightBuilder<B>> extends Builder<B> {

    InsightBuilder(String kind) {
      super(kind);
    }

    /**
     * Sets {@code dateRange}.
     *
     * @param from the start: a date ({@code 2026-01-31}), a date-time, or relative
     *     ({@code -7d}, {@code -3m}, {@code mStart}); null for PostHog's default
     * @param to the end, in the same forms; null for now
     * @return this builder
     */
    public B dateRange(String from, String to) {
      ObjectNode range = F.objectNode();
      if (from != null) {
        range.put("date_from", text(from, "from"));
      }
      if (to != null) {
        range.put("date_to", text(to, "to"));
      }
      node.set("dateRange", range);
      return self();
    }

    /**
     * Sets {@code properties}: the property filters every counted event must pass (a list of
     * filters, or a {@code {type: AND|OR, values: [...]}} group).
     *
     * @param filters the filters
     * @return this builder
     */
    public B properties(JsonNode filters) {
      required(filters, "filters");
      if (!filters.isArray() && !filters.isObject()) {
        throw new IllegalArgumentException("properties must be a list of filters or a filter"
            + " group, not " + filters.getNodeType());
      }
      node.set("properties", filters);
      return self();
    }

    /**
     * Sets {@code filterTestAccounts}: leave out the project's internal and test users.
     *
     * @param value whether to leave them out
     * @return this builder
     */
    public B filterTestAccounts(boolean value) {
      node.put("filterTestAccounts", value);
      return self();
    }
  }

  /** Builds a {@code TrendsQuery}. */
  public static final class Trends extends InsightBuilder<Trends> {

    Trends(JsonNode... series) {
      super(TRENDS);
      node.set("series", entities(series, 1, "series"));
    }

    /**
     * @param interval {@code hour}, {@code day} (PostHog's default), {@code week},
     *     {@code month} or {@code minute}
     * @return this builder
     */
    public Trends interval(String interval) {
      node.put("interval", oneOf(interval, INTERVALS, "interval"));
      return this;
    }

    /**
     * Breaks the series down by one property ({@code breakdownFilter}).
     *
     * @param type what the property belongs to: {@code event}, {@code person},
     *     {@code group}, {@code session}, {@code cohort}, {@code hogql}, ...
     * @param property the property's name (or a HogQL expression for {@code hogql})
     * @return this builder
     */
    public Trends breakdown(String type, String property) {
      nested("breakdownFilter", "breakdown_type", F.textNode(text(type, "type")));
      return nested("breakdownFilter", "breakdown", F.textNode(text(property, "property")));
    }

    /**
     * Compares with the previous period ({@code compareFilter.compare}).
     *
     * @param compare whether to compare
     * @return this builder
     */
    public Trends compare(boolean compare) {
      return nested("compareFilter", "compare", F.booleanNode(compare));
    }

    /**
     * @param display how PostHog draws it ({@code trendsFilter.display}):
     *     {@code ActionsLineGraph} (default), {@code ActionsBar}, {@code ActionsTable},
     *     {@code BoldNumber}, {@code ActionsPie}, {@code WorldMap}, ...; {@code BoldNumber} and
     *     the other total-value displays make PostHog answer one total per series
     * @return this builder
     */
    public Trends display(String display) {
      return nested("trendsFilter", "display", F.textNode(text(display, "display")));
    }

    /**
     * @param formula a formula over the series, named A, B, ... in order, e.g. {@code A / B}
     *     ({@code trendsFilter.formula})
     * @return this builder
     */
    public Trends formula(String formula) {
      return nested("trendsFilter", "formula", F.textNode(text(formula, "formula")));
    }
  }

  /** Builds a {@code FunnelsQuery}. */
  public static final class Funnels extends InsightBuilder<Funnels> {

    Funnels(JsonNode... steps) {
      super(FUNNELS);
      node.set("series", entities(steps, 2, "steps"));
    }

    /**
     * @param interval the interval of a funnel drawn as trends ({@code hour}, {@code day},
     *     {@code week}, {@code month})
     * @return this builder
     */
    public Funnels interval(String interval) {
      node.put("interval", oneOf(interval, INTERVALS, "interval"));
      return this;
    }

    /**
     * How long a user has to go from the first step to the last
     * ({@code funnelsFilter.funnelWindowInterval} and {@code funnelWindowIntervalUnit}; PostHog's
     * default is 14 days).
     *
     * @param interval the length, at least 1
     * @param unit {@code second}, {@code minute}, {@code hour}, {@code day}, {@code week} or
     *     {@code month}
     * @return this builder
     */
    public Funnels window(int interval, String unit) {
      if (interval < 1) {
        throw new IllegalArgumentException("the funnel window must be at least 1, was "
            + interval);
      }
      nested("funnelsFilter", "funnelWindowInterval", F.numberNode(interval));
      return nested("funnelsFilter", "funnelWindowIntervalUnit",
          F.textNode(oneOf(unit, WINDOW_UNITS, "unit")));
    }

    /**
     * @param order {@code ordered} (default: steps in order, other events between allowed),
     *     {@code strict} (nothing between) or {@code unordered}
     *     ({@code funnelsFilter.funnelOrderType})
     * @return this builder
     */
    public Funnels order(String order) {
      return nested("funnelsFilter", "funnelOrderType",
          F.textNode(oneOf(order, FUNNEL_ORDERS, "order")));
    }

    /**
     * @param viz {@code steps} (default), {@code time_to_convert} or {@code trends}
     *     ({@code funnelsFilter.funnelVizType})
     * @return this builder
     */
    public Funnels vizType(String viz) {
      return nested("funnelsFilter", "funnelVizType",
          F.textNode(oneOf(viz, FUNNEL_VIZ, "viz")));
    }

    /**
     * Breaks the funnel down by one property ({@code breakdownFilter}).
     *
     * @param type {@code event}, {@code person}, {@code group}, ...
     * @param property the property's name
     * @return this builder
     */
    public Funnels breakdown(String type, String property) {
      nested("breakdownFilter", "breakdown_type", F.textNode(text(type, "type")));
      return nested("breakdownFilter", "breakdown", F.textNode(text(property, "property")));
    }
  }

  /** Builds a {@code RetentionQuery}. */
  public static final class Retention extends InsightBuilder<Retention> {

    Retention(JsonNode target, JsonNode returning) {
      super(RETENTION);
      nested("retentionFilter", "targetEntity", entity(target, "targetEntity"));
      nested("retentionFilter", "returningEntity", entity(returning, "returningEntity"));
    }

    private static JsonNode entity(JsonNode e, String name) {
      required(e, name);
      if (!e.isObject() || !e.has("id") || !e.has("type")) {
        throw new IllegalArgumentException(name + " must be an object with id and type (see"
            + " retentionEvent and retentionAction), was " + e);
      }
      return e.deepCopy();
    }

    /**
     * @param period {@code Hour}, {@code Day} (default), {@code Week} or {@code Month}
     *     ({@code retentionFilter.period})
     * @return this builder
     */
    public Retention period(String period) {
      return nested("retentionFilter", "period",
          F.textNode(oneOf(period, RETENTION_PERIODS, "period")));
    }

    /**
     * @param intervals how many periods the table has, 1 or more (PostHog's default 8;
     *     {@code retentionFilter.totalIntervals})
     * @return this builder
     */
    public Retention totalIntervals(int intervals) {
      if (intervals < 1) {
        throw new IllegalArgumentException("totalIntervals must be at least 1, was "
            + intervals);
      }
      return nested("retentionFilter", "totalIntervals", F.numberNode(intervals));
    }

    /**
     * @param type {@code retention_first_time} (the first time the target event happened) or
     *     {@code retention_recurring} (any time; {@code retentionFilter.retentionType})
     * @return this builder
     */
    public Retention retentionType(String type) {
      return nested("retentionFilter", "retentionType", F.textNode(text(type, "type")));
    }
  }

  /** Builds a {@code LifecycleQuery}. */
  public static final class Lifecycle extends InsightBuilder<Lifecycle> {

    Lifecycle(JsonNode series) {
      super(LIFECYCLE);
      node.set("series", entities(new JsonNode[] {series}, 1, "series"));
    }

    /**
     * @param interval {@code hour}, {@code day} (default), {@code week} or {@code month}
     * @return this builder
     */
    public Lifecycle interval(String interval) {
      node.put("interval", oneOf(interval, INTERVALS, "interval"));
      return this;
    }

    /**
     * Shows only some buckets ({@code lifecycleFilter.toggledLifecycles}).
     *
     * @param statuses some of {@code new}, {@code returning}, {@code resurrecting},
     *     {@code dormant}
     * @return this builder
     */
    public Lifecycle toggledLifecycles(String... statuses) {
      required(statuses, "statuses");
      ArrayNode a = F.arrayNode();
      for (String s : statuses) {
        a.add(oneOf(s, LIFECYCLE_STATUSES, "status"));
      }
      return nested("lifecycleFilter", "toggledLifecycles", a);
    }
  }

  /** Builds a {@code StickinessQuery}. */
  public static final class Stickiness extends InsightBuilder<Stickiness> {

    Stickiness(JsonNode... series) {
      super(STICKINESS);
      node.set("series", entities(series, 1, "series"));
    }

    /**
     * @param interval {@code hour}, {@code day} (default), {@code week} or {@code month}
     * @return this builder
     */
    public Stickiness interval(String interval) {
      node.put("interval", oneOf(interval, INTERVALS, "interval"));
      return this;
    }

    /**
     * @param count how many intervals make one bucket, 1 or more ({@code intervalCount})
     * @return this builder
     */
    public Stickiness intervalCount(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("intervalCount must be at least 1, was " + count);
      }
      node.put("intervalCount", count);
      return this;
    }

    /**
     * Compares with the previous period ({@code compareFilter.compare}).
     *
     * @param compare whether to compare
     * @return this builder
     */
    public Stickiness compare(boolean compare) {
      return nested("compareFilter", "compare", F.booleanNode(compare));
    }
  }

  /** Builds a {@code PathsQuery}. */
  public static final class Paths extends InsightBuilder<Paths> {

    Paths() {
      super(PATHS);
      node.putObject("pathsFilter");
    }

    /**
     * @param types the events paths are made of: {@code $pageview}, {@code $screen},
     *     {@code custom_event}, {@code hogql} ({@code pathsFilter.includeEventTypes})
     * @return this builder
     */
    public Paths includeEventTypes(String... types) {
      required(types, "types");
      ArrayNode a = F.arrayNode();
      for (String t : types) {
        a.add(oneOf(t, PATH_TYPES, "type"));
      }
      return nested("pathsFilter", "includeEventTypes", a);
    }

    /**
     * @param point where paths start: a URL, a screen or an event name
     *     ({@code pathsFilter.startPoint})
     * @return this builder
     */
    public Paths startPoint(String point) {
      return nested("pathsFilter", "startPoint", F.textNode(text(point, "point")));
    }

    /**
     * @param point where paths end ({@code pathsFilter.endPoint})
     * @return this builder
     */
    public Paths endPoint(String point) {
      return nested("pathsFilter", "endPoint", F.textNode(text(point, "point")));
    }

    /**
     * @param steps how many steps a path may have, 2 or more (PostHog's default 5;
     *     {@code pathsFilter.stepLimit})
     * @return this builder
     */
    public Paths stepLimit(int steps) {
      if (steps < 2) {
        throw new IllegalArgumentException("stepLimit must be at least 2, was " + steps);
      }
      return nested("pathsFilter", "stepLimit", F.numberNode(steps));
    }

    /**
     * @param events events (or URLs) to leave out of paths ({@code pathsFilter.excludeEvents})
     * @return this builder
     */
    public Paths excludeEvents(String... events) {
      required(events, "events");
      ArrayNode a = F.arrayNode();
      for (String e : events) {
        a.add(text(e, "event"));
      }
      return nested("pathsFilter", "excludeEvents", a);
    }
  }

  /** Builds an {@code ActorsQuery}. */
  public static final class Actors extends Builder<Actors> {

    Actors(JsonNode source) {
      super(ACTORS);
      node.set("source", kindNode(source, "source"));
    }

    /**
     * @param columns the HogQL expressions of the columns, e.g. {@code actor},
     *     {@code event_count}, {@code person.properties.email}, {@code created_at}
     * @return this builder
     */
    public Actors select(String... columns) {
      node.set("select", texts(columns, "columns"));
      return this;
    }

    /**
     * @param text only actors whose name, email or distinct id contains it
     * @return this builder
     */
    public Actors search(String text) {
      node.put("search", text(text, "text"));
      return this;
    }

    /**
     * @param expressions the sort order, HogQL expressions with {@code ASC}/{@code DESC},
     *     e.g. {@code event_count DESC}
     * @return this builder
     */
    public Actors orderBy(String... expressions) {
      node.set("orderBy", texts(expressions, "expressions"));
      return this;
    }

    /**
     * Sets {@code properties}: person (or group) property filters on the actors.
     *
     * @param filters a list of property filters
     * @return this builder
     */
    public Actors properties(JsonNode filters) {
      required(filters, "filters");
      node.set("properties", filters);
      return this;
    }

    /**
     * @param limit the most rows to answer, 1 or more
     * @return this builder
     */
    public Actors limit(long limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, was " + limit);
      }
      node.put("limit", limit);
      return this;
    }

    /**
     * @param offset how many rows to skip, 0 or more
     * @return this builder
     */
    public Actors offset(long offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative, was " + offset);
      }
      node.put("offset", offset);
      return this;
    }
  }

  /** Builds an {@code InsightActorsQuery}. */
  public static final class InsightActors extends Builder<InsightActors> {

    InsightActors(JsonNode insightQuery) {
      super(INSIGHT_ACTORS);
      node.set("source", kindNode(insightQuery, "insightQuery"));
    }

    /**
     * @param day the data point's date (trends, lifecycle), e.g. {@code 2026-05-01}
     * @return this builder
     */
    public InsightActors day(String day) {
      node.put("day", text(day, "day"));
      return this;
    }

    /**
     * @param status the lifecycle bucket: {@code new}, {@code returning},
     *     {@code resurrecting} or {@code dormant}
     * @return this builder
     */
    public InsightActors status(String status) {
      node.put("status", oneOf(status, LIFECYCLE_STATUSES, "status"));
      return this;
    }

    /**
     * @param interval the retention cohort's index (0 for the first row)
     * @return this builder
     */
    public InsightActors interval(int interval) {
      if (interval < 0) {
        throw new IllegalArgumentException("interval must not be negative, was " + interval);
      }
      node.put("interval", interval);
      return this;
    }

    /**
     * @param series the series' index (0 for the first) in a trends query
     * @return this builder
     */
    public InsightActors series(int series) {
      if (series < 0) {
        throw new IllegalArgumentException("series must not be negative, was " + series);
      }
      node.put("series", series);
      return this;
    }

    /**
     * @param value the breakdown value of the data point
     * @return this builder
     */
    public InsightActors breakdown(String value) {
      node.put("breakdown", required(value, "value"));
      return this;
    }

    /**
     * @param period {@code current} or {@code previous}, for a query that compares periods
     * @return this builder
     */
    public InsightActors compare(String period) {
      node.put("compare", oneOf(period, COMPARE, "period"));
      return this;
    }

    /**
     * @param include whether to answer each actor's matching recordings too
     * @return this builder
     */
    public InsightActors includeRecordings(boolean include) {
      node.put("includeRecordings", include);
      return this;
    }
  }

  /** Builds a {@code FunnelsActorsQuery}. */
  public static final class FunnelActors extends Builder<FunnelActors> {

    FunnelActors(JsonNode funnelsQuery) {
      super(FUNNELS_ACTORS);
      JsonNode source = kindNode(funnelsQuery, "funnelsQuery");
      if (!FUNNELS.equals(source.get("kind").asText())) {
        throw new IllegalArgumentException("the source of a " + FUNNELS_ACTORS + " is a "
            + FUNNELS + ", not a " + source.get("kind").asText());
      }
      node.set("source", source);
    }

    /**
     * @param step the step, counted from 1: positive for those who reached it, negative for
     *     those who dropped off before it ({@code funnelStep})
     * @return this builder
     */
    public FunnelActors step(int step) {
      if (step == 0) {
        throw new IllegalArgumentException("funnel steps are counted from 1 (negative for"
            + " drop-offs); 0 is not a step");
      }
      node.put("funnelStep", step);
      return this;
    }

    /**
     * @param value the breakdown value of the step ({@code funnelStepBreakdown})
     * @return this builder
     */
    public FunnelActors stepBreakdown(String value) {
      node.put("funnelStepBreakdown", required(value, "value"));
      return this;
    }

    /**
     * @param include whether to answer each actor's matching recordings too
     * @return this builder
     */
    public FunnelActors includeRecordings(boolean include) {
      node.put("includeRecordings", include);
      return this;
    }
  }

  /** Builds a {@code StickinessActorsQuery}. */
  public static final class StickinessActors extends Builder<StickinessActors> {

    StickinessActors(JsonNode stickinessQuery) {
      super(STICKINESS_ACTORS);
      JsonNode source = kindNode(stickinessQuery, "stickinessQuery");
      if (!STICKINESS.equals(source.get("kind").asText())) {
        throw new IllegalArgumentException("the source of a " + STICKINESS_ACTORS + " is a "
            + STICKINESS + ", not a " + source.get("kind").asText());
      }
      node.set("source", source);
    }

    /**
     * @param intervals the data point: those active on this many intervals ({@code day})
     * @return this builder
     */
    public StickinessActors day(int intervals) {
      if (intervals < 1) {
        throw new IllegalArgumentException("day must be at least 1, was " + intervals);
      }
      node.put("day", intervals);
      return this;
    }

    /**
     * @param series the series' index (0 for the first)
     * @return this builder
     */
    public StickinessActors series(int series) {
      if (series < 0) {
        throw new IllegalArgumentException("series must not be negative, was " + series);
      }
      node.put("series", series);
      return this;
    }

    /**
     * @param operator {@code gte}, {@code lte} or {@code exact} (PostHog's default): how
     *     {@code day} is compared
     * @return this builder
     */
    public StickinessActors operator(String operator) {
      node.put("operator", oneOf(operator, STICKINESS_OPERATORS, "operator"));
      return this;
    }
  }

  // ------------------------------------------------------------------ checks

  private static ArrayNode entities(JsonNode[] series, int min, String name) {
    required(series, name);
    if (series.length < min) {
      throw new IllegalArgumentException(name + " needs at least " + min + " entity node"
          + (min == 1 ? "" : "s") + ", got " + series.length);
    }
    ArrayNode a = F.arrayNode();
    for (int i = 0; i < series.length; i++) {
      a.add(kindNode(series[i], name + "[" + i + "]"));
    }
    return a;
  }

  private static JsonNode kindNode(JsonNode n, String name) {
    required(n, name);
    if (!n.isObject() || !n.path("kind").isTextual() || n.get("kind").asText().isEmpty()) {
      throw new IllegalArgumentException(name + " must be a query node: a JSON object with a"
          + " kind, was " + abbreviate(n.toString()));
    }
    return n.deepCopy();
  }

  private static ArrayNode texts(String[] values, String name) {
    required(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    ArrayNode a = F.arrayNode();
    for (String v : values) {
      a.add(text(v, name + "[i]"));
    }
    return a;
  }

  private static String oneOf(String value, Set<String> allowed, String name) {
    required(value, name);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(name + " must be one of " + new java.util.TreeSet<>(
          allowed) + ", was \"" + abbreviate(value) + "\"");
    }
    return value;
  }

  private static String text(String value, String name) {
    required(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static <V> V required(V value, String name) {
    return Objects.requireNonNull(value, () -> name + " must not be null");
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
