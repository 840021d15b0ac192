package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the tables and target ratios of
 * BENCHMARKS.md. Every ratio is computed from numbers of the files given, so from one run.
 *
 * <pre>
 * java -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.Report jmh.json [cold.json]
 * </pre>
 */
public final class Report {

  /** The general-purpose clients; "socket" is the physical floor and is never "fastest". */
  private static final String[] CLIENTS = {"urlconnection", "jdkhttp", "okhttp", "apache"};

  private final Map<String, Result> results = new LinkedHashMap<>();
  private final List<String[]> targets = new ArrayList<>();

  private static final class Result {
    String name;
    double score;
    double error;
    String unit;
    double alloc = Double.NaN;
  }

  private Report() {
  }

  public static void main(String[] args) throws IOException {
    Report r = new Report();
    ObjectMapper m = new ObjectMapper();
    for (String f : args) {
      for (JsonNode n : m.readTree(new File(f))) {
        r.add(n);
      }
    }
    r.print();
  }

  private void add(JsonNode n) {
    Result r = new Result();
    String bench = n.get("benchmark").asText();
    bench = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
    JsonNode params = n.get("params");
    r.name = params != null && params.has("client") ? bench + ":" + params.get("client").asText() : bench;
    JsonNode pm = n.get("primaryMetric");
    r.score = pm.get("score").asDouble();
    r.error = pm.get("scoreError").asDouble();
    r.unit = pm.get("scoreUnit").asText();
    JsonNode sm = n.get("secondaryMetrics");
    if (sm != null && sm.has("gc.alloc.rate.norm")) {
      r.alloc = sm.get("gc.alloc.rate.norm").get("score").asDouble();
    } else if (sm != null && sm.has("·gc.alloc.rate.norm")) {
      r.alloc = sm.get("·gc.alloc.rate.norm").get("score").asDouble();
    }
    results.put(r.name, r);
  }

  private Result get(String name) {
    return results.get(name);
  }

  /** The general-purpose client with the best score (lowest time, or highest throughput). */
  private String fastest(String bench, boolean higherIsBetter) {
    String best = null;
    for (String c : CLIENTS) {
      Result r = get(bench + ".floor:" + c);
      if (r == null) {
        continue;
      }
      if (best == null || (higherIsBetter ? r.score > get(best).score : r.score < get(best).score)) {
        best = bench + ".floor:" + c;
      }
    }
    return best;
  }

  private void print() {
    String group = null;
    for (Result r : results.values()) {
      String g = r.name.substring(0, r.name.indexOf('.'));
      if (!g.equals(group)) {
        group = g;
        System.out.printf(Locale.ROOT, "%n### %s%n%n| benchmark | score | error (99.9%%) | unit | alloc B/op |%n|---|---:|---:|---|---:|%n", g);
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.name.substring(g.length() + 1),
          num(r.score), num(r.error), r.unit, Double.isNaN(r.alloc) ? "" : String.format(Locale.ROOT, "%.0f", r.alloc));
    }

    String getBest = fastest("SmallGet", false);
    ratio("typed GET / fastest client (" + client(getBest) + ")", "SmallGet.sdkTyped", getBest, "<=", 1.15);
    ratio("toolkit().execute GET / fastest client (" + client(getBest) + ")", "SmallGet.sdkActions", getBest, "<=", 1.15);
    ratio("typed GET / physical socket floor", "SmallGet.sdkTyped", "SmallGet.floor:socket", "<=", 3.0);
    ratio("toolkit().execute GET / physical socket floor", "SmallGet.sdkActions", "SmallGet.floor:socket", "<=", 3.0);
    ratio("generated GET / fastest client (no target)", "SmallGet.sdkGenerated", getBest, null, 0);
    String listBest = fastest("ListHundred", false);
    ratio("typed list of 100 / fastest client (" + client(listBest) + ")", "ListHundred.sdkTyped", listBest, "<=", 1.10);
    ratio("generated list of 100 / fastest client (no target)", "ListHundred.sdkGenerated", listBest, null, 0);
    ratio("actions list of 100 (JSON tree) / fastest client (no target)", "ListHundred.sdkActions", listBest, null, 0);
    String postBest = fastest("PostCreate", false);
    ratio("typed POST / fastest client (no target)", "PostCreate.sdkTyped", postBest, null, 0);
    ratio("actions POST / fastest client (no target)", "PostCreate.sdkActions", postBest, null, 0);
    String concBest = fastest("Concurrent16", true);
    ratio("16-caller throughput, typed / fastest client (" + client(concBest) + ")", "Concurrent16.sdkTyped", concBest, ">=", 0.9);
    ratio("16-caller throughput, actions / fastest client", "Concurrent16.sdkActions", concBest, ">=", 0.9);
    absolute("build(), warm JVM", "Construction.build", 1e-3, "ms", 20);
    absolute("build(), first thing in a fresh JVM", "ColdStart.build", 1, "ms", 150);
    Result first = get("Construction.firstCall");
    Result steady = get("SmallGet.sdkTyped");
    Result connect = get("Construction.connect");
    if (first != null && steady != null && connect != null) {
      double limit = 2 * (steady.score + connect.score);
      targets.add(new String[] {"first call after build() / (steady call + connect)",
          String.format(Locale.ROOT, "%.1f / (%.1f + %.1f) us = %.2f", first.score, steady.score, connect.score,
              first.score / (steady.score + connect.score)), "<= 2", first.score <= limit ? "pass" : "MISS"});
    }
    Result alloc = steady;
    if (alloc != null && getBest != null && !Double.isNaN(alloc.alloc)) {
      double ratio = alloc.alloc / get(getBest).alloc;
      targets.add(new String[] {"bytes allocated per typed GET / fastest client's (" + client(getBest) + ")",
          String.format(Locale.ROOT, "%.0f / %.0f B = %.2f", alloc.alloc, get(getBest).alloc, ratio),
          "<= 1.5", ratio <= 1.5 ? "pass" : "MISS"});
      Result act = get("SmallGet.sdkActions");
      double ar = act.alloc / get(getBest).alloc;
      targets.add(new String[] {"bytes allocated per actions GET / fastest client's",
          String.format(Locale.ROOT, "%.0f / %.0f B = %.2f", act.alloc, get(getBest).alloc, ar),
          "<= 1.5", ar <= 1.5 ? "pass" : "MISS"});
    }
    System.out.printf("%n### Targets%n%n| target | measured | limit | result |%n|---|---|---|---|%n");
    for (String[] t : targets) {
      System.out.printf("| %s | %s | %s | %s |%n", (Object[]) t);
    }
  }

  private static String client(String name) {
    return name == null ? "?" : name.substring(name.indexOf(':') + 1);
  }

  private void ratio(String what, String a, String b, String op, double limit) {
    Result x = get(a);
    Result y = b == null ? null : get(b);
    if (x == null || y == null) {
      return;
    }
    double r = x.score / y.score;
    String result = op == null ? "" : ("<=".equals(op) ? r <= limit : r >= limit) ? "pass" : "MISS";
    targets.add(new String[] {what, String.format(Locale.ROOT, "%s / %s %s = %.2f", num(x.score), num(y.score),
        x.unit, r), op == null ? "" : op + " " + limit, result});
  }

  private void absolute(String what, String a, double factor, String unit, double limit) {
    Result x = get(a);
    if (x == null) {
      return;
    }
    double v = x.score * factor;
    targets.add(new String[] {what, String.format(Locale.ROOT, "%.2f %s (± %.2f)", v, unit, x.error * factor),
        "< " + limit + " " + unit, v < limit ? "pass" : "MISS"});
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
