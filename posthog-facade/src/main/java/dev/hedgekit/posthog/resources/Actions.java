package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.ActionsApi;
import dev.hedgekit.posthog.generated.api.ActionsApi.ActionsListQuery;
import dev.hedgekit.posthog.generated.model.Action;
import dev.hedgekit.posthog.generated.model.ActionList;
import dev.hedgekit.posthog.generated.model.PatchedAction;
import java.util.List;

/**
 * Actions of one project (PostHog's spec tag {@code actions}): named combinations of events,
 * such as "clicked sign-up on the pricing page", that insights can count like events. Not to be
 * confused with running an operation by its slug. List, read, create, change and soft delete.
 * PostHog answers the list whole, without pages.
 *
 * <pre>{@code
 * Actions actions = client.project(42).actions();
 * Action signUp = actions.create(new Action().name("Signed up").steps(List.of(step)));
 * actions.update(signUp.getId(), new PatchedAction().description("Any sign-up form"));
 * actions.delete(signUp.getId());                          // soft delete
 * }</pre>
 */
public final class Actions extends Resource {

  /** Leaves PostHog's {@code format} query parameter out, so answers come as JSON. */
  private static final String DEFAULT_FORMAT = null;

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public Actions(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private ActionsApi actions() {
    return api(ActionsApi.class);
  }

  /**
   * Every action of the project, in one answer: PostHog does not page this list (it ignores
   * {@code limit} and {@code offset}).
   *
   * @return the actions, never null
   */
  public List<Action> list() {
    return list(new ActionsListQuery());
  }

  /**
   * Every action of the project, in one answer.
   *
   * @param query {@code include_reference_count}: also count where each action is used
   * @return the actions, never null
   */
  public List<Action> list(ActionsListQuery query) {
    required(query, "query");
    ActionList answer = actions().actionsList(projectId, query);
    List<Action> results = answer == null ? null : answer.getResults();
    return results == null ? List.of() : results;
  }

  /**
   * @param id the action's numeric id
   * @return the action
   */
  public Action get(long id) {
    return actions().actionsRetrieve(projectId, id, DEFAULT_FORMAT);
  }

  /**
   * Creates an action. {@code name} is required; {@code steps} say which events match.
   *
   * @param action the new action
   * @return the created action, with its id
   */
  public Action create(Action action) {
    required(action, "action");
    return actions().actionsCreate(projectId, DEFAULT_FORMAT, action);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the action's id
   * @param patch the fields to change
   * @return the action after the change
   */
  public Action update(long id, PatchedAction patch) {
    required(patch, "patch");
    return actions().actionsPartialUpdate(projectId, id, DEFAULT_FORMAT, patch);
  }

  /**
   * Replaces the action (PUT): fields not set in {@code action} are reset by PostHog.
   *
   * @param id the action's id
   * @param action the full new state
   * @return the action after the change
   */
  public Action replace(long id, Action action) {
    required(action, "action");
    return actions().actionsUpdate(projectId, id, DEFAULT_FORMAT, action);
  }

  /**
   * Soft deletes the action: PostHog does not allow a hard delete of actions (the DELETE
   * answers 405), so this sends a PATCH setting {@code deleted} to true. The action disappears
   * from lists and can no longer be used in new insights.
   *
   * @param id the action's id
   * @return the action as PostHog answered the PATCH
   */
  public Action delete(long id) {
    return update(id, new PatchedAction().deleted(true));
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "Actions{projectId=" + projectId + "}";
  }
}
