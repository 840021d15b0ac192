package dev.hedgekit.posthog.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hedgekit.posthog.examples.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The built command line jar ({@code target/posthog-cli.jar}, passed by the build as
 * {@code posthog.cli.jar}) run as a real process, and facts about the spec worked out from
 * its JSON, for the integration tests.
 */
public final class CliJar {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CliJar() {
  }

  /** @return the jar, which must exist */
  public static Path jar() {
    String p = System.getProperty("posthog.cli.jar", "target/posthog-cli.jar");
    Path jar = Path.of(p).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "the command line jar is built: " + jar);
    return jar;
  }

  /** @return the java launcher running these tests */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** One finished run. */
  public static final class Result {
    public final int status;
    public final String out;
    public final String err;
    public final long millis;

    Result(int status, String out, String err, long millis) {
      this.status = status;
      this.out = out;
      this.err = err;
      this.millis = millis;
    }

    /** @return stdout as exactly one JSON value (anything after it is an error) */
    public JsonNode json() {
      try {
        return MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readTree(out);
      } catch (IOException e) {
        throw new AssertionError("stdout is not one JSON value: " + e.getMessage() + "\n" + out);
      }
    }

    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /**
   * Runs {@code java -jar posthog-cli.jar ARGS} with the POSTHOG_* variables removed from the
   * environment and the given ones added.
   *
   * @param env variables to set
   * @param args the command line
   * @return what happened
   */
  public static Result run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("POSTHOG_"));
    pb.environment().putAll(env);
    long start = System.nanoTime();
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the command line did not finish: " + command);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Result(p.exitValue(), out.join(), err.join(), millis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Slugs of the curated spec, read from its JSON.
   *
   * @param area only this tag, or null for all
   * @param readOnly only GET operations
   * @param includeRemoved whether operations marked {@code x-hedgekit-upstream: removed} count
   * @return the slugs, sorted
   */
  public static Set<String> slugs(String area, boolean readOnly, boolean includeRemoved) {
    Set<String> out = new TreeSet<>();
    SandboxServer.loadSpec().get("paths").properties().iterator().forEachRemaining(path ->
        path.getValue().properties().iterator().forEachRemaining(op -> {
          JsonNode o = op.getValue();
          if (o.has("x-composio-slugs")
              && (includeRemoved || !"removed".equals(o.path("x-hedgekit-upstream").asText()))
              && (area == null || area.equals(o.path("tags").path(0).asText()))
              && (!readOnly || "get".equals(op.getKey()))) {
            o.get("x-composio-slugs").forEach(s -> out.add(s.asText()));
          }
        }));
    return out;
  }
}
