package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.RolesApi;
import dev.hedgekit.posthog.generated.api.RolesApi.RolesListQuery;
import dev.hedgekit.posthog.generated.api.RolesApi.RolesRoleMembershipsListQuery;
import dev.hedgekit.posthog.generated.model.PatchedRole;
import dev.hedgekit.posthog.generated.model.Role;
import dev.hedgekit.posthog.generated.model.RoleMembership;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Roles of one organization (access control): list, read, create, change and delete roles,
 * and manage which users hold a role.
 *
 * <pre>{@code
 * Roles roles = client.roles("0187c2...");
 * Role eng = roles.create(new Role().name("Engineering"));
 * roles.addMember(eng.getId(), new RoleMembership().userUuid(userUuid));
 * for (RoleMembership m : roles.membershipsAll(eng.getId().toString())) { ... }
 * roles.delete(eng.getId());
 * }</pre>
 */
public final class Roles extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public Roles(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private RolesApi roles() {
    return api(RolesApi.class);
  }

  /** @return the first page of roles (PostHog's default page size) */
  public Page<Role> list() {
    return list(new RolesListQuery());
  }

  /**
   * One page of roles.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<Role> list(RolesListQuery query) {
    required(query, "query");
    return Page.of(roles().rolesList(organizationId, query));
  }

  /** @return every role, fetched lazily page by page */
  public Pager<Role> listAll() {
    return listAll(new RolesListQuery());
  }

  /**
   * Every role, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Role> listAll(RolesListQuery query) {
    required(query, "query");
    return pager(() -> roles().rolesList(organizationId, query));
  }


  /**
   * @param id the role's id
   * @return the role
   */
  public Role get(String id) {
    uuid(id, "id");
    return roles().rolesRetrieve(organizationId, id);
  }

  /**
   * Creates a role. {@code name} is required.
   *
   * @param role the new role
   * @return the created role, with its id
   */
  public Role create(Role role) {
    required(role, "role");
    return roles().rolesCreate(organizationId, role);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the role's id
   * @param patch the fields to change
   * @return the role after the change
   */
  public Role update(String id, PatchedRole patch) {
    uuid(id, "id");
    required(patch, "patch");
    return roles().rolesPartialUpdate(organizationId, id, patch);
  }

  /**
   * Replaces the role (PUT): fields not set in {@code role} are reset by PostHog.
   *
   * @param id the role's id
   * @param role the full new state
   * @return the role after the change
   */
  public Role replace(String id, Role role) {
    uuid(id, "id");
    required(role, "role");
    return roles().rolesUpdate(organizationId, id, role);
  }

  /**
   * Deletes the role (DELETE); its members lose the access it granted.
   *
   * @param id the role's id
   */
  public void delete(String id) {
    uuid(id, "id");
    roles().rolesDestroy(organizationId, id);
  }

  /**
   * The first page of a role's memberships (the users holding it).
   *
   * @param roleId the role's id
   * @return the page
   */
  public Page<RoleMembership> memberships(String roleId) {
    return memberships(roleId, new RolesRoleMembershipsListQuery());
  }

  /**
   * One page of a role's memberships.
   *
   * @param roleId the role's id
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<RoleMembership> memberships(String roleId, RolesRoleMembershipsListQuery query) {
    uuid(roleId, "roleId");
    required(query, "query");
    return Page.of(roles().rolesRoleMembershipsList(organizationId, roleId, query));
  }

  /**
   * Every membership of a role, fetched lazily page by page.
   *
   * @param roleId the role's id
   * @return the pager
   */
  public Pager<RoleMembership> membershipsAll(String roleId) {
    return membershipsAll(roleId, new RolesRoleMembershipsListQuery());
  }

  /**
   * Every membership of a role, fetched lazily page by page.
   *
   * @param roleId the role's id
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<RoleMembership> membershipsAll(String roleId, RolesRoleMembershipsListQuery query) {
    uuid(roleId, "roleId");
    required(query, "query");
    return pager(() -> roles().rolesRoleMembershipsList(organizationId, roleId, query));
  }


  /**
   * Gives a role to a user of the organization.
   *
   * @param roleId the role's id
   * @param membership the membership (its {@code user_uuid})
   * @return the created membership
   */
  public RoleMembership addMember(String roleId, RoleMembership membership) {
    uuid(roleId, "roleId");
    required(membership, "membership");
    return roles().rolesRoleMembershipsCreate(organizationId, roleId, membership);
  }

  /**
   * Takes a role away from a user (DELETE of the membership).
   *
   * @param roleId the role's id
   * @param id the membership's id
   */
  public void removeMember(String roleId, String id) {
    uuid(roleId, "roleId");
    uuid(id, "id");
    roles().rolesRoleMembershipsDestroy(organizationId, roleId, id);
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "Roles{organizationId=" + organizationId + "}";
  }
}
