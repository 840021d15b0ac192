package dev.hedgekit.posthog.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How a statement's top-level LIMIT and OFFSET become the window of rows to page through. */
class HogQlWindowTest {

  private static String window(String sql) {
    HogQlWindow w = HogQlWindow.of(sql);
    return w.base + " [" + w.start + "," + (w.end == Long.MAX_VALUE ? "-" : w.end) + ")";
  }

  @Test
  void noLimitMeansEveryRow() {
    assertEquals("select 1 [0,-)", window("select 1"));
    assertEquals("select 1 [0,-)", window("select 1 ; \n"));
  }

  @Test
  void plainTrailingLimitsBecomeTheWindow() {
    assertEquals("select a from t [0,10)", window("select a from t limit 10"));
    assertEquals("select a from t [5,15)", window("select a from t LIMIT 10 OFFSET 5"));
    assertEquals("select a from t [5,15)", window("select a from t limit 5, 10"));
    assertEquals("select a from t [7,-)", window("select a from t offset 7"));
    assertEquals("select a from t [0,1000000)", window("select a from t limit 1000000"));
  }

  @Test
  void limitsInsideBracketsStringsAndCommentsAreNotTheStatements() {
    assertEquals("select * from (select a from t limit 3) [0,-)",
        window("select * from (select a from t limit 3)"));
    assertEquals("select 'limit 3' [0,-)", window("select 'limit 3'"));
    assertEquals("select `limit` from t -- limit 4 [0,-)",
        window("select `limit` from t -- limit 4"));
    assertEquals("select a /* limit 2 */ from t [0,2)",
        window("select a /* limit 2 */ from t limit 2"));
    assertEquals("select 'it''s limit 1' [0,-)", window("select 'it''s limit 1'"));
  }

  @Test
  void limitByIsNotARowLimit() {
    assertEquals("select a, b from t order by b limit 1 by a [0,-)",
        window("select a, b from t order by b limit 1 by a"));
    assertEquals("select a, b from t limit 1 by a [0,5)",
        window("select a, b from t limit 1 by a limit 5"));
  }

  @Test
  void setOperationsAreWrapped() {
    assertEquals("SELECT * FROM (\nselect 1 union all select 2 limit 1\n) [0,-)",
        window("select 1 union all select 2 limit 1"));
  }

  @Test
  void otherLimitsAreRefusedWithTheFix() {
    for (String sql : new String[] {"select a from t limit {n}", "select a from t limit 5 with ties",
        "select a from t limit 10 settings max_threads = 1", "select a from t limit 1 + 1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> HogQlWindow.of(sql), sql);
      assertEquals(true, e.getMessage().contains("LIMIT n OFFSET m"), e.getMessage());
    }
  }

  @Test
  void pagesEndTheBaseStatement() {
    assertEquals("select a from t\nLIMIT 50 OFFSET 100", HogQlWindow.of("select a from t").page(50, 100));
  }
}
