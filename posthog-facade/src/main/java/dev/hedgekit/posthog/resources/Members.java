package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.MembersApi;
import dev.hedgekit.posthog.generated.api.MembersApi.MembersListQuery;
import dev.hedgekit.posthog.generated.model.OrganizationMember;
import dev.hedgekit.posthog.generated.model.PatchedOrganizationMember;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Members of one organization: list them, change their membership level, remove them.
 * Members are addressed by their user's UUID. New members join through {@link Invites}.
 *
 * <pre>{@code
 * Members members = client.members("0187c2...");
 * for (OrganizationMember m : members.listAll()) { ... }   // every member, page by page
 * members.update(userUuid, new PatchedOrganizationMember().level(OrganizationMembershipLevel.NUMBER_8));
 * members.delete(userUuid);                                 // removes the user from the organization
 * }</pre>
 */
public final class Members extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public Members(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private MembersApi members() {
    return api(MembersApi.class);
  }

  /** @return the first page of members (PostHog's default page size) */
  public Page<OrganizationMember> list() {
    return list(new MembersListQuery());
  }

  /**
   * One page of members.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<OrganizationMember> list(MembersListQuery query) {
    required(query, "query");
    return Page.of(members().membersList(organizationId, query));
  }

  /** @return every member, fetched lazily page by page */
  public Pager<OrganizationMember> listAll() {
    return listAll(new MembersListQuery());
  }

  /**
   * Every member, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<OrganizationMember> listAll(MembersListQuery query) {
    required(query, "query");
    return pager(() -> members().membersList(organizationId, query));
  }


  /**
   * Changes the fields set in {@code patch} (PATCH), typically the membership {@code level};
   * unset fields are left as they are.
   *
   * @param userUuid the member's user UUID
   * @param patch the fields to change
   * @return the membership after the change
   */
  public OrganizationMember update(String userUuid, PatchedOrganizationMember patch) {
    id(userUuid, "userUuid");
    required(patch, "patch");
    return members().membersPartialUpdate(organizationId, userUuid, patch);
  }

  /**
   * Replaces the membership (PUT): fields not set in {@code member} are reset by PostHog.
   *
   * @param userUuid the member's user UUID
   * @param member the full new state of the membership
   * @return the membership after the change
   */
  public OrganizationMember replace(String userUuid, OrganizationMember member) {
    id(userUuid, "userUuid");
    required(member, "member");
    return members().membersUpdate(organizationId, userUuid, member);
  }

  /**
   * Removes the user from the organization (DELETE); the user account itself remains.
   *
   * @param userUuid the member's user UUID
   */
  public void delete(String userUuid) {
    id(userUuid, "userUuid");
    members().membersDestroy(organizationId, userUuid);
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "Members{organizationId=" + organizationId + "}";
  }
}
