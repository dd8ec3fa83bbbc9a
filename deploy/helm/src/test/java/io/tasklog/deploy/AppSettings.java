package io.tasklog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The settings the packaged application knows, read from its runnable jar: every key of its
 * {@code application.yml} and every property in the Spring configuration metadata of its libraries.
 * Names are compared in Spring Boot's canonical form, so {@code TASKLOG_SECURITY_JWT_SECRET} (an environment
 * variable) matches {@code tasklog.security.jwt-secret}.
 */
final class AppSettings {

    private static final String[] METADATA = {
            "META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json"};

    private final Set<String> applicationYamlKeys = new TreeSet<>();
    private final Set<String> known = new TreeSet<>();

    private AppSettings() {
    }

    static AppSettings of(Path runnableJar) {
        AppSettings settings = new AppSettings();
        ObjectMapper json = new ObjectMapper();
        try (JarFile jar = new JarFile(runnableJar.toFile())) {
            JarEntry yml = jar.getJarEntry("BOOT-INF/classes/application.yml");
            if (yml == null) {
                throw new AssertionError(runnableJar + " has no BOOT-INF/classes/application.yml");
            }
            try (InputStream in = jar.getInputStream(yml)) {
                flatten("", new Yaml().load(in), settings.applicationYamlKeys);
            }
            settings.applicationYamlKeys.forEach(k -> settings.known.add(canonical(k)));
            for (JarEntry entry : jar.stream().toList()) {
                if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    try (ZipInputStream lib = new ZipInputStream(jar.getInputStream(entry))) {
                        for (ZipEntry e = lib.getNextEntry(); e != null; e = lib.getNextEntry()) {
                            if (Set.of(METADATA).contains(e.getName())) {
                                JsonNode metadata = json.readTree(lib.readAllBytes());
                                metadata.path("properties").forEach(p -> settings.known.add(canonical(p.path("name").asText())));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** Keys of the app's own application.yml, e.g. {@code tasklog.kafka.replication-factor}. */
    Set<String> applicationYamlKeys() {
        return applicationYamlKeys;
    }

    /** Whether Spring Boot would bind this environment variable to a setting the app has. */
    boolean knowsEnvironmentVariable(String name) {
        return known.contains(canonical(name));
    }

    /** Spring Boot's relaxed binding, reduced: case, dots, dashes and underscores do not matter. */
    static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[._\\-\\[\\]]", "");
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            ((Map<String, Object>) map).forEach((k, v) -> flatten(prefix.isEmpty() ? k : prefix + "." + k, v, keys));
        } else {
            keys.add(prefix);
        }
    }
}
