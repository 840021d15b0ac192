package dev.hedgekit.posthog.resources;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.ORG;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_1;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.UUID_2;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.json;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.noContent;
import static dev.hedgekit.posthog.resources.OrgAdminFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsList2Query;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsListQuery;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsRunsListQuery;
import dev.hedgekit.posthog.generated.model.BatchExport;
import dev.hedgekit.posthog.generated.api.BatchExportsApi.BatchExportsLogsRetrieve2Query;
import dev.hedgekit.posthog.generated.model.BatchExportRun;
import dev.hedgekit.posthog.generated.model.LogEntry;
import dev.hedgekit.posthog.generated.model.BatchExportRunStatusEnum;
import dev.hedgekit.posthog.generated.model.IntervalEnum;
import dev.hedgekit.posthog.pagination.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchExportsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String EXPORTS = "/api/projects/42/batch_exports/";
  private static final String ONE = EXPORTS + UUID_1 + "/";
  private static final String RUNS = ONE + "runs/";
  private static final String ORG_EXPORTS = "/api/organizations/" + ORG + "/batch_exports/";
  private static final String EXPORT_JSON = "{\"id\":\"" + UUID_1 + "\",\"team_id\":42,\"name\":\"To S3\","
      + "\"interval\":\"hour\",\"paused\":false,\"destination\":{\"type\":\"S3\",\"config\":{\"bucket_name\":\"b\"}}}";
  private static final String RUN_JSON = "{\"id\":\"" + UUID_2 + "\",\"status\":\"Completed\","
      + "\"records_completed\":120,\"data_interval_start\":\"2024-03-01T10:00:00Z\"}";

  private PostHogClient client;
  private BatchExports exports;

  @BeforeEach
  void open() {
    client = OrgAdminFixtures.client(wm);
    exports = client.project(42).batchExports();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void listAndListAllDecodeExports() {
    wm.stubFor(get(urlEqualTo(EXPORTS + "?limit=1")).willReturn(
        json(page(EXPORT_JSON, 2, wm.baseUrl() + EXPORTS + "?limit=1&offset=1"))));
    wm.stubFor(get(urlEqualTo(EXPORTS + "?limit=1&offset=1")).willReturn(
        json(page(EXPORT_JSON.replace("To S3", "To BigQuery"), 2, null))));

    Page<BatchExport> p = exports.list(new BatchExportsList2Query().limit(1L));
    List<String> names = exports.listAll(new BatchExportsList2Query().limit(1L)).stream()
        .map(BatchExport::getName).collect(Collectors.toList());

    BatchExport e = p.results().get(0);
    assertEquals(UUID_1, e.getId());
    assertEquals(IntervalEnum.HOUR, e.getInterval());
    assertEquals(Boolean.FALSE, e.getPaused());
    assertEquals("S3", e.getDestination().getType().value());
    assertEquals(2L, p.count().getAsLong());
    assertEquals(List.of("To S3", "To BigQuery"), names);
    wm.verify(2, getRequestedFor(urlEqualTo(EXPORTS + "?limit=1")));
  }

  @Test
  void getDeleteAndLogs() {
    wm.stubFor(get(urlEqualTo(ONE)).willReturn(json(EXPORT_JSON)));
    wm.stubFor(delete(urlEqualTo(ONE)).willReturn(noContent()));
    wm.stubFor(get(urlEqualTo(ONE + "logs/")).willReturn(json(
        "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"message\":\"started\",\"level\":\"INFO\"}]}")));
    wm.stubFor(get(urlEqualTo(ONE + "logs/?level=ERROR&limit=50")).willReturn(json(
        "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}")));
    String id = UUID_1;

    assertEquals("To S3", exports.get(id).getName());
    Page<LogEntry> logs = exports.logs(id);
    Page<LogEntry> errors = exports.logs(id, new BatchExportsLogsRetrieve2Query().level("ERROR").limit(50L));
    exports.delete(id);

    assertEquals("started", logs.results().get(0).getMessage());
    assertEquals(0, errors.results().size());
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "logs/?level=ERROR&limit=50")));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE)));
    wm.verify(1, getRequestedFor(urlEqualTo(ONE + "logs/")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(ONE)));
  }

  @Test
  void runsArePagedByCursor() {
    wm.stubFor(get(urlEqualTo(RUNS + "?ordering=-created_at")).willReturn(json("{\"next\":\""
        + wm.baseUrl() + RUNS + "?cursor=abc&ordering=-created_at\",\"previous\":null,\"results\":[" + RUN_JSON + "]}")));
    wm.stubFor(get(urlEqualTo(RUNS + "?cursor=abc&ordering=-created_at")).willReturn(json(
        "{\"next\":null,\"previous\":null,\"results\":[" + RUN_JSON.replace("Completed", "Failed") + "]}")));

    Page<BatchExportRun> first = exports.runs(UUID_1, new BatchExportsRunsListQuery().ordering("-created_at"));
    List<BatchExportRunStatusEnum> statuses = exports.runsAll(UUID_1,
        new BatchExportsRunsListQuery().ordering("-created_at")).stream()
        .map(BatchExportRun::getStatus).collect(Collectors.toList());

    assertEquals(UUID_2, first.results().get(0).getId());
    assertEquals(120, first.results().get(0).getRecordsCompleted().intValue());
    assertFalse(first.count().isPresent());
    assertTrue(first.hasNext());
    assertEquals(List.of(BatchExportRunStatusEnum.COMPLETED, BatchExportRunStatusEnum.FAILED), statuses);
    wm.verify(1, getRequestedFor(urlEqualTo(RUNS + "?cursor=abc&ordering=-created_at")));
  }

  @Test
  void oneRunAndItsLogs() {
    wm.stubFor(get(urlEqualTo(RUNS + UUID_2 + "/")).willReturn(json(RUN_JSON)));
    wm.stubFor(get(urlEqualTo(RUNS + UUID_2 + "/logs/")).willReturn(json("{\"results\":[],\"next\":null}")));

    BatchExportRun run = exports.run(UUID_1, UUID_2);
    Page<LogEntry> logs = exports.runLogs(UUID_1, UUID_2);

    assertEquals(BatchExportRunStatusEnum.COMPLETED, run.getStatus());
    assertEquals(0, logs.results().size());
    wm.verify(1, getRequestedFor(urlEqualTo(RUNS + UUID_2 + "/")));
    wm.verify(1, getRequestedFor(urlEqualTo(RUNS + UUID_2 + "/logs/")));
  }

  @Test
  @SuppressWarnings("deprecation")
  void organizationLevelExports() {
    OrganizationBatchExports org = client.organization(ORG).batchExports();
    String one = ORG_EXPORTS + UUID_1 + "/";
    wm.stubFor(get(urlEqualTo(ORG_EXPORTS + "?offset=3")).willReturn(json(page(EXPORT_JSON, 4, null))));
    wm.stubFor(get(urlEqualTo(ORG_EXPORTS)).willReturn(json(page(EXPORT_JSON, 1, null))));
    wm.stubFor(get(urlEqualTo(one)).willReturn(json(EXPORT_JSON)));
    wm.stubFor(get(urlEqualTo(one + "logs/")).willReturn(json("{\"results\":[]}")));
    wm.stubFor(delete(urlEqualTo(one)).willReturn(noContent()));
    String id = UUID_1;

    assertEquals(4L, org.list(new BatchExportsListQuery().offset(3L)).count().getAsLong());
    assertEquals(1, org.listAll().stream().count());
    assertEquals(42, org.get(id).getTeamId());
    assertEquals(0, org.logs(id).results().size());
    org.delete(id);

    wm.verify(1, getRequestedFor(urlEqualTo(ORG_EXPORTS + "?offset=3")));
    wm.verify(1, getRequestedFor(urlEqualTo(ORG_EXPORTS)));
    wm.verify(1, getRequestedFor(urlEqualTo(one)));
    wm.verify(1, getRequestedFor(urlEqualTo(one + "logs/")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(one)));
  }

  @Test
  @SuppressWarnings("deprecation")
  void argumentsAreCheckedBeforeAnyRequest() {
    assertThrows(NullPointerException.class, () -> exports.get(null));
    assertThrows(NullPointerException.class, () -> exports.delete(null));
    assertThrows(NullPointerException.class, () -> exports.logs(null));
    assertThrows(NullPointerException.class, () -> exports.runs(null));
    assertThrows(NullPointerException.class, () -> exports.runsAll(null));
    assertThrows(NullPointerException.class, () -> exports.run(UUID_1, null));
    assertThrows(NullPointerException.class, () -> exports.runLogs(null, UUID_2));
    assertThrows(NullPointerException.class, () -> client.organization(ORG).batchExports().get(null));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
