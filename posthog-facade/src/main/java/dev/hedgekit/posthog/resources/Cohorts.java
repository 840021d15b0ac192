package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.CohortsApi;
import dev.hedgekit.posthog.generated.api.CohortsApi.CohortsListQuery;
import dev.hedgekit.posthog.generated.api.CohortsApi.CohortsPersonsRetrieveQuery;
import dev.hedgekit.posthog.generated.model.ActivityLogEntry;
import dev.hedgekit.posthog.generated.model.Cohort;
import dev.hedgekit.posthog.generated.model.CohortPersonResult;
import dev.hedgekit.posthog.generated.model.PatchedCohort;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Cohorts of one project: dynamic or static groups of persons. List, read, create, change,
 * soft delete, and the cohort's related views (members, activity, static copies).
 *
 * <pre>{@code
 * Cohorts cohorts = client.cohorts(42);
 * Cohort paying = cohorts.create(new Cohort().name("Paying users").filters(filters));
 * cohorts.update(paying.getId(), new PatchedCohort().description("Plan is not free"));
 * cohorts.delete(paying.getId());                          // soft delete
 * }</pre>
 */
public final class Cohorts extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Cohorts(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private CohortsApi cohorts() {
    return api(CohortsApi.class);
  }

  /** @return the first page of cohorts (PostHog's default page size) */
  public Page<Cohort> list() {
    return list(new CohortsListQuery());
  }

  /**
   * One page of cohorts.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<Cohort> list(CohortsListQuery query) {
    required(query, "query");
    return Page.of(cohorts().cohortsList(projectId, query));
  }

  /** @return every cohort, fetched lazily page by page */
  public Pager<Cohort> listAll() {
    return listAll(new CohortsListQuery());
  }

  /**
   * Every cohort, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Cohort> listAll(CohortsListQuery query) {
    required(query, "query");
    return pager(() -> cohorts().cohortsList(projectId, query));
  }


  /**
   * @param id the cohort's numeric id
   * @return the cohort
   */
  public Cohort get(long id) {
    return cohorts().cohortsRetrieve(projectId, id);
  }

  /**
   * Creates a cohort. {@code name} is required; a dynamic cohort's conditions go in
   * {@code filters} (or {@code query}), a static cohort sets {@code is_static}.
   *
   * @param cohort the new cohort
   * @return the created cohort, with its id
   */
  public Cohort create(Cohort cohort) {
    required(cohort, "cohort");
    return cohorts().cohortsCreate(projectId, cohort);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the cohort's id
   * @param patch the fields to change
   * @return the cohort after the change
   */
  public Cohort update(long id, PatchedCohort patch) {
    required(patch, "patch");
    return cohorts().cohortsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the cohort (PUT): fields not set in {@code cohort} are reset by PostHog.
   *
   * @param id the cohort's id
   * @param cohort the full new state
   * @return the cohort after the change
   */
  public Cohort replace(long id, Cohort cohort) {
    required(cohort, "cohort");
    return cohorts().cohortsUpdate(projectId, id, cohort);
  }

  /**
   * Soft deletes the cohort: PostHog does not allow a hard delete of cohorts (the DELETE
   * answers 405), so this sends a PATCH setting {@code deleted} to true. The cohort disappears
   * from lists and is no longer recalculated.
   *
   * @param id the cohort's id
   * @return the cohort as PostHog answered the PATCH
   */
  public Cohort delete(long id) {
    return update(id, new PatchedCohort().deleted(true));
  }

  /**
   * The first page of the persons in a cohort.
   *
   * @param id the cohort's id
   * @return the page
   */
  public Page<CohortPersonResult> persons(long id) {
    return persons(id, new CohortsPersonsRetrieveQuery());
  }

  /**
   * One page of the persons in a cohort.
   *
   * @param id the cohort's id
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<CohortPersonResult> persons(long id, CohortsPersonsRetrieveQuery query) {
    required(query, "query");
    return Page.of(cohorts().cohortsPersonsRetrieve(projectId, id, query));
  }

  /**
   * Every person in a cohort, fetched lazily page by page.
   *
   * @param id the cohort's id
   * @return the pager
   */
  public Pager<CohortPersonResult> personsAll(long id) {
    return personsAll(id, new CohortsPersonsRetrieveQuery());
  }

  /**
   * Every person in a cohort, fetched lazily page by page.
   *
   * @param id the cohort's id
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<CohortPersonResult> personsAll(long id, CohortsPersonsRetrieveQuery query) {
    required(query, "query");
    return pager(() -> cohorts().cohortsPersonsRetrieve(projectId, id, query));
  }

  /**
   * Copies a cohort, as it is now, into a new static cohort.
   *
   * @param id the cohort's id
   * @return the new cohort
   */
  public Cohort duplicateAsStaticCohort(long id) {
    return cohorts().cohortsDuplicateAsStaticCohortRetrieve(projectId, id);
  }

  /** @return the first page of the project's cohort activity log (changes to any cohort) */
  public Page<ActivityLogEntry> activity() {
    return Page.of(cohorts().cohortsActivityRetrieve(projectId, null, null));
  }

  /** @return every entry of the project's cohort activity log, fetched lazily */
  public Pager<ActivityLogEntry> activityAll() {
    return pager(() -> cohorts().cohortsActivityRetrieve(projectId, null, null));
  }

  /**
   * @param id the cohort's id
   * @return the first page of the activity log of one cohort
   */
  public Page<ActivityLogEntry> activity(long id) {
    return Page.of(cohorts().cohortsActivityRetrieve2(projectId, id, null, null));
  }

  /**
   * @param id the cohort's id
   * @return every entry of the activity log of one cohort, fetched lazily
   */
  public Pager<ActivityLogEntry> activityAll(long id) {
    return pager(() -> cohorts().cohortsActivityRetrieve2(projectId, id, null, null));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Cohorts{projectId=" + projectId + "}";
  }
}
