package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.DomainsApi;
import dev.hedgekit.posthog.generated.api.DomainsApi.DomainsListQuery;
import dev.hedgekit.posthog.generated.model.OrganizationDomain;
import dev.hedgekit.posthog.generated.model.PatchedOrganizationDomain;
import dev.hedgekit.posthog.pagination.Page;
import dev.hedgekit.posthog.pagination.Pager;

/**
 * Authentication domains of one organization (verified email domains, SSO and SAML settings):
 * list, read, add, change, verify and remove them.
 *
 * <pre>{@code
 * Domains domains = client.domains("0187c2...");
 * OrganizationDomain d = domains.create(new OrganizationDomain().domain("example.com"));
 * // publish d.getVerificationChallenge() as a DNS TXT record, then:
 * domains.verify(d.getId(), d);
 * }</pre>
 */
public final class Domains extends Resource {

  private final String organizationId;

  /**
   * @param context the client or view this group works through
   * @param organizationId the organization id
   */
  public Domains(ClientContext context, String organizationId) {
    super(context);
    this.organizationId = id(organizationId, "organizationId");
  }

  private DomainsApi domains() {
    return api(DomainsApi.class);
  }

  /** @return the first page of domains (PostHog's default page size) */
  public Page<OrganizationDomain> list() {
    return list(new DomainsListQuery());
  }

  /**
   * One page of domains.
   *
   * @param query paging ({@code limit}, {@code offset})
   * @return the page
   */
  public Page<OrganizationDomain> list(DomainsListQuery query) {
    required(query, "query");
    return Page.of(domains().domainsList(organizationId, query));
  }

  /** @return every domain, fetched lazily page by page */
  public Pager<OrganizationDomain> listAll() {
    return listAll(new DomainsListQuery());
  }

  /**
   * Every domain, fetched lazily page by page.
   *
   * @param query paging; its {@code limit} sets the page size
   * @return the pager
   */
  public Pager<OrganizationDomain> listAll(DomainsListQuery query) {
    required(query, "query");
    return pager(() -> domains().domainsList(organizationId, query));
  }


  /**
   * @param id the domain's id
   * @return the domain
   */
  public OrganizationDomain get(String id) {
    uuid(id, "id");
    return domains().domainsRetrieve(organizationId, id);
  }

  /**
   * Adds a domain. {@code domain} is required; the answer holds the DNS challenge to publish.
   *
   * @param domain the new domain
   * @return the created domain, with its id and verification challenge
   */
  public OrganizationDomain create(OrganizationDomain domain) {
    required(domain, "domain");
    return domains().domainsCreate(organizationId, domain);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH); unset fields are left as they are.
   *
   * @param id the domain's id
   * @param patch the fields to change
   * @return the domain after the change
   */
  public OrganizationDomain update(String id, PatchedOrganizationDomain patch) {
    uuid(id, "id");
    required(patch, "patch");
    return domains().domainsPartialUpdate(organizationId, id, patch);
  }

  /**
   * Replaces the domain (PUT): fields not set in {@code domain} are reset by PostHog.
   *
   * @param id the domain's id
   * @param domain the full new state
   * @return the domain after the change
   */
  public OrganizationDomain replace(String id, OrganizationDomain domain) {
    uuid(id, "id");
    required(domain, "domain");
    return domains().domainsUpdate(organizationId, id, domain);
  }

  /**
   * Removes the domain from the organization (DELETE).
   *
   * @param id the domain's id
   */
  public void delete(String id) {
    uuid(id, "id");
    domains().domainsDestroy(organizationId, id);
  }

  /**
   * Checks the domain's DNS TXT challenge now (the request has no body).
   *
   * @param id the domain's id
   * @return the domain with its refreshed verification state
   */
  public OrganizationDomain verify(String id) {
    uuid(id, "id");
    return domains().domainsVerifyCreate(organizationId, id);
  }

  /** @return the organization id this group works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "Domains{organizationId=" + organizationId + "}";
  }
}
