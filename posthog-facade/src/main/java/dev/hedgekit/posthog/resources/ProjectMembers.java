package dev.hedgekit.posthog.resources;

import dev.hedgekit.posthog.internal.ClientContext;
import dev.hedgekit.posthog.generated.api.MembersApi;
import dev.hedgekit.posthog.generated.model.ExplicitTeamMember;
import dev.hedgekit.posthog.generated.model.PatchedExplicitTeamMember;
import java.util.List;

/**
 * Explicit members of one project with restricted access: who may use the project beyond the
 * organization's defaults, as member (level 1) or admin (level 8). Members are addressed by
 * their user's UUID.
 *
 * <p>Every operation here is deprecated: PostHog has removed the explicit members endpoints.
 * They are still offered for instances that serve them.
 *
 * @deprecated PostHog has removed explicit project members. Use instead: project access control
 *     (the project's {@code access_controls}) and organization roles under
 *     {@code /api/organizations/{organization_id}/roles/} ({@link Roles}).
 */
@Deprecated
public final class ProjectMembers extends Resource {

  private final String projectId;

  /**
   * @param context the client or view this group works through
   * @param projectId the project id
   */
  public ProjectMembers(ClientContext context, String projectId) {
    super(context);
    this.projectId = id(projectId, "projectId");
  }

  private MembersApi members() {
    return api(MembersApi.class);
  }

  /**
   * Every explicit member of the project (PostHog answers them all at once, unpaged).
   *
   *
   * @return the members, with level, effective level and join dates
   * @deprecated PostHog has removed explicit project members. Use instead: project access
   *     control (the project's {@code access_controls}) and organization roles
   *     ({@link Roles}).
   */
  @Deprecated
  public List<ExplicitTeamMember> list() {
    return members().explicitMembersList(projectId);
  }

  /**
   * One explicit member.
   *
   * @param userUuid the member's user UUID
   * @return the membership
   * @deprecated PostHog has removed explicit project members. Use instead: project access
   *     control (the project's {@code access_controls}) and organization roles
   *     ({@link Roles}).
   */
  @Deprecated
  public ExplicitTeamMember get(String userUuid) {
    id(userUuid, "userUuid");
    return members().explicitMembersRetrieve(projectId, userUuid);
  }

  /**
   * Gives an organization member explicit access to the project. {@code user_uuid} and
   * {@code level} are expected.
   *
   * @param member the new membership
   * @return the created membership
   * @deprecated PostHog has removed explicit project members. Use instead: project access
   *     control (the project's {@code access_controls}) and organization roles
   *     ({@link Roles}).
   */
  @Deprecated
  public ExplicitTeamMember create(ExplicitTeamMember member) {
    required(member, "member");
    return members().explicitMembersCreate(projectId, member);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH), typically the {@code level}; unset fields
   * are left as they are.
   *
   * @param userUuid the member's user UUID
   * @param patch the fields to change
   * @return the membership after the change
   * @deprecated PostHog has removed explicit project members. Use instead: project access
   *     control (the project's {@code access_controls}) and organization roles
   *     ({@link Roles}).
   */
  @Deprecated
  public ExplicitTeamMember update(String userUuid, PatchedExplicitTeamMember patch) {
    id(userUuid, "userUuid");
    required(patch, "patch");
    return members().explicitMembersPartialUpdate(projectId, userUuid, patch);
  }

  /**
   * Replaces the membership (PUT): fields not set in {@code member} are reset by PostHog.
   *
   *
   * @param userUuid the member's user UUID
   * @param member the full new state
   * @return the membership after the change
   * @deprecated PostHog has removed explicit project members. Use instead: project access
   *     control (the project's {@code access_controls}) and organization roles
   *     ({@link Roles}).
   */
  @Deprecated
  public ExplicitTeamMember replace(String userUuid, ExplicitTeamMember member) {
    id(userUuid, "userUuid");
    required(member, "member");
    return members().explicitMembersUpdate(projectId, userUuid, member);
  }

  /**
   * Revokes the user's explicit access to the project (DELETE).
   *
   * @param userUuid the member's user UUID
   * @deprecated PostHog has removed explicit project members. Use instead: project access
   *     control (the project's {@code access_controls}) and organization roles
   *     ({@link Roles}).
   */
  @Deprecated
  public void delete(String userUuid) {
    id(userUuid, "userUuid");
    members().explicitMembersDestroy(projectId, userUuid);
  }

  /** @return the project id this group works on */
  public String projectId() {
    return projectId;
  }

  @Override
  public String toString() {
    return "ProjectMembers{projectId=" + projectId + "}";
  }
}
