package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.InvitesApi.InvitesListQuery;
import dev.hedgekit.posthog.generated.model.OrganizationInvite;
import dev.hedgekit.posthog.generated.model.OrganizationMembershipLevelEnum;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvitesTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String INVITES = "/api/organizations/" + ORG + "/invites/";
  private static final String INVITE_JSON = "{\"id\":\"" + UUID_1 + "\",\"target_email\":\"ada@example.com\","
      + "\"level\":1,\"is_expired\":false,\"created_at\":\"2024-03-01T10:00:00Z\"}";

  private PostHogClient client;
  private Invites invites;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    invites = client.organization(ORG).invites();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void listSendsPagingAndDecodesInvites() {
    wm.stubFor(get(urlEqualTo(INVITES + "?limit=10&offset=20")).willReturn(json(page(INVITE_JSON, 21, null))));

    Page<OrganizationInvite> p = invites.list(new InvitesListQuery().limit(10L).offset(20L));

    OrganizationInvite i = p.results().get(0);
    assertEquals(UUID_1, i.getId());
    assertEquals("ada@example.com", i.getTargetEmail());
    assertEquals(OrganizationMembershipLevelEnum.MEMBER, i.getLevel());
    assertEquals(Boolean.FALSE, i.getIsExpired());
    assertEquals(21L, p.count().getAsLong());
  }

  @Test
  void listAllWithoutQuerySendsNoQuery() {
    String second = INVITE_JSON.replace(UUID_1, UUID_2).replace("ada@", "bob@");
    wm.stubFor(get(urlEqualTo(INVITES)).willReturn(json(page(INVITE_JSON, 2, wm.baseUrl() + INVITES + "?offset=1"))));
    wm.stubFor(get(urlEqualTo(INVITES + "?offset=1")).willReturn(json(page(second, 2, null))));

    List<String> emails = invites.listAll().stream().map(OrganizationInvite::getTargetEmail)
        .collect(Collectors.toList());

    assertEquals(List.of("ada@example.com", "bob@example.com"), emails);
    wm.verify(1, getRequestedFor(urlEqualTo(INVITES)));
  }

  @Test
  void createPostsTheInvite() {
    wm.stubFor(post(urlEqualTo(INVITES)).willReturn(json(201, INVITE_JSON)));

    OrganizationInvite created = invites.create(new OrganizationInvite().targetEmail("ada@example.com")
        .level(OrganizationMembershipLevelEnum.MEMBER).sendEmail(false));

    assertEquals(UUID_1, created.getId());
    wm.verify(postRequestedFor(urlEqualTo(INVITES)).withRequestBody(
        exactJson("{\"target_email\":\"ada@example.com\",\"level\":1,\"send_email\":false}")));
  }

  @Test
  void bulkCreatePostsAnArrayOfInvites() {
    wm.stubFor(post(urlEqualTo(INVITES + "bulk/")).willReturn(json(201, "[" + INVITE_JSON + "]")));

    List<OrganizationInvite> answer = invites.bulkCreate(List.of(
        new OrganizationInvite().targetEmail("ada@example.com"),
        new OrganizationInvite().targetEmail("bob@example.com")));

    assertEquals("ada@example.com", answer.get(0).getTargetEmail());
    wm.verify(postRequestedFor(urlEqualTo(INVITES + "bulk/")).withRequestBody(exactJson(
        "[{\"target_email\":\"ada@example.com\"},{\"target_email\":\"bob@example.com\"}]")));
  }

  @Test
  void bulkCreateTakesOneToTwentyInvites() {
    List<OrganizationInvite> many = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add(new OrganizationInvite().targetEmail("u" + i + "@example.com"));
    }
    assertThrows(IllegalArgumentException.class, () -> invites.bulkCreate(List.of()));
    assertThrows(IllegalArgumentException.class, () -> invites.bulkCreate(many));
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void deleteRevokesTheInvite() {
    wm.stubFor(delete(urlEqualTo(INVITES + UUID_1 + "/")).willReturn(noContent()));

    invites.delete(UUID_1);

    wm.verify(1, deleteRequestedFor(urlEqualTo(INVITES + UUID_1 + "/")));
  }

  @Test
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> invites.create(null));
    assertThrows(NullPointerException.class, () -> invites.bulkCreate(null));
    assertThrows(NullPointerException.class, () -> invites.delete(null));
    assertThrows(NullPointerException.class, () -> invites.list(null));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
