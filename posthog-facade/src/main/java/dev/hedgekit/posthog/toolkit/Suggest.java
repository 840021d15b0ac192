package dev.hedgekit.posthog.toolkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the names closest to a misspelt one, by Levenshtein edit distance. */
final class Suggest {

  private Suggest() {
  }

  /**
   * The closest candidates, nearest first (ties in alphabetical order), compared without
   * regard to case.
   *
   * @param target the misspelt name
   * @param candidates the valid names
   * @param limit how many to return at most
   * @param maxDistance the largest distance still suggested
   * @return up to {@code limit} names
   */
  static List<String> closest(String target, Collection<String> candidates, int limit,
      int maxDistance) {
    String t = target.toUpperCase(Locale.ROOT);
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      int d = distance(t, c.toUpperCase(Locale.ROOT));
      if (d <= maxDistance) {
        scored.add(new Scored(c, d));
      }
    }
    scored.sort(Comparator.comparingInt((Scored s) -> s.distance).thenComparing(s -> s.name));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < scored.size() && i < limit; i++) {
      out.add(scored.get(i).name);
    }
    return out;
  }

  /**
   * The closest candidates by edit distance over words (split at {@code _}): inserting or
   * deleting a word costs 1, replacing one word by another costs their character distance
   * divided by the longer length. Typos and missing or extra words both stay cheap. Ties go
   * to the smaller character distance, then alphabetical order.
   *
   * @param target the misspelt slug
   * @param candidates the valid slugs
   * @param limit how many to return at most
   * @return up to {@code limit} slugs, nearest first
   */
  static List<String> closestByWords(String target, Collection<String> candidates, int limit) {
    String t = target.toUpperCase(Locale.ROOT);
    String[] tw = t.split("_+");
    List<ScoredWords> scored = new ArrayList<>();
    for (String c : candidates) {
      String cu = c.toUpperCase(Locale.ROOT);
      scored.add(new ScoredWords(c, wordDistance(tw, cu.split("_+")), distance(t, cu)));
    }
    scored.sort(Comparator.comparingDouble((ScoredWords s) -> s.words)
        .thenComparingInt(s -> s.chars).thenComparing(s -> s.name));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < scored.size() && i < limit; i++) {
      out.add(scored.get(i).name);
    }
    return out;
  }

  private static double wordDistance(String[] a, String[] b) {
    double[] prev = new double[b.length + 1];
    double[] cur = new double[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        String x = a[i - 1];
        String y = b[j - 1];
        double cost = x.equals(y) ? 0
            : (double) distance(x, y) / Math.max(1, Math.max(x.length(), y.length()));
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      double[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  /**
   * @param a one string
   * @param b another
   * @return the Levenshtein distance (insertions, deletions, substitutions)
   */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static final class ScoredWords {
    final String name;
    final double words;
    final int chars;

    ScoredWords(String name, double words, int chars) {
      this.name = name;
      this.words = words;
      this.chars = chars;
    }
  }

  private static final class Scored {
    final String name;
    final int distance;

    Scored(String name, int distance) {
      this.name = name;
      this.distance = distance;
    }
  }
}
