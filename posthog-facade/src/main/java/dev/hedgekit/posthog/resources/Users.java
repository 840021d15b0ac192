package dev.hedgekit.posthog.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.UsersApi;
import dev.hedgekit.posthog.generated.api.UsersApi.UsersListQuery;
import dev.hedgekit.posthog.generated.model.TwoFactorSetupResponse;
import dev.hedgekit.posthog.generated.model.User;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Users: the key's own user and its settings, and the users visible to it. A user is
 * addressed by UUID, or by {@value #ME} for the key's own user.
 *
 * <pre>{@code
 * User me = client.users().me();
 * Page<User> found = client.users().list(new UsersListQuery().email("ada@example.com"));
 * }</pre>
 */
public final class Users extends Resource {

  /** The id PostHog reads as the key's own user. */
  public static final String ME = "@me";

  /**
   * @param context the client or view this group works through
   */
  public Users(ClientContext context) {
    super(context);
  }

  private UsersApi users() {
    return api(UsersApi.class);
  }

  /** @return the first page of users (PostHog's default page size) */
  public Page<User> list() {
    return list(new UsersListQuery());
  }

  /**
   * One page of users.
   *
   * @param query filters and paging ({@code email}, {@code is_staff}, {@code limit},
   *     {@code offset})
   * @return the page
   */
  public Page<User> list(UsersListQuery query) {
    required(query, "query");
    return Page.of(users().usersList(query));
  }

  /** @return every user, fetched lazily page by page */
  public Pager<User> listAll() {
    return listAll(new UsersListQuery());
  }

  /**
   * Every user matching the filters, fetched lazily page by page.
   *
   * @param query filters; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<User> listAll(UsersListQuery query) {
    required(query, "query");
    return pager(() -> users().usersList(query));
  }


  /**
   * @param uuid the user's UUID, or {@value #ME}
   * @return the user with profile, current organization and project, and notification settings
   */
  public User get(String uuid) {
    id(uuid, "uuid");
    return users().usersRetrieve(uuid);
  }

  /** @return the key's own user (same as {@code get("@me")}) */
  public User me() {
    return get(ME);
  }

  /**
   * @param uuid the user's UUID, or {@value #ME}
   * @return the user's settings of the in-app hedgehog companion
   */
  public JsonNode hedgehogConfig(String uuid) {
    id(uuid, "uuid");
    return users().usersHedgehogConfigRetrieve(uuid);
  }

  /**
   * Prepares TOTP two-factor setup; only meaningful for the key's own user.
   *
   * @param uuid the user's UUID, normally {@value #ME}
   * @return what an authenticator app needs to finish the setup
   * @deprecated PostHog has deprecated this route. Use instead: GET
   *     /api/users/{uuid}/two_factor_start_setup/, then POST
   *     /api/users/{uuid}/two_factor_validate/.
   */
  @Deprecated
  public TwoFactorSetupResponse start2faSetup(String uuid) {
    id(uuid, "uuid");
    return users().usersStart2faSetupRetrieve(uuid);
  }

  @Override
  public String toString() {
    return "Users{}";
  }
}
