package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsEvaluationReasonsRetrieveQuery;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsRoleAccessListQuery;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.CohortCreatedResponse;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.FeatureFlagEvaluationReason;
import dev.hedgekit.posthog.generated.model.FeatureFlagRoleAccess;
import dev.hedgekit.posthog.generated.model.LocalEvaluationResponse;
import dev.hedgekit.posthog.generated.model.MyFlagsResponse;
import dev.hedgekit.posthog.generated.model.PatchedFeatureFlagPartialUpdateRequestSchema;
import dev.hedgekit.posthog.generated.model.SuccessResponse;
import dev.hedgekit.posthog.generated.model.UserBlastRadiusRequest;
import dev.hedgekit.posthog.generated.model.UserBlastRadiusResponse;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;
import java.util.Map;

/**
 * Feature flags of one project: list, read, create, change, soft delete, and the flag's
 * related views (activity, evaluation reasons, reach estimates, static cohorts).
 *
 * <pre>{@code
 * FeatureFlags flags = client.featureFlags(42);
 * for (FeatureFlag f : flags.listAll()) { ... }          // every flag, page by page
 * FeatureFlag created = flags.create(new FeatureFlag().key("new-onboarding").name("New onboarding"));
 * flags.update(created.getId(), new PatchedFeatureFlagPartialUpdateRequestSchema().active(false));
 * flags.delete(created.getId());                           // soft delete
 * }</pre>
 */
