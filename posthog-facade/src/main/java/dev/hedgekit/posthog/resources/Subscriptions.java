package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.SubscriptionsApi;
import dev.hedgekit.posthog.generated.api.SubscriptionsApi.SubscriptionsListQuery;
import dev.hedgekit.posthog.generated.model.PatchedSubscription;
import dev.hedgekit.posthog.generated.model.Subscription;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Subscriptions of one project: scheduled deliveries of an insight or dashboard by email or
 * Slack. List, read, create, change and soft delete.
 *
 * <pre>{@code
 * Subscriptions subscriptions = client.subscriptions(42);
 * Subscription weekly = subscriptions.create(new Subscription().dashboard(7)
 *     .targetType(TargetTypeEnum.EMAIL).targetValue("team@example.com")
 *     .frequency(FrequencyEnum.WEEKLY).startDate(OffsetDateTime.now()));
 * subscriptions.delete(weekly.getId());                    // soft delete
 * }</pre>
 */
public final class Subscriptions extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Subscriptions(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private SubscriptionsApi subscriptions() {
    return api(SubscriptionsApi.class);
  }

  /** @return the first page of subscriptions (PostHog's default page size) */
  public Page<Subscription> list() {
    return list(new SubscriptionsListQuery());
  }

  /**
   * One page of subscriptions.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<Subscription> list(SubscriptionsListQuery query) {
    required(query, "query");
    return Page.of(subscriptions().subscriptionsList(projectId, query));
  }

  /** @return every subscription, fetched lazily page by page */
  public Pager<Subscription> listAll() {
    return listAll(new SubscriptionsListQuery());
  }

  /**
   * Every subscription, fetched lazily page by page.
   *
   * @param query its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Subscription> listAll(SubscriptionsListQuery query) {
    required(query, "query");
    return pager(() -> subscriptions().subscriptionsList(projectId, query));
  }


  /**
   * @param id the subscription's numeric id
   * @return the subscription
   */
  public Subscription get(long id) {
    return subscriptions().subscriptionsRetrieve(projectId, id);
  }

  /**
   * Creates a subscription. It needs an {@code insight} or a {@code dashboard}, a target
   * ({@code target_type}, {@code target_value}), a {@code frequency} and a {@code start_date}.
   *
   * @param subscription the new subscription
   * @return the created subscription, with its id
   */
  public Subscription create(Subscription subscription) {
    required(subscription, "subscription");
    return subscriptions().subscriptionsCreate(projectId, subscription);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the subscription's id
   * @param patch the fields to change
   * @return the subscription after the change
   */
  public Subscription update(long id, PatchedSubscription patch) {
    required(patch, "patch");
    return subscriptions().subscriptionsPartialUpdate(projectId, id, patch);
  }

  /**
   * Replaces the subscription (PUT): fields not set in {@code subscription} are reset by PostHog.
   *
   * @param id the subscription's id
   * @param subscription the full new state
   * @return the subscription after the change
   */
  public Subscription replace(long id, Subscription subscription) {
    required(subscription, "subscription");
    return subscriptions().subscriptionsUpdate(projectId, id, subscription);
  }

  /**
   * Soft deletes the subscription: PostHog does not allow a hard delete of subscriptions (the
   * DELETE answers 405), so this sends a PATCH setting {@code deleted} to true. Deliveries stop
   * and the subscription disappears from lists.
   *
   * @param id the subscription's id
   * @return the subscription as PostHog answered the PATCH
   */
  public Subscription delete(long id) {
    return update(id, new PatchedSubscription().deleted(true));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Subscriptions{projectId=" + projectId + "}";
  }
}
