package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_1;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.exactJson;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.model.ExplicitTeamMember;
import dev.hedgekit.posthog.generated.model.ExplicitTeamMemberLevelEnum;
import dev.hedgekit.posthog.generated.model.PatchedExplicitTeamMember;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("deprecation")
class ProjectMembersTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String MEMBERS = "/api/projects/42/explicit_members/";
  private static final String ONE = MEMBERS + UUID_1 + "/";
  private static final String MEMBER_JSON = "{\"level\":8,\"effective_level\":8,"
      + "\"user\":{\"uuid\":\"" + UUID_1 + "\",\"email\":\"ada@example.com\"}}";

  private PostHogClient client;
  private ProjectMembers members;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    members = client.project(42).members();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void explicitMembersRoundTrip() {
    wm.stubFor(get(urlEqualTo(MEMBERS)).willReturn(json("[" + MEMBER_JSON + "]")));
    wm.stubFor(post(urlEqualTo(MEMBERS)).willReturn(json(201, MEMBER_JSON)));
    wm.stubFor(get(urlEqualTo(ONE)).willReturn(json(MEMBER_JSON)));
    wm.stubFor(patch(urlEqualTo(ONE)).willReturn(json(MEMBER_JSON.replace("\"level\":8", "\"level\":1"))));
    wm.stubFor(put(urlEqualTo(ONE)).willReturn(json(MEMBER_JSON)));
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(noContent()));

    List<ExplicitTeamMember> all = members.list();
    ExplicitTeamMember created = members.create(new ExplicitTeamMember()
        .userUuid(UUID_1).level(ExplicitTeamMemberLevelEnum.ADMIN));
    ExplicitTeamMember read = members.get(UUID_1);
    ExplicitTeamMember patched = members.update(UUID_1,
        new PatchedExplicitTeamMember().level(ExplicitTeamMemberLevelEnum.MEMBER));
    members.replace(UUID_1, new ExplicitTeamMember()
        .userUuid(UUID_1).level(ExplicitTeamMemberLevelEnum.ADMIN));
    members.delete(UUID_1);

    assertEquals("ada@example.com", all.get(0).getUser().getEmail());
    assertEquals(ExplicitTeamMemberLevelEnum.ADMIN, created.getLevel());
    assertEquals(UUID_1, read.getUser().getUuid());
    assertEquals(ExplicitTeamMemberLevelEnum.MEMBER, patched.getLevel());
    wm.verify(1, getRequestedFor(urlEqualTo(MEMBERS)));
    wm.verify(postRequestedFor(urlEqualTo(MEMBERS))
        .withRequestBody(exactJson("{\"user_uuid\":\"" + UUID_1 + "\",\"level\":8}")));
    wm.verify(patchRequestedFor(urlEqualTo(ONE)).withRequestBody(exactJson("{\"level\":1}")));
    wm.verify(putRequestedFor(urlEqualTo(ONE))
        .withRequestBody(exactJson("{\"user_uuid\":\"" + UUID_1 + "\",\"level\":8}")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> members.get(null));
    assertThrows(NullPointerException.class, () -> members.create(null));
    assertThrows(IllegalArgumentException.class, () -> members.delete(""));
    assertThrows(NullPointerException.class, () -> members.update(UUID_1, null));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
