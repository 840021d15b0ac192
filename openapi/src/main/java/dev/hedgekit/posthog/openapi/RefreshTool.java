package dev.hedgekit.posthog.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Regenerates the curated spec from upstream PostHog schemas and the overlay, and reports
 * what changed upstream since the last refresh.
 *
 * <pre>
 * mvn -B -pl openapi -Prefresh -Dupstream=https://us.posthog.com/api/schema/
 * mvn -B -pl openapi -Prefresh -Dupstream=posthog-schema.yaml,hidden-endpoints.json
 * </pre>
 *
 * <p>Several upstream documents are merged in the order given (see
 * {@link SpecFiles#merge(List)}): a later document wins per path and per component, so a file
 * that describes endpoints PostHog leaves out of its published schema can complement it.
 *
 * <p>Steps: select the curated operations from the upstream schema (by operationId and method
 * and path, else by method and path, else by operationId alone); normalize them into an OpenAPI 3.0.3 selection (see {@link Normalizer});
 * carry forward, from the previous selection, operations that upstream no longer has (they
 * stay documented actions, marked deprecated); compare with the previous selection and write
 * the drift report; apply the overlay to produce the curated spec. Writes the new selection,
 * the spec and the report. Exit status: 0 when done, 2 when the drift is breaking and not
 * accepted (nothing but the report is written), 1 on bad input or overlay problems.
 * The output depends only on the inputs: the same inputs give byte-identical files.
 */
public final class RefreshTool {

  /** Inputs and outputs of one run. */
  public static final class Options {
    final List<String> upstream = new ArrayList<>();
    Path overlay = Path.of("overlay.yaml");
    Path previous = Path.of("upstream/selection.yaml");
    Path spec = Path.of("posthog-api.yaml");
    Path selectionOut;
    Path report = Path.of("target/drift-report.md");
    boolean acceptBreaking;
    boolean write = true;
    Path dir;

    /** @return options with the defaults, relative to the openapi/ folder */
    public static Options defaults() {
      return new Options();
    }

    /**
     * Parses command-line arguments.
     *
     * @param args {@code --upstream X[,Y...] [--upstream Z] [--dir D] [--overlay F]
     *     [--previous F] [--spec F] [--selection-out F] [--report F]
     *     [--accept-breaking[=true|false]] [--dry-run]}; several upstream documents are merged
     *     in order (later ones win); with {@code --dir}, relative paths (and upstream files that
     *     are not URLs) are taken from D
     * @return the options
     */
    public static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--accept-breaking":
          case "--accept-breaking=true":
            o.acceptBreaking = true;
            break;
          case "--accept-breaking=false":
          case "--accept-breaking=":
            o.acceptBreaking = false;
            break;
          case "--dry-run":
            o.write = false;
            break;
          default:
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
              case "--upstream":
                o.addUpstream(v);
                break;
              case "--overlay":
                o.overlay = Path.of(v);
                break;
              case "--previous":
                o.previous = Path.of(v);
                break;
              case "--spec":
                o.spec = Path.of(v);
                break;
              case "--selection-out":
                o.selectionOut = Path.of(v);
                break;
              case "--report":
                o.report = Path.of(v);
                break;
              case "--dir":
                o.dir = Path.of(v);
                break;
              default:
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
      }
      if (o.upstream.isEmpty()) {
        throw new IllegalArgumentException("--upstream is required: a file or URL of PostHog's"
            + " schema, e.g. https://us.posthog.com/api/schema/");
      }
      return o;
    }

    /**
     * Sets the upstream documents.
     *
     * @param v an upstream file or URL, or several separated by commas (merged in that order,
     *     later ones win per path and per component)
     * @return this
     */
    public Options upstream(String v) {
      upstream.clear();
      addUpstream(v);
      return this;
    }

    private void addUpstream(String v) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          upstream.add(part.strip());
        }
      }
    }

    /** @param v overlay file @return this */
    public Options overlay(Path v) {
      overlay = v;
      return this;
    }

    /** @param v previous selection (may not exist) @return this */
    public Options previous(Path v) {
      previous = v;
      return this;
    }

    /** @param v curated spec output @return this */
    public Options spec(Path v) {
      spec = v;
      return this;
    }

    /** @param v selection output (default: the previous selection's path) @return this */
    public Options selectionOut(Path v) {
      selectionOut = v;
      return this;
    }

    /** @param v report output @return this */
    public Options report(Path v) {
      report = v;
      return this;
    }

    /**
     * @param v the folder relative paths are resolved against (default: the working directory)
     * @return this
     */
    public Options dir(Path v) {
      dir = v;
      return this;
    }

    /** @param v accept breaking drift @return this */
    public Options acceptBreaking(boolean v) {
      acceptBreaking = v;
      return this;
    }

    /** @param v whether files are written @return this */
    public Options write(boolean v) {
      write = v;
      return this;
    }

    Path at(Path p) {
      return dir == null ? p : dir.resolve(p);
    }

    /** @return the upstream locations in merge order, files resolved against dir */
    List<String> upstreamLocations() {
      List<String> out = new ArrayList<>();
      for (String u : upstream) {
        boolean url = SpecFiles.isUrl(u);
        out.add(url || dir == null ? u : dir.resolve(u).toString());
      }
      return out;
    }

    /** @return the names the report gives the upstream documents: file names or URLs */
    List<String> upstreamNames() {
      List<String> out = new ArrayList<>();
      for (String u : upstream) {
        boolean url = SpecFiles.isUrl(u);
        out.add(url ? u : Path.of(u).getFileName().toString());
      }
      return out;
    }
  }

  /** What a run produced. */
  public static final class Result {
    /** The exit status: 0 ok, 1 problems, 2 breaking drift not accepted. */
    public final int status;
    /** The curated spec as YAML text. */
    public final String specYaml;
    /** The new selection as YAML text. */
    public final String selectionYaml;
    /** The drift report as Markdown. */
    public final String report;
    /** Problems found in the overlay or the upstream schema. */
    public final List<String> problems;

    Result(int status, String specYaml, String selectionYaml, String report, List<String> problems) {
      this.status = status;
      this.specYaml = specYaml;
      this.selectionYaml = selectionYaml;
      this.report = report;
      this.problems = problems;
    }
  }

  /** The values of an overlay operation's {@code upstream} mark. */
  static final List<String> MARKS = List.of("served", "deprecated", "hidden", "removed",
      "unverified");
  /** Marks of operations that may be absent from PostHog's published schema. */
  static final List<String> ABSENT_MARKS = List.of("hidden", "removed", "unverified");

  private RefreshTool() {
  }

  /**
   * Command-line entry point.
   *
   * @param args see {@link Options#parse(String[])}
   */
  public static void main(String[] args) {
    int status;
    try {
      Result r = run(Options.parse(args), System.out);
      status = r.status;
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("refresh failed: " + e.getMessage());
      status = 1;
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs a refresh.
   *
   * @param o the options
   * @param log where progress lines go
   * @return the result
   * @throws IOException if an input cannot be read or an output written
   */
  public static Result run(Options o, PrintStream log) throws IOException {
    Path overlayFile = o.at(o.overlay);
    Path previousFile = o.at(o.previous);
    List<JsonNode> documents = new ArrayList<>();
    for (String location : o.upstreamLocations()) {
      documents.add(SpecFiles.read(location));
    }
    JsonNode upstream = SpecFiles.merge(documents);
    JsonNode overlay = SpecFiles.read(overlayFile.toString());
    JsonNode previous = Files.exists(previousFile) ? SpecFiles.read(previousFile.toString()) : null;
    List<String> problems = new ArrayList<>();

    Normalizer fresh = new Normalizer(upstream);
    Normalizer old = previous == null ? null : new Normalizer(previous);
    Drift drift = new Drift();
    Map<String, Normalizer.Match> toCompare = new TreeMap<>();
    TreeMap<String, TreeMap<String, JsonNode>> paths = new TreeMap<>();
    Set<String> reached = new TreeSet<>();
    Set<String> carried = new TreeSet<>();
    Map<String, Normalizer.Match> carriedMatches = new TreeMap<>();
    Map<String, Normalizer> carriedFrom = new TreeMap<>();
    Map<String, String> selectedBy = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = overlay.path("operations").properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = e.getKey();
      String method = e.getValue().path("method").asText();
      String path = e.getValue().path("path").asText();
      // upstream: served, deprecated (served, PostHog advises against it), removed (PostHog
      // dropped it), hidden (PostHog serves it but leaves it out of its published schema) or
      // unverified. The last three may be absent from the schema.
      String mark = Trees.text(e.getValue(), "upstream");
      if (mark != null && !MARKS.contains(mark)) {
        problems.add(id + ": upstream: " + mark + " is not one of " + MARKS);
      }
      boolean knownAbsent = mark != null && ABSENT_MARKS.contains(mark);
      Normalizer.Match now = fresh.find(id, method, path, false, "removed".equals(mark));
      Normalizer.Match was = old == null ? null : old.find(id, method, path, true);
      if (now == null) {
        Normalizer.Match kept = was != null ? was : fresh.find(id, method, path, true);
        if (kept == null) {
          problems.add(id + ": not found upstream (" + method.toUpperCase() + " " + path
              + ") and not in the previous selection");
          continue;
        }
        if (!knownAbsent) {
          drift.add(id, "removed upstream", method.toUpperCase() + " " + path
              + " kept from the previous selection; mark it upstream: removed (or hidden) in the"
              + " overlay, or drop the action", true);
        }
        carried.add(id);
        carriedMatches.put(id, kept);
        carriedFrom.put(id, was != null ? old : fresh);
        continue;
      }
      if (was == null && previous != null) {
        drift.add(id, "new in selection", method.toUpperCase() + " " + path, false);
      } else if (knownAbsent && previous != null
          && was.operation.path(Normalizer.CARRIED).asBoolean(false)) {
        // Reported once, when the schema lists it again; keeping the mark (PostHog's source is
        // newer than its schema, say) is then a decision recorded in the overlay's notes.
        drift.add(id, "back upstream", "marked upstream: " + mark + " in the overlay but present"
            + " in the schema; remove the mark, or keep it and say why in the notes", false);
      }
      if (was != null && was.operation.path(Normalizer.CARRIED).asBoolean(false)) {
        was = null;
      }
      if (was != null) {
        toCompare.put(id, was);
      }
      ObjectNode op = fresh.operation(now, reached);
      String route = now.method.toUpperCase() + " " + now.path;
      String other = selectedBy.put(route, id);
      if (other != null) {
        problems.add(id + " and " + other + " both select " + route
            + " upstream; give one of them its own method and path in the overlay");
      }
      paths.computeIfAbsent(now.path, k -> new TreeMap<>()).put(now.method, op);
    }
    ObjectNode schemas = fresh.components(reached);
    if (!carried.isEmpty()) {
      TreeMap<String, JsonNode> merged = new TreeMap<>();
      schemas.properties().iterator().forEachRemaining(f -> merged.put(f.getKey(), f.getValue()));
      for (Normalizer source : new Normalizer[] {old, fresh}) {
        Set<String> sourceReached = new TreeSet<>();
        for (String id : carried) {
          if (carriedFrom.get(id) != source) {
            continue;
          }
          Normalizer.Match m = carriedMatches.get(id);
          paths.computeIfAbsent(m.path, k -> new TreeMap<>())
              .put(m.method, source.carriedOperation(m, sourceReached));
        }
        if (!sourceReached.isEmpty()) {
          // Names the new schema already defines win, and their older definitions are not
          // followed: what only those reached would otherwise linger and break the fixed point.
          source.components(sourceReached, merged.keySet()).properties().iterator()
              .forEachRemaining(f -> merged.putIfAbsent(f.getKey(), f.getValue()));
        }
      }
      schemas = Trees.obj();
      for (Map.Entry<String, JsonNode> sc : merged.entrySet()) {
        schemas.set(sc.getKey(), sc.getValue());
      }
    }
    ObjectNode selection = Trees.obj();
    selection.put("openapi", "3.0.3");
    ObjectNode info = Trees.obj();
    info.put("title", "PostHog API: the curated operations as upstream defines them");
    info.put("version", upstream.path("info").path("version").asText("unknown"));
    selection.set("info", info);
    ObjectNode pathsNode = Trees.obj();
    for (Map.Entry<String, TreeMap<String, JsonNode>> p : paths.entrySet()) {
      ObjectNode item = Trees.obj();
      for (String m : Trees.METHODS) {
        if (p.getValue().containsKey(m)) {
          item.set(m, p.getValue().get(m));
        }
      }
      pathsNode.set(p.getKey(), item);
    }
    selection.set("paths", pathsNode);
    ObjectNode components = Trees.obj();
    components.set("schemas", schemas);
    selection.set("components", components);

    Normalizer inSelection = new Normalizer(selection);
    for (Map.Entry<String, Normalizer.Match> c : toCompare.entrySet()) {
      JsonNode ov = overlay.path("operations").path(c.getKey());
      Normalizer.Match now = inSelection.find(c.getKey(), ov.path("method").asText(),
          ov.path("path").asText());
      drift.compare(c.getKey(), c.getValue(), now, previous, selection);
    }

    CuratedSpec curated = new CuratedSpec(overlay);
    ObjectNode spec = curated.build(selection, inSelection);
    problems.addAll(curated.problems());

    String specYaml = YamlWriter.write(spec);
    String selectionYaml = YamlWriter.write(selection);
    String report = drift.markdown("Upstream: " + String.join(", ", o.upstreamNames())
        + " (version " + upstream.path("info").path("version").asText("unknown") + ").");
    if (!problems.isEmpty()) {
      report += "\n## Problems\n\n";
      for (String p : problems) {
        report += "- " + p + "\n";
      }
    }
    int status = !problems.isEmpty() ? 1 : drift.breaking() && !o.acceptBreaking ? 2 : 0;
    if (o.write) {
      Path reportFile = o.at(o.report);
      Files.createDirectories(reportFile.toAbsolutePath().getParent());
      Files.writeString(reportFile, report, StandardCharsets.UTF_8);
      if (status == 0) {
        Path selOut = o.selectionOut != null ? o.at(o.selectionOut) : previousFile;
        Files.createDirectories(selOut.toAbsolutePath().getParent());
        Files.writeString(selOut, selectionYaml, StandardCharsets.UTF_8);
        Files.writeString(o.at(o.spec), specYaml, StandardCharsets.UTF_8);
      }
    }
    log.println("refresh: " + overlay.path("operations").size() + " curated operations, "
        + drift.items().size() + " drift item(s)" + (drift.breaking() ? " (breaking)" : "")
        + ", " + problems.size() + " problem(s); status " + status
        + (status == 2 ? " (after review, rerun with --accept-breaking;"
            + " in Maven -DacceptBreaking=true)" : ""));
    for (String p : problems) {
      log.println("  problem: " + p);
    }
    return new Result(status, specYaml, selectionYaml, report, problems);
  }
}
