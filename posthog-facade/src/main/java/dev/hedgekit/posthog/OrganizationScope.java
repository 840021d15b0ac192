package dev.hedgekit.posthog;

import dev.hedgekit.posthog.internal.config.Endpoint;
import dev.hedgekit.posthog.internal.config.Uuids;
import dev.hedgekit.posthog.resources.Domains;
import dev.hedgekit.posthog.resources.Invites;
import dev.hedgekit.posthog.resources.Members;
import dev.hedgekit.posthog.resources.OrganizationBatchExports;
import dev.hedgekit.posthog.resources.Plugins;
import dev.hedgekit.posthog.resources.Projects;
import dev.hedgekit.posthog.resources.ProxyRecords;
import dev.hedgekit.posthog.resources.Roles;
import dev.hedgekit.posthog.internal.ClientContext;

/**
 * The resources of one organization: what PostHog serves under
 * {@code /api/organizations/{id}/}. Made by {@link PostHogClient#organization(String)}; cheap,
 * immutable and thread-safe. Its calls use the options of the client or view it came from.
 *
 * <pre>{@code
 * OrganizationScope org = client.organization("0187c2...");
 * for (OrganizationMember m : org.members().listAll()) { ... }
 * }</pre>
 */
public final class OrganizationScope {

  private final ClientContext context;
  private final String organizationId;

  OrganizationScope(ClientContext context, String organizationId) {
    this.context = context;
    this.organizationId = organizationId;
  }

  /**
   * Checks an organization id: a UUID, or {@code @current}.
   *
   * @param id the id
   * @return the id
   * @throws IllegalArgumentException if it is neither
   */
  static String checkId(String id) {
    if (id == null) {
      throw new NullPointerException("organizationId must not be null");
    }
    if (!id.equals("@current") && !Uuids.isUuid(id)) {
      throw new IllegalArgumentException("the organization id must be a UUID (as shown in the"
          + " organization's settings) or @current, was \"" + Endpoint.printable(id) + "\"");
    }
    return id;
  }



  /**
   * Organization members.
   *
   * @return the resource group
   */
  public Members members() {
    return new Members(context, organizationId);
  }
  /**
   * Invitations to join the organization.
   *
   * @return the resource group
   */
  public Invites invites() {
    return new Invites(context, organizationId);
  }
  /**
   * Roles and their members.
   *
   * @return the resource group
   */
  public Roles roles() {
    return new Roles(context, organizationId);
  }
  /**
   * Verified email domains and their SSO settings.
   *
   * @return the resource group
   */
  public Domains domains() {
    return new Domains(context, organizationId);
  }
  /**
   * Managed reverse proxies.
   *
   * @return the resource group
   */
  public ProxyRecords proxyRecords() {
    return new ProxyRecords(context, organizationId);
  }
  /**
   * The organization's projects.
   *
   * @return the resource group
   */
  public Projects projects() {
    return new Projects(context, organizationId);
  }
  /**
   * Plugins (retired by PostHog in favour of hog functions, {@link ProjectScope#hogFunctions()}).
   *
   * @return the resource group
   */
  public Plugins plugins() {
    return new Plugins(context, organizationId);
  }
  /**
   * Batch exports across the organization's projects.
   *
   * @return the resource group
   * @deprecated PostHog has deprecated the organization-level batch export routes; use the
   *     project-level ones, {@link ProjectScope#batchExports()}.
   */
  @Deprecated
  public OrganizationBatchExports batchExports() {
    return new OrganizationBatchExports(context, organizationId);
  }
  /** @return the id this scope works on */
  public String organizationId() {
    return organizationId;
  }

  @Override
  public String toString() {
    return "OrganizationScope{" + organizationId + "}";
  }
}
