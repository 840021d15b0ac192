package dev.hedgekit.posthog.examples.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sandbox plan that the build stored beside {@link SandboxPlan} (see there for the
 * format), without Jackson and without the spec: what a sandbox for the curated spec needs to
 * start. Answer bodies are read when first served.
 */
final class StoredPlan {

  /** The folder, relative to this class, holding the stored plan. */
  static final String DIR = "plan";
  /** The index file of the stored plan. */
  static final String INDEX = "index.tsv";
  static final String JSON = "application/json";

  private static final Pattern PARAM = Pattern.compile("\\{[^}/]+\\}");

  private StoredPlan() {
  }

  /**
   * The stored plan of the curated spec, if the build wrote one.
   *
   * @return the routes in spec order, bodies not yet read; null when there is no stored plan
   */
  static List<Route> read() {
    InputStream in = StoredPlan.class.getResourceAsStream(DIR + "/" + INDEX);
    if (in == null) {
      return null;
    }
    List<Route> routes = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
          throw new IllegalStateException("malformed sandbox plan line: " + line);
        }
        String bodyFile = f[5];
        routes.add(new Route(f[0], f[1], f[2], pathRegex(f[2]), Integer.parseInt(f[3]),
            "-".equals(f[4]) ? null : f[4],
            "-".equals(bodyFile) ? null : () -> readBody(bodyFile), routes.size()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the stored sandbox plan", e);
    }
    return routes;
  }

  private static byte[] readBody(String file) {
    try (InputStream in = StoredPlan.class.getResourceAsStream(DIR + "/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the stored sandbox plan lacks " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the sandbox answer " + file, e);
    }
  }

  /**
   * Turns a path template into the regex request paths are matched with: literal parts
   * escaped, each {@code {param}} one segment.
   *
   * @param template e.g. {@code /api/projects/{project_id}/feature_flags/{id}/}
   * @return e.g. {@code /api/projects/[^/]+/feature_flags/[^/]+/}
   */
  public static String pathRegex(String template) {
    StringBuilder sb = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      escape(template.substring(last, m.start()), sb);
      sb.append("[^/]+");
      last = m.end();
    }
    escape(template.substring(last), sb);
    return sb.toString();
  }

  private static void escape(String literal, StringBuilder sb) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '/' || c == '_' || c == '-') {
        sb.append(c);
      } else {
        sb.append('\\').append(c);
      }
    }
  }

  /**
   * @param template a path template
   * @return how many {@code {param}} segments it has
   */
  static int parameterCount(String template) {
    Matcher m = PARAM.matcher(template);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

}
