package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.InvitesApi;
import dev.hedgekit.posthog.generated.api.InvitesApi.InvitesListQuery;
import dev.hedgekit.posthog.generated.model.OrganizationInvite;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.List;

/**
 * Pending invites of one organization: list, send and revoke them.
 *
 * <pre>{@code
 * Invites invites = client.invites("0187c2...");
 * OrganizationInvite sent = invites.create(new OrganizationInvite().targetEmail("ada@example.com"));
 * for (OrganizationInvite i : invites.listAll()) { ... }   // every pending invite
 * invites.delete(sent.getId());                              // revokes it
 * }</pre>
 */
public final class Invites extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public Invites(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private InvitesApi invites() {
    return api(InvitesApi.class);
  }

  /** @return the first page of invites (PostHog's default page size) */
  public Page<OrganizationInvite> list() {
    return list(new InvitesListQuery());
  }

  /**
   * One page of invites.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<OrganizationInvite> list(InvitesListQuery query) {
    required(query, "query");
    return Page.of(invites().invitesList(organizationId, query));
  }

  /** @return every invite, fetched lazily page by page */
  public Pager<OrganizationInvite> listAll() {
    return listAll(new InvitesListQuery());
  }

  /**
   * Every invite, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<OrganizationInvite> listAll(InvitesListQuery query) {
    required(query, "query");
    return pager(() -> invites().invitesList(organizationId, query));
  }


  /**
   * Invites someone to the organization. {@code target_email} is required; {@code level},
   * {@code message}, {@code private_project_access} and {@code send_email} are optional.
   *
   * @param invite the new invite
   * @return the created invite, with its id
   */
  public OrganizationInvite create(OrganizationInvite invite) {
    required(invite, "invite");
    return invites().invitesCreate(organizationId, invite);
  }

  /**
   * Creates several invites in one call (PostHog takes 1 to 20 at a time).
   *
   * @param invites the invites to create, each with its {@code target_email}
   * @return the created invites
   * @throws IllegalArgumentException if the list is empty or holds more than 20 invites
   */
  public List<OrganizationInvite> bulkCreate(List<OrganizationInvite> invites) {
    required(invites, "invites");
    if (invites.isEmpty() || invites.size() > 20) {
      throw new IllegalArgumentException("invites must hold 1 to 20 invites, held "
          + invites.size());
    }
    for (OrganizationInvite i : invites) {
      required(i, "invites[i]");
    }
    return invites().invitesBulkCreate(organizationId, invites);
  }

  /**
   * Revokes an invite (DELETE); its link stops working.
   *
   * @param id the invite's id
   */
  public void delete(String id) {
    uuid(id, "id");
    invites().invitesDestroy(organizationId, id);
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "Invites{organizationId=" + organizationId + "}";
  }
}
