package dev.hedgekit.posthog.pagination;

import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagList;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Following PostHog's {@code next} links through a typed resource: lazily, one page at a time,
 * and only on the client's own scheme, host and port.
 */
class PaginationTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  /** A second server on another port of the same host: it must never be called. */
  @RegisterExtension
  static WireMockExtension other = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FIRST = "/api/projects/1/feature_flags/?limit=2";
  private static final String SECOND = "/api/projects/1/feature_flags/?limit=2&offset=2";
  private static final String THIRD = "/api/projects/1/feature_flags/?limit=2&offset=4";

  private PostHogClient client;

  /** The client's base URL and the links use 127.0.0.1 so that only the port tells them apart. */
  private static String base() {
    return "http://127.0.0.1:" + wm.getPort();
  }

  @BeforeEach
  void setUp() {
    client = PostHogClient.builder().apiKey("phx_test").baseUrl(base()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static String page(String next, String previous, int... ids) {
    StringBuilder results = new StringBuilder();
    for (int id : ids) {
      results.append(results.length() == 0 ? "" : ",")
          .append("{\"id\":").append(id).append(",\"key\":\"flag-").append(id).append("\"}");
    }
    return "{\"count\":5,\"next\":" + quote(next) + ",\"previous\":" + quote(previous)
        + ",\"results\":[" + results + "]}";
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private void stubThreePages() {
    wm.stubFor(get(urlEqualTo(FIRST)).willReturn(okJson(page(base() + SECOND, null, 1, 2))));
    wm.stubFor(get(urlEqualTo(SECOND)).willReturn(okJson(page(base() + THIRD, base() + FIRST, 3, 4))));
    wm.stubFor(get(urlEqualTo(THIRD)).willReturn(okJson(page(null, base() + SECOND, 5))));
  }

  private static FeatureFlagsListQuery twoPerPage() {
    return new FeatureFlagsListQuery().limit(2L);
  }

  private static void assertFetched(int first, int second, int third) {
    wm.verify(first, getRequestedFor(urlEqualTo(FIRST)));
    wm.verify(second, getRequestedFor(urlEqualTo(SECOND)));
    wm.verify(third, getRequestedFor(urlEqualTo(THIRD)));
  }

  @Test
  void pagesAreFetchedOnlyWhenThePreviousPageIsUsedUp() {
    stubThreePages();
    Pager<FeatureFlag> pager = client.project(1).featureFlags().listAll(twoPerPage());
    assertFetched(0, 0, 0);

    Iterator<FeatureFlag> it = pager.iterator();
    assertFetched(0, 0, 0);
    assertTrue(it.hasNext());
    assertFetched(1, 0, 0);
    assertEquals(1, it.next().getId());
    assertEquals(2, it.next().getId());
    // The first page is used up, but nobody has asked for more yet.
    assertFetched(1, 0, 0);

    assertTrue(it.hasNext());
    assertFetched(1, 1, 0);
    assertEquals(3, it.next().getId());
    assertEquals("flag-4", it.next().getKey());
    assertFetched(1, 1, 0);

    assertTrue(it.hasNext());
    assertFetched(1, 1, 1);
    assertEquals(5, it.next().getId());
    assertFalse(it.hasNext());
    assertFetched(1, 1, 1);
    wm.verify(3, anyRequestedFor(anyUrl()));
  }

  @Test
  void streamFollowsTheLinksAndStaysLazy() {
    stubThreePages();
    Pager<FeatureFlag> pager = client.project(1).featureFlags().listAll(twoPerPage());

    assertEquals(List.of("flag-1", "flag-2", "flag-3", "flag-4", "flag-5"),
        pager.stream().map(FeatureFlag::getKey).collect(Collectors.toList()));
    assertFetched(1, 1, 1);

    wm.resetRequests();
    assertEquals(List.of(1L, 2L, 3L), pager.stream().limit(3).map(FeatureFlag::getId)
        .collect(Collectors.toList()));
    assertFetched(1, 1, 0);
  }

  @Test
  void pagesExposeCountAndLinks() {
    stubThreePages();
    Page<FeatureFlag> first = client.project(1).featureFlags().list(twoPerPage());

    assertEquals(OptionalLong.of(5), first.count());
    assertEquals(Optional.of(base() + SECOND), first.next());
    assertEquals(Optional.empty(), first.previous());
    assertTrue(first.hasNext());
    assertEquals(2, first.results().size());

    List<Page<FeatureFlag>> pages = new ArrayList<>();
    client.project(1).featureFlags().listAll(twoPerPage()).pages().forEach(pages::add);
    assertEquals(3, pages.size());
    assertEquals(Optional.of(base() + FIRST), pages.get(1).previous());
    assertEquals(Optional.of(base() + THIRD), pages.get(1).next());
    assertEquals(Optional.empty(), pages.get(2).next());
    assertFalse(pages.get(2).hasNext());
    assertEquals(List.of(5L), pages.get(2).results().stream().map(FeatureFlag::getId)
        .collect(Collectors.toList()));
  }

  @Test
  void pagesTreatBlankLinksAsAbsentAndNullResultsAsEmpty() {
    Page<FeatureFlag> page = Page.of(new PaginatedFeatureFlagList().next(" ").previous(""));
    assertEquals(List.of(), page.results());
    assertFalse(page.hasNext());
    assertEquals(Optional.empty(), page.next());
    assertEquals(Optional.empty(), page.previous());
    assertEquals(OptionalLong.empty(), page.count());
  }

  @Test
  void aLinkToAnotherHostIsRefusedBeforeAnythingIsSent() {
    assertRefused("http://evil.example/api/projects/1/feature_flags/?limit=2&offset=2", "evil.example");
  }

  @Test
  void aLinkToAnotherPortOnTheSameHostIsRefused() {
    other.stubFor(get(anyUrl()).willReturn(okJson(page(null, null, 99))));
    assertRefused("http://127.0.0.1:" + other.getPort() + SECOND, "127.0.0.1:" + other.getPort());
    other.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aLinkWithAnotherSchemeIsRefused() {
    assertRefused("https://127.0.0.1:" + wm.getPort() + SECOND, "https://");
  }

  @Test
  void aLinkWithUserInfoIsRefused() {
    assertRefused("http://user@127.0.0.1:" + wm.getPort() + SECOND, "refusing");
  }

  private void assertRefused(String link, String named) {
    wm.stubFor(get(urlEqualTo(FIRST)).willReturn(okJson(page(link, null, 1, 2))));
    wm.stubFor(get(urlEqualTo(SECOND)).willReturn(okJson(page(null, null, 3))));
    Iterator<FeatureFlag> it = client.project(1).featureFlags().listAll(twoPerPage()).iterator();
    assertEquals(1, it.next().getId());
    assertEquals(2, it.next().getId());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, it::hasNext);

    assertTrue(e.getMessage().contains(named), e.getMessage());
    assertTrue(e.getMessage().contains("refusing"), e.getMessage());
    wm.verify(1, anyRequestedFor(anyUrl()));
    wm.verify(0, getRequestedFor(urlEqualTo(SECOND)));
  }
}
