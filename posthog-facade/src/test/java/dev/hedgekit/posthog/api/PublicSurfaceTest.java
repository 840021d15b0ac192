package dev.hedgekit.posthog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facade's public surface is a decision, not an accident: every public type of the
 * exported packages (all but {@code dev.hedgekit.posthog.internal}) is listed in
 * {@code public-api.txt}, and a type appearing or disappearing fails this test until the list
 * is changed with it. No public or protected member of those types takes or returns a Feign or
 * HttpClient type.
 */
class PublicSurfaceTest {

  private static final String ROOT = "dev/hedgekit/posthog";

  private static Path classesDir() throws URISyntaxException {
    return Paths.get(dev.hedgekit.posthog.PostHogClient.class.getProtectionDomain()
        .getCodeSource().getLocation().toURI());
  }

  private static List<Class<?>> publicTypes() throws Exception {
    Path dir = classesDir();
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.resolve(ROOT))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name = dir.relativize(p).toString().replace('/', '.').replace(".class", "");
        if (name.startsWith("dev.hedgekit.posthog.internal.") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, PublicSurfaceTest.class.getClassLoader());
        if (isVisible(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** Public, and if nested, nested in public types only. */
  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isSynthetic();
  }

  private static List<String> listed() throws IOException {
    try (InputStream in = PublicSurfaceTest.class.getResourceAsStream("/public-api.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toList());
    }
  }

  @Test
  void thePublicTypesAreExactlyTheListedOnes() throws Exception {
    TreeSet<String> actual = publicTypes().stream().map(Class::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> expected = new TreeSet<>(listed());
    TreeSet<String> added = new TreeSet<>(actual);
    added.removeAll(expected);
    TreeSet<String> removed = new TreeSet<>(expected);
    removed.removeAll(actual);
    assertEquals("", (added.isEmpty() ? "" : "new public types, add them to public-api.txt or"
        + " hide them: " + added + "\n") + (removed.isEmpty() ? ""
        : "public types gone, remove them from public-api.txt: " + removed));
  }

  @Test
  void noPublicMemberTakesOrReturnsATypeOfFeignOrHttpClient() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : publicTypes()) {
      List<Executable> members = new ArrayList<>();
      for (Method m : c.getDeclaredMethods()) {
        members.add(m);
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        members.add(k);
      }
      for (Executable e : members) {
        if (!(Modifier.isPublic(e.getModifiers()) || Modifier.isProtected(e.getModifiers()))
            || e.isSynthetic()) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
        types.addAll(List.of(e.getGenericExceptionTypes()));
        if (e instanceof Method) {
          types.add(((Method) e).getGenericReturnType());
        }
        for (Type t : types) {
          String name = t.getTypeName();
          if (name.contains("feign.") || name.contains("org.apache.hc.")) {
            leaks.add(c.getName() + "." + e.getName() + " uses " + name);
          }
        }
      }
    }
    assertTrue(leaks.isEmpty(), String.join("\n", leaks));
  }
}
