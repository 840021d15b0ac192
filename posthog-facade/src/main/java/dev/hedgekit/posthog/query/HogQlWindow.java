package dev.hedgekit.posthog.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows a HogQL statement asks for, as a base statement to which each page appends
 * {@code LIMIT n OFFSET m}, and the window [start, end) of row numbers.
 *
 * <p>PostHog's HogQL query has no paging fields of its own: without a {@code LIMIT} it
 * returns the first 100 rows, and a {@code LIMIT} above 50,000 is lowered to 50,000 without a
 * word (posthog/hogql/constants.py, posthog/hogql_queries/hogql_query_runner.py). So rows are
 * paged by rewriting the statement's top-level {@code LIMIT}/{@code OFFSET}:
 * <ul>
 *   <li>none: every row, from 0;</li>
 *   <li>a trailing {@code LIMIT n}, {@code LIMIT n OFFSET m}, {@code LIMIT m, n} or
 *       {@code OFFSET m} with whole numbers: the rows it names, however many;</li>
 *   <li>{@code UNION}, {@code INTERSECT} or {@code EXCEPT} at the top: the statement is
 *       wrapped as {@code SELECT * FROM (...)}, since a trailing LIMIT would bind to its last
 *       part only;</li>
 *   <li>any other top-level {@code LIMIT} or {@code OFFSET} ({@code WITH TIES}, a placeholder
 *       or expression, one followed by more clauses): refused, as paging would change what it
 *       means. {@code LIMIT n BY ...} is not a row limit and is left alone.</li>
 * </ul>
 * Text in strings, quoted names, comments and brackets is skipped by the scan.
 */
final class HogQlWindow {

  final String base;
  final long start;
  final long end;

  private HogQlWindow(String base, long start, long end) {
    this.base = base;
    this.start = start;
    this.end = end;
  }

  /**
   * @param rows how many rows the page asks for
   * @param offset the row number of its first row
   * @return the statement of that page
   */
  String page(long rows, long offset) {
    return base + "\nLIMIT " + rows + " OFFSET " + offset;
  }

  static HogQlWindow of(String sql) {
    String s = stripEnd(sql);
    List<Token> top = topLevel(s);
    for (Token t : top) {
      if (t.isWord("UNION") || t.isWord("INTERSECT") || t.isWord("EXCEPT")) {
        return new HogQlWindow("SELECT * FROM (\n" + s + "\n)", 0, Long.MAX_VALUE);
      }
    }
    int clause = -1;
    for (int i = 0; i < top.size() && clause < 0; i++) {
      Token t = top.get(i);
      int by = t.isWord("LIMIT") ? limitBy(top, i) : -1;
      if (by >= 0) {
        i = by;
      } else if (t.isWord("LIMIT") || t.isWord("OFFSET")) {
        clause = i;
      }
    }
    if (clause < 0) {
      return new HogQlWindow(s, 0, Long.MAX_VALUE);
    }
    List<Token> tail = top.subList(clause, top.size());
    long[] window = trailingWindow(tail);
    if (window == null) {
      throw new IllegalArgumentException("sql: rows(...) pages with LIMIT and OFFSET itself, so a"
          + " top-level row limit must be a plain 'LIMIT n', 'LIMIT n OFFSET m', 'LIMIT m, n' or"
          + " 'OFFSET m' with whole numbers at the end of the statement, not '"
          + abbreviate(s.substring(top.get(clause).from)) + "'; fix: write it that way, drop it,"
          + " or run the statement once with hogql(sql)");
    }
    return new HogQlWindow(stripEnd(s.substring(0, top.get(clause).from)), window[0], window[1]);
  }

  /** {start, end} of a trailing limit clause, or null when it is not a plain one. */
  private static long[] trailingWindow(List<Token> tail) {
    List<String> w = new ArrayList<>();
    for (Token t : tail) {
      w.add(t.text.toUpperCase(Locale.ROOT));
    }
    if (w.size() == 2 && w.get(0).equals("OFFSET") && number(w.get(1))) {
      return new long[] {parse(w.get(1)), Long.MAX_VALUE};
    }
    if (w.size() == 2 && w.get(0).equals("LIMIT") && number(w.get(1))) {
      return new long[] {0, parse(w.get(1))};
    }
    if (w.size() == 4 && w.get(0).equals("LIMIT") && number(w.get(1)) && w.get(2).equals("OFFSET")
        && number(w.get(3))) {
      long offset = parse(w.get(3));
      return new long[] {offset, sum(offset, parse(w.get(1)))};
    }
    if (w.size() == 4 && w.get(0).equals("LIMIT") && number(w.get(1)) && w.get(2).equals(",")
        && number(w.get(3))) {
      long offset = parse(w.get(1));
      return new long[] {offset, sum(offset, parse(w.get(3)))};
    }
    return null;
  }

  /**
   * The index of {@code BY} when the LIMIT at {@code i} is ClickHouse's
   * {@code LIMIT n [OFFSET m | , m] BY ...}, else -1.
   */
  private static int limitBy(List<Token> top, int i) {
    for (int j = i + 1; j < top.size() && j <= i + 4; j++) {
      if (top.get(j).isWord("BY")) {
        return j;
      }
      if (top.get(j).isWord("LIMIT")) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean number(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static long parse(String s) {
    return Long.parseLong(s);
  }

  private static long sum(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  private static String stripEnd(String sql) {
    int end = sql.length();
    while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
      end--;
    }
    return sql.substring(0, end);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 80 ? one : one.substring(0, 77) + "...";
  }

  /** The tokens outside strings, quoted names, comments and brackets. */
  private static List<Token> topLevel(String s) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(s, i, c);
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
        int nl = s.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int close = s.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        i++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        int from = i;
        if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
          while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
              || s.charAt(i) == '$' || s.charAt(i) == '.')) {
            i++;
          }
        } else {
          i++;
        }
        if (depth == 0) {
          out.add(new Token(s.substring(from, i), from));
        }
      }
    }
    return out;
  }

  private static int skipQuoted(String s, int i, char quote) {
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return s.length();
  }

  private record Token(String text, int from) {
    boolean isWord(String word) {
      return text.equalsIgnoreCase(word);
    }
  }
}
