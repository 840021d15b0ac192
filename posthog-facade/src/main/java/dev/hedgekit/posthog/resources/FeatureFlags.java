package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsRoleAccessListQuery;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.FeatureFlagRoleAccess;
import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagList;
import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagRoleAccessList;
import dev.hedgekit.posthog.generated.model.PatchedFeatureFlag;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Feature flags of one project: list, read, create, change, soft delete, and the flag's
 * related views (activity, evaluation reasons, usage dashboards, role access).
 *
 * <pre>{@code
 * FeatureFlags flags = client.featureFlags(42);
 * for (FeatureFlag f : flags.listAll()) { ... }          // every flag, page by page
 * FeatureFlag created = flags.create(new FeatureFlag().key("new-onboarding").name("New onboarding"));
 * flags.update(created.getId(), new PatchedFeatureFlag().active(false));
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
  public FeatureFlag update(long id, PatchedFeatureFlag patch) {
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
    return update(id, new PatchedFeatureFlag().deleted(true));
  }

  /** @return the project's feature flag activity log (changes to any flag) */
  public JsonNode activity() {
    return flags().featureFlagsActivityRetrieve(projectId);
  }

  /**
   * @return the flags with the data needed to evaluate them locally (server-side SDKs)
   */
  public JsonNode localEvaluation() {
    return flags().featureFlagsLocalEvaluationRetrieve(projectId);
  }

  /** @return the flags as they evaluate for the user who owns the API key */
  public JsonNode myFlags() {
    return flags().featureFlagsMyFlagsRetrieve(projectId);
  }

  /** @return why each flag evaluates as it does for a distinct id (PostHog reads it from the query) */
  public JsonNode evaluationReasons() {
    return flags().featureFlagsEvaluationReasonsRetrieve(projectId);
  }

  /**
   * Estimates how many users the given release conditions would reach.
   *
   * @param conditions a flag whose {@code filters} hold the conditions to measure
   * @return PostHog's estimate
   */
  public JsonNode userBlastRadius(FeatureFlag conditions) {
    required(conditions, "conditions");
    return flags().featureFlagsUserBlastRadiusCreate(projectId, conditions);
  }

  /**
   * Creates a static cohort of the persons that match the flag.
   *
   * @param id the flag's id
   * @param flag the flag (PostHog requires a body of the flag's shape)
   * @return PostHog's answer, holding the new cohort
   */
  public JsonNode createStaticCohort(long id, FeatureFlag flag) {
    required(flag, "flag");
    return 
        flags().featureFlagsCreateStaticCohortForFlagCreate(projectId, id, flag);
  }

  /**
   * Creates the usage dashboard of a flag.
   *
   * @param id the flag's id
   * @param flag the flag (PostHog requires a body of the flag's shape)
   * @return PostHog's answer
   */
  public JsonNode createUsageDashboard(long id, FeatureFlag flag) {
    required(flag, "flag");
    return flags().featureFlagsDashboardCreate(projectId, id, flag);
  }

  /**
   * Adds enriched analytics to the flag's usage dashboard.
   *
   * @param id the flag's id
   * @param flag the flag (PostHog requires a body of the flag's shape)
   * @return PostHog's answer
   */
  public JsonNode enrichUsageDashboard(long id, FeatureFlag flag) {
    required(flag, "flag");
    return 
        flags().featureFlagsEnrichUsageDashboardCreate(projectId, id, flag);
  }

  /**
   * One page of the roles that have access to a flag (deprecated upstream; see the spec).
   *
   * @param flagId the flag's id
   * @return the page
   */
  public Page<FeatureFlagRoleAccess> roleAccess(long flagId) {
    return Page.of(flags().featureFlagsRoleAccessList(projectId, flagId,
        new FeatureFlagsRoleAccessListQuery()));
  }


  /**
   * @param flagId the flag's id
   * @param id the role access entry's id
   * @return the entry
   */
  public FeatureFlagRoleAccess roleAccess(long flagId, long id) {
    return flags().featureFlagsRoleAccessRetrieve(projectId, flagId, id);
  }

  /**
   * Gives a role access to a flag.
   *
   * @param flagId the flag's id
   * @param access the entry (its {@code role_id})
   * @return the created entry
   */
  public FeatureFlagRoleAccess grantRoleAccess(long flagId, FeatureFlagRoleAccess access) {
    required(access, "access");
    return flags().featureFlagsRoleAccessCreate(projectId, flagId, access);
  }

  /**
   * Removes a role's access to a flag.
   *
   * @param flagId the flag's id
   * @param id the role access entry's id
   */
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
