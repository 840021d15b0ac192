package dev.hedgekit.posthog.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4. Throughput of the small GET with 16 concurrent callers sharing one client (the bare
 * socket: one connection per caller). Same calls as {@link SmallGet}.
 */
@BenchmarkMode(Mode.Throughput)
@Threads(16)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dhttp.maxConnections=64"})
public class Concurrent16 extends SmallGet {
  // The benchmark methods are SmallGet's; only the mode, threads and unit differ.
}
