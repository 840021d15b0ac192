package dev.hedgekit.posthog.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** The future of {@link Query#runAsync}: cancelling it stops polling and cancels the query. */
final class QueryFuture extends CompletableFuture<JsonNode> {

  private final QueryRun run;
  private volatile CompletableFuture<JsonNode> work;

  QueryFuture(QueryRun run) {
    this.run = run;
  }

  void track(CompletableFuture<JsonNode> task) {
    this.work = task;
    task.whenComplete((value, error) -> {
      if (error == null) {
        complete(value);
      } else {
        completeExceptionally(error instanceof java.util.concurrent.CompletionException
            && error.getCause() != null ? error.getCause() : error);
      }
    });
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean done = super.cancel(mayInterruptIfRunning);
    if (done) {
      CompletableFuture<JsonNode> w = work;
      if (w != null) {
        w.cancel(true);
      }
      run.cancelInBackground();
    }
    return done;
  }
}
