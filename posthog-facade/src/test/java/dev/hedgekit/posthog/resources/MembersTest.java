package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.ORG;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_1;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_2;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.exactJson;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.MembersApi.MembersListQuery;
import dev.hedgekit.posthog.generated.model.OrganizationMember;
import dev.hedgekit.posthog.generated.model.OrganizationMembershipLevelEnum;
import dev.hedgekit.posthog.generated.model.PatchedOrganizationMember;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MembersTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String MEMBERS = "/api/organizations/" + ORG + "/members/";
  private static final String ONE = MEMBERS + UUID_1 + "/";

  private PostHogClient client;
  private Members members;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    members = client.organization(ORG).members();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static String member(String userUuid, String email, int level) {
    return "{\"id\":\"" + UUID_2 + "\",\"level\":" + level + ",\"joined_at\":\"2024-03-01T10:00:00Z\","
        + "\"user\":{\"uuid\":\"" + userUuid + "\",\"email\":\"" + email + "\"}}";
  }

  @Test
  void listSendsPagingAndDecodesMembers() {
    wm.stubFor(get(urlEqualTo(MEMBERS + "?limit=1")).willReturn(json(page(member(UUID_1, "ada@example.com", 8), 1, null))));

    Page<OrganizationMember> p = members.list(new MembersListQuery().limit(1L));

    OrganizationMember m = p.results().get(0);
    assertEquals(OrganizationMembershipLevelEnum.ADMIN, m.getLevel());
    assertEquals("ada@example.com", m.getUser().getEmail());
    assertEquals(UUID_1, m.getUser().getUuid());
    assertEquals(1L, p.count().getAsLong());
    assertFalse(p.hasNext());
    wm.verify(1, getRequestedFor(urlEqualTo(MEMBERS + "?limit=1")));
  }

  @Test
  void listAllKeepsThePageSizeAndFollowsLinks() {
    wm.stubFor(get(urlEqualTo(MEMBERS + "?limit=1")).willReturn(json(
        page(member(UUID_1, "a@example.com", 1), 2, wm.baseUrl() + MEMBERS + "?limit=1&offset=1"))));
    wm.stubFor(get(urlEqualTo(MEMBERS + "?limit=1&offset=1")).willReturn(json(
        page(member(UUID_2, "b@example.com", 15), 2, null))));

    List<String> emails = members.listAll(new MembersListQuery().limit(1L)).stream()
        .map(m -> m.getUser().getEmail()).collect(Collectors.toList());

    assertEquals(List.of("a@example.com", "b@example.com"), emails);
    wm.verify(1, getRequestedFor(urlEqualTo(MEMBERS + "?limit=1&offset=1")));
  }

  @Test
  void updatePatchesTheLevel() {
    wm.stubFor(patch(urlEqualTo(ONE)).willReturn(json(member(UUID_1, "ada@example.com", 8))));

    OrganizationMember m = members.update(UUID_1,
        new PatchedOrganizationMember().level(OrganizationMembershipLevelEnum.ADMIN));

    assertEquals(OrganizationMembershipLevelEnum.ADMIN, m.getLevel());
    wm.verify(patchRequestedFor(urlEqualTo(ONE)).withRequestBody(exactJson("{\"level\":8}")));
  }

  @Test
  void replacePutsTheMembership() {
    wm.stubFor(put(urlEqualTo(ONE)).willReturn(json(member(UUID_1, "ada@example.com", 1))));

    OrganizationMember m = members.replace(UUID_1,
        new OrganizationMember().level(OrganizationMembershipLevelEnum.MEMBER));

    assertEquals(OrganizationMembershipLevelEnum.MEMBER, m.getLevel());
    wm.verify(putRequestedFor(urlEqualTo(ONE)).withRequestBody(exactJson("{\"level\":1}")));
  }

  @Test
  void deleteRemovesTheMember() {
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(noContent()));

    members.delete(UUID_1);

    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> members.delete(null));
    assertThrows(IllegalArgumentException.class, () -> members.delete(""));
    assertThrows(NullPointerException.class, () -> members.update(UUID_1, null));
    assertThrows(NullPointerException.class, () -> members.replace(null, new OrganizationMember()));
    assertThrows(NullPointerException.class, () -> members.listAll(null));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
