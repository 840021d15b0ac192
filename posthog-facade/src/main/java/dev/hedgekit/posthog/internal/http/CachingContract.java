package dev.hedgekit.posthog.internal.http;

import feign.Contract;
import feign.DefaultContract;
import feign.MethodMetadata;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feign's default contract, with each interface's parsed metadata kept for the life of the
 * JVM. Feign reads an interface's annotations again for every proxy it builds; every client
 * builds its own proxies, so without this the first call through each interface of each new
 * client would parse it again (about a millisecond for {@code FeatureFlagsApi}, more for the
 * untyped interface of the actions). Feign only reads the metadata after parsing (each call
 * copies the request template it holds), so one parse can serve every client.
 */
final class CachingContract implements Contract {

  static final CachingContract INSTANCE = new CachingContract();

  private final Contract parser = new DefaultContract();
  private final ConcurrentHashMap<Class<?>, List<MethodMetadata>> parsed = new ConcurrentHashMap<>();

  private CachingContract() {
  }

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    List<MethodMetadata> m = parsed.get(targetType);
    if (m == null) {
      m = parsed.computeIfAbsent(targetType,
          t -> List.copyOf(parser.parseAndValidateMetadata(t)));
    }
    return m;
  }
}