public final class FeatureFlags extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public FeatureFlags(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private FeatureFlagsApi flags() {
    return api(FeatureFlagsApi.class);
  }

  /** @return the first page of flags (PostHog's default page size) */
  public Page<FeatureFlag> list() {
    return list(new FeatureFlagsListQuery());
  }

  /**
   * One page of flags.
   *
   * @param query filters and paging ({@code search}, {@code active}, {@code type}, {@code limit},
   *     {@code offset}, ...)
   * @return the page
   */
  public Page<FeatureFlag> list(FeatureFlagsListQuery query) {
    required(query, "query");
    return Page.of(flags().featureFlagsList(projectId, query));
  }

  /** @return every flag, fetched lazily page by page */
  public Pager<FeatureFlag> listAll() {
    return listAll(new FeatureFlagsListQuery());
  }

  /**
   * Every flag matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<FeatureFlag> listAll(FeatureFlagsListQuery query) {
    required(query, "query");
    return pager(() -> flags().featureFlagsList(projectId, query));
  }


  /**
   * @param id the flag's numeric id
   * @return the flag
   */
  public FeatureFlag get(long id) {
    return flags().featureFlagsRetrieve(projectId, id);
  }

  /**
   * Creates a flag. {@code key} is required; rollout rules go in {@code filters}.
   *
   * @param flag the new flag
   * @return the created flag, with its id
   */
  public FeatureFlag create(FeatureFlag flag) {
    required(flag, "flag");
    return flags().featureFlagsCreate(projectId, flag);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the flag's id
   * @param patch the fields to change
   * @return the flag after the change
   */
  public FeatureFlag update(long id, PatchedFeatureFlagPartialUpdateRequestSchema patch) {
    required(patch, "patch");
    return flags().featureFlagsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the flag (PUT): fields not set in {@code flag} are reset by PostHog.
   *
   * @param id the flag's id
   * @param flag the full new state
   * @return the flag after the change
   */
  public FeatureFlag replace(long id, FeatureFlag flag) {
    required(flag, "flag");
    return flags().featureFlagsUpdate(projectId, id, flag);
  }

  /**
   * Soft deletes the flag: PostHog does not allow a hard delete of feature flags (the DELETE
   * answers 405), so this sends a PATCH setting {@code deleted} to true. The flag disappears
   * from lists and stops being evaluated.
   *
   * @param id the flag's id
   * @return the flag as PostHog answered the PATCH
   */
  public FeatureFlag delete(long id) {
    return update(id, new PatchedFeatureFlagPartialUpdateRequestSchema().deleted(true));
  }

  /** @return the first page of the project's feature flag activity log (changes to any flag) */
  public Page<ActivityLogEntry> activity() {
    return Page.of(flags().featureFlagsActivityRetrieve(projectId, null, null));
  }

  /** @return every entry of the project's feature flag activity log, fetched lazily */
  public Pager<ActivityLogEntry> activityAll() {
    return pager(() -> flags().featureFlagsActivityRetrieve(projectId, null, null));
  }

  /**
   * @param id the flag's id
   * @return the first page of the flag's activity log
   */
  public Page<ActivityLogEntry> activity(long id) {
    return Page.of(flags().featureFlagsActivityRetrieve2(projectId, id, null, null));
  }

  /**
   * @param id the flag's id
   * @return every entry of the flag's activity log, fetched lazily
   */
  public Pager<ActivityLogEntry> activityAll(long id) {
    return pager(() -> flags().featureFlagsActivityRetrieve2(projectId, id, null, null));
  }

  /**
   * The flags with the data needed to evaluate them locally (server-side SDKs).
   *
   * @return the flags, cohorts and group type mapping
   * @deprecated PostHog has removed this route from the management API. Use instead:
   *     {@code GET /flags/definitions} on PostHog's flags service, with the project's secret API
   *     key.
   */
  @Deprecated
  public LocalEvaluationResponse localEvaluation() {
    return flags().featureFlagsLocalEvaluationRetrieve(projectId, (Boolean) null);
  }

  /** @return every flag with its value for the user who owns the API key */
  public List<MyFlagsResponse> myFlags() {
    return flags().featureFlagsMyFlagsRetrieve(projectId, null, null);
  }

  /**
   * Why each flag evaluates as it does for one distinct id.
   *
   * @param distinctId the distinct id to evaluate the flags for
   * @return the value and reason of each flag, by flag key
   */
  public Map<String, FeatureFlagEvaluationReason> evaluationReasons(String distinctId) {
    return evaluationReasons(new FeatureFlagsEvaluationReasonsRetrieveQuery()
        .distinctId(distinctId));
  }

  /**
   * Why each flag evaluates as it does for one distinct id, with groups or a subset of flags.
   *
   * @param query {@code distinct_id} (required), {@code groups} (JSON of group type to key),
   *     {@code flag_keys}
   * @return the value and reason of each flag, by flag key
   */
  public Map<String, FeatureFlagEvaluationReason> evaluationReasons(
      FeatureFlagsEvaluationReasonsRetrieveQuery query) {
    required(query, "query");
    id(query.distinctId(), "distinctId");
    return flags().featureFlagsEvaluationReasonsRetrieve(projectId, query);
  }

  /**
   * Estimates how many users (or groups) the given release condition would reach.
   *
   * @param request {@code condition} (one condition group of a flag's {@code filters}) and,
   *     for a group flag, {@code group_type_index}
   * @return how many are {@code affected} out of the {@code total}
   */
  public UserBlastRadiusResponse userBlastRadius(UserBlastRadiusRequest request) {
    required(request, "request");
    required(request.getCondition(), "request.condition");
    return flags().featureFlagsUserBlastRadiusCreate(projectId, request);
  }

  /**
   * Creates a static cohort of the persons that match the flag (the request has no body).
   *
   * @param id the flag's id
   * @return PostHog's answer, holding the new {@code cohort}
   */
  public CohortCreatedResponse createStaticCohort(long id) {
    return flags().featureFlagsCreateStaticCohortForFlagCreate(projectId, id);
  }

  /**
   * Creates the usage dashboard of a flag (the request has no body).
   *
   * @param id the flag's id
   * @return PostHog's answer ({@code success})
   * @deprecated PostHog has deprecated this route (sunset announced for 2026-09-25); nothing
   *     replaces it in the API: PostHog now draws a flag's usage charts in the app.
   */
  @Deprecated
  public SuccessResponse createUsageDashboard(long id) {
    return flags().featureFlagsDashboardCreate(projectId, id);
  }

  /**
   * Adds enriched analytics to the flag's usage dashboard (the request has no body).
   *
   * @param id the flag's id
   * @return PostHog's answer ({@code success})
   * @deprecated PostHog has deprecated this route; nothing replaces it in the API: PostHog now
   *     draws a flag's usage charts in the app.
   */
  @Deprecated
  public SuccessResponse enrichUsageDashboard(long id) {
    return flags().featureFlagsEnrichUsageDashboardCreate(projectId, id);
  }

  /**
   * One page of the roles that have access to a flag.
   *
   * @param flagId the flag's id
   * @return the page
   * @deprecated PostHog has removed per-flag role access. Use instead: access control on
   *     the flag (its {@code access_controls}, managed with organization roles).
   */
  @Deprecated
  public Page<FeatureFlagRoleAccess> roleAccess(long flagId) {
    return Page.of(flags().featureFlagsRoleAccessList(projectId, flagId,
        new FeatureFlagsRoleAccessListQuery()));
  }

  /**
   * @param flagId the flag's id
   * @param id the role access entry's id
   * @return the entry
   * @deprecated PostHog has removed per-flag role access. Use instead: access control on
   *     the flag (its {@code access_controls}, managed with organization roles).
   */
  @Deprecated
  public FeatureFlagRoleAccess roleAccess(long flagId, long id) {
    return flags().featureFlagsRoleAccessRetrieve(projectId, flagId, id);
  }

  /**
   * Gives a role access to a flag.
   *
   * @param flagId the flag's id
   * @param access the entry (its {@code role_id})
   * @return the created entry
   * @deprecated PostHog has removed per-flag role access. Use instead: access control on
   *     the flag (its {@code access_controls}, managed with organization roles).
   */
  @Deprecated
  public FeatureFlagRoleAccess grantRoleAccess(long flagId, FeatureFlagRoleAccess access) {
    required(access, "access");
    return flags().featureFlagsRoleAccessCreate(projectId, flagId, access);
  }

  /**
   * Removes a role's access to a flag.
   *
   * @param flagId the flag's id
   * @param id the role access entry's id
   * @deprecated PostHog has removed per-flag role access. Use instead: access control on
   *     the flag (its {@code access_controls}, managed with organization roles).
   */
  @Deprecated
  public void revokeRoleAccess(long flagId, long id) {
    flags().featureFlagsRoleAccessDestroy(projectId, flagId, id);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "FeatureFlags{projectId=" + projectId + "}";
  }
}
