package dev.hedgekit.posthog.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * posthog-api.yaml and upstream/selection.yaml are exactly what the refresh tool makes from
 * the committed selection and overlay: nobody edited them by hand, and the tool is
 * deterministic.
 */
class CuratedSpecReproducibleTest {

  private static RefreshTool.Result refresh() throws IOException {
    Path selection = TestFiles.file("upstream/selection.yaml");
    RefreshTool.Options o = RefreshTool.Options.defaults()
        .upstream(selection.toString())
        .previous(selection)
        .overlay(TestFiles.file("overlay.yaml"))
        .write(false);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    return RefreshTool.run(o, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private static RefreshTool.Result first;

  @BeforeAll
  static void refreshOnce() throws IOException {
    first = refresh();
  }

  @Test
  void committedFilesAreTheToolsOutput() throws IOException {
    RefreshTool.Result r = first;
    assertEquals(List.of(), r.problems, "problems");
    assertEquals(0, r.status, "status");
    TestFiles.assertSameText(TestFiles.text(TestFiles.file("posthog-api.yaml")), r.specYaml,
        "posthog-api.yaml (regenerate it with the refresh tool; never edit it by hand)");
    TestFiles.assertSameText(TestFiles.text(TestFiles.file("upstream/selection.yaml")),
        r.selectionYaml, "upstream/selection.yaml");
    // Byte for byte, not only line for line.
    assertTrue(Arrays.equals(
        Files.readAllBytes(TestFiles.file("posthog-api.yaml")),
        r.specYaml.getBytes(StandardCharsets.UTF_8)), "posthog-api.yaml bytes");
    assertTrue(Arrays.equals(
        Files.readAllBytes(TestFiles.file("upstream/selection.yaml")),
        r.selectionYaml.getBytes(StandardCharsets.UTF_8)), "upstream/selection.yaml bytes");
    assertTrue(r.report.contains("No drift"), "drift against itself:\n" + r.report);
  }

  @Test
  void twoRunsGiveIdenticalOutput() throws IOException {
    RefreshTool.Result a = first;
    RefreshTool.Result b = refresh();
    assertEquals(a.specYaml, b.specYaml, "spec");
    assertEquals(a.selectionYaml, b.selectionYaml, "selection");
    assertEquals(a.report, b.report, "report");
    assertEquals(a.problems, b.problems, "problems");
  }
}
