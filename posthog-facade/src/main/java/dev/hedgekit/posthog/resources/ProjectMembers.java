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
 * <p>Every operation here is deprecated: PostHog no longer documents the explicit members
 * endpoints. They are still offered for instances that serve them.
 */
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
   * PostHog no longer documents this operation.
   *
   * @return the members, with level, effective level and join dates
   * @deprecated removed from PostHog's documented API
   */
  @Deprecated
  public List<ExplicitTeamMember> list() {
    return members().explicitMembersList(projectId);
  }

  /**
   * One explicit member. PostHog no longer documents this operation.
   *
   * @param userUuid the member's user UUID
   * @return the membership
   * @deprecated removed from PostHog's documented API
   */
  @Deprecated
  public ExplicitTeamMember get(String userUuid) {
    id(userUuid, "userUuid");
    return members().explicitMembersRetrieve(projectId, userUuid);
  }

  /**
   * Gives an organization member explicit access to the project. {@code user_uuid} and
   * {@code level} are expected. PostHog no longer documents this operation.
   *
   * @param member the new membership
   * @return the created membership
   * @deprecated removed from PostHog's documented API
   */
  @Deprecated
  public ExplicitTeamMember create(ExplicitTeamMember member) {
    required(member, "member");
    return members().explicitMembersCreate(projectId, member);
  }

  /**
   * Changes the fields set in {@code patch} (PATCH), typically the {@code level}; unset fields
   * are left as they are. PostHog no longer documents this operation.
   *
   * @param userUuid the member's user UUID
   * @param patch the fields to change
   * @return the membership after the change
   * @deprecated removed from PostHog's documented API
   */
  @Deprecated
  public ExplicitTeamMember update(String userUuid, PatchedExplicitTeamMember patch) {
    id(userUuid, "userUuid");
    required(patch, "patch");
    return members().explicitMembersPartialUpdate(projectId, userUuid, patch);
  }

  /**
   * Replaces the membership (PUT): fields not set in {@code member} are reset by PostHog.
   * PostHog no longer documents this operation.
   *
   * @param userUuid the member's user UUID
   * @param member the full new state
   * @return the membership after the change
   * @deprecated removed from PostHog's documented API
   */
  @Deprecated
  public ExplicitTeamMember replace(String userUuid, ExplicitTeamMember member) {
    id(userUuid, "userUuid");
    required(member, "member");
    return members().explicitMembersUpdate(projectId, userUuid, member);
  }

  /**
   * Revokes the user's explicit access to the project (DELETE). PostHog no longer documents
   * this operation.
   *
   * @param userUuid the member's user UUID
   * @deprecated removed from PostHog's documented API
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
