package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.OrganizationsApi;
import dev.hedgekit.posthog.generated.api.OrganizationsApi.CallListQuery;
import dev.hedgekit.posthog.generated.model.Organization;
import dev.hedgekit.posthog.generated.model.PatchedOrganization;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;
import java.util.UUID;

/**
 * Organizations the key's user belongs to: list, read, create, change and delete them.
 *
 * <p>PostHog addresses an organization by its UUID or by {@code @current} (the key's current
 * organization); the id-taking methods take either as text, or a {@link UUID}. {@link #get()}
 * reads the organization this group was made for.
 *
 * <pre>{@code
 * Organizations orgs = client.organizations();
 * for (Organization o : orgs.listAll()) { ... }          // every organization, page by page
 * Organization org = orgs.get();                           // the configured organization
 * orgs.update(org.getId(), new PatchedOrganization().name("Hedgehogs Inc."));
 * }</pre>
 */
public final class Organizations extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public Organizations(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private OrganizationsApi organizations() {
    return api(OrganizationsApi.class);
  }

  /** @return the first page of the user's organizations (PostHog's default page size) */
  public Page<Organization> list() {
    return list(new CallListQuery());
  }

  /**
   * One page of the user's organizations.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<Organization> list(CallListQuery query) {
    required(query, "query");
    return Page.of(organizations().callList(query));
  }

  /** @return every organization of the user, fetched lazily page by page */
  public Pager<Organization> listAll() {
    return listAll(new CallListQuery());
  }

  /**
   * Every organization of the user, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<Organization> listAll(CallListQuery query) {
    required(query, "query");
    return pager(() -> organizations().callList(query));
  }


  /**
   * The organization this group was made for (its UUID, or {@code @current} for the key's
   * current organization).
   *
   * @return the organization
   */
  public Organization get() {
    return get(organizationId);
  }

  /**
   * @param id the organization's UUID, or {@code @current}
   * @return the organization
   */
  public Organization get(String id) {
    return organizations().retrieve(id(id, "id"));
  }

  /**
   * @param id the organization's UUID
   * @return the organization
   */
  public Organization get(UUID id) {
    return get(required(id, "id").toString());
  }

  /**
   * Creates an organization; the key's user becomes its owner. {@code name} is required.
   *
   * @param organization the new organization
   * @return the created organization, with its id
   */
  public Organization create(Organization organization) {
    required(organization, "organization");
    return organizations().create(organization);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the organization's UUID, or {@code @current}
   * @param patch the fields to change
   * @return the organization after the change
   */
  public Organization update(String id, PatchedOrganization patch) {
    id(id, "id");
    required(patch, "patch");
    return organizations().partialUpdate(id, patch);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the organization's UUID
   * @param patch the fields to change
   * @return the organization after the change
   */
  public Organization update(UUID id, PatchedOrganization patch) {
    return update(required(id, "id").toString(), patch);
  }

  /**
   * Replaces the organization (PUT): fields not set in {@code organization} are reset by PostHog.
   *
   * @param id the organization's UUID, or {@code @current}
   * @param organization the full new state
   * @return the organization after the change
   */
  public Organization replace(String id, Organization organization) {
    id(id, "id");
    required(organization, "organization");
    return organizations().update(id, organization);
  }

  /**
   * Replaces the organization (PUT): fields not set in {@code organization} are reset by PostHog.
   *
   * @param id the organization's UUID
   * @param organization the full new state
   * @return the organization after the change
   */
  public Organization replace(UUID id, Organization organization) {
    return replace(required(id, "id").toString(), organization);
  }

  /**
   * Deletes the organization permanently, with its projects and their data (DELETE; only
   * owners may do this).
   *
   * @param id the organization's UUID, or {@code @current}
   */
  public void delete(String id) {
    organizations().destroy(id(id, "id"));
  }

  /**
   * Deletes the organization permanently, with its projects and their data (DELETE; only
   * owners may do this).
   *
   * @param id the organization's UUID
   */
  public void delete(UUID id) {
    delete(required(id, "id").toString());
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "Organizations{organizationId=" + organizationId + "}";
  }
}
