package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link SimPostHog} in a JVM of its own, started from the benchmark's classpath, so that the
 * server's threads, buffers and garbage stay out of the measured JVM's heap and collector.
 * Talks to it over its stdin and stdout; its stderr goes to ours.
 */
final class SimProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final String baseUrl;
  private final String banner;

  private SimProcess(Process process) throws IOException {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String line = out.readLine();
    if (line == null || !line.startsWith("SIM listening ")) {
      process.destroyForcibly();
      throw new IOException("the simulated PostHog did not start: " + line);
    }
    this.banner = line;
    String rest = line.substring("SIM listening ".length());
    int sp = rest.indexOf(' ');
    this.baseUrl = sp < 0 ? rest : rest.substring(0, sp);
  }

  /**
   * Starts the server process.
   *
   * @param heap the server JVM's -Xmx, e.g. {@code 256m}
   * @param args {@link SimPostHog}'s options
   */
  static SimProcess start(String heap, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.add("-Xmx" + heap);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SimPostHog.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    return new SimProcess(pb.start());
  }

  /** The java launcher of this JVM. */
  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + "/bin/java");
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The line the server printed on start, with its settings. */
  String banner() {
    return banner;
  }

  /** The server's counters; see {@link SimPostHog#statsJson()}. */
  synchronized JsonNode stats() throws IOException {
    String line = command("stats", "STATS ");
    return JSON.readTree(line.substring("STATS ".length()));
  }

  /** Clears the server's counters and throttle histories. */
  synchronized void reset() throws IOException {
    command("reset", "RESET");
  }

  private String command(String c, String answerPrefix) throws IOException {
    in.write(c + "\n");
    in.flush();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(answerPrefix)) {
        return line;
      }
    }
    throw new IOException("the simulated PostHog ended before answering " + c);
  }

  @Override
  public void close() {
    try {
      in.write("quit\n");
      in.flush();
    } catch (IOException e) {
      // it has gone already
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
