package io.tasklog.deploy;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code helm template} of the chart, and the environment its app container would get from Kubernetes: env
 * literals, envFrom ConfigMaps, secretKeyRef/configMapKeyRef/fieldRef values and {@code $(VAR)} references,
 * resolved the way the kubelet does.
 */
final class RenderedChart {

    static final Path MODULE = Path.of(System.getProperty("tasklog.module.dir", ".")).toAbsolutePath().normalize();
    static final Path CHART = MODULE.resolve("tasklog");
    private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private final List<Map<String, Object>> documents;

    private RenderedChart(List<Map<String, Object>> documents) {
        this.documents = documents;
    }

    /** Renders the chart with the given value files (relative to the chart) and {@code --set} pairs. */
    static RenderedChart render(List<String> valueFiles, Map<String, String> sets) {
        List<String> command = new ArrayList<>(List.of(helm().toString(), "template", "tasklog", CHART.toString(),
                "--namespace", "tasklog"));
        valueFiles.forEach(f -> command.addAll(List.of("-f", CHART.resolve(f).toString())));
        sets.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        String yaml = run(command);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add(cast(map));
            }
        }
        return new RenderedChart(docs);
    }

    List<Map<String, Object>> documents() {
        return documents;
    }

    Map<String, Object> find(String kind, String nameSuffix) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name(d).endsWith(nameSuffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " *" + nameSuffix + " rendered"));
    }

    Map<String, Object> appContainer() {
        Map<String, Object> deployment = documents.stream()
                .filter(d -> "Deployment".equals(d.get("kind")))
                .filter(d -> "app".equals(map(map(d.get("metadata")).get("labels")).get("app.kubernetes.io/component")))
                .findFirst().orElseThrow(() -> new AssertionError("no app Deployment rendered"));
        Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        return list(podSpec.get("containers")).stream().map(RenderedChart::map)
                .filter(c -> "app".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container 'app'"));
    }

    /**
     * The app container's environment as Kubernetes would give it. Secrets and ConfigMaps that the chart does not
     * render (existing ones named in values) resolve to {@code <secret name/key>} placeholders.
     */
    Map<String, String> appEnvironment(Map<String, String> fieldRefs) {
        Map<String, Object> container = appContainer();
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"))) {
            Map<String, Object> source = map(from);
            if (source.containsKey("configMapRef")) {
                configMapData(String.valueOf(map(source.get("configMapRef")).get("name"))).forEach(env::put);
            } else if (source.containsKey("secretRef")) {
                secretData(String.valueOf(map(source.get("secretRef")).get("name"))).forEach(env::put);
            }
        }
        for (Object item : list(container.get("env"))) {
            Map<String, Object> var = map(item);
            String name = String.valueOf(var.get("name"));
            if (var.containsKey("value")) {
                env.put(name, expand(String.valueOf(var.get("value")), env));
            } else {
                env.put(name, valueFrom(map(var.get("valueFrom")), fieldRefs));
            }
        }
        return env;
    }

    Map<String, String> configMapData(String name) {
        return documents.stream()
                .filter(d -> "ConfigMap".equals(d.get("kind")) && name.equals(name(d)))
                .findFirst()
                .map(d -> stringMap(d.get("data")))
                .orElseThrow(() -> new AssertionError("ConfigMap " + name + " is referenced but not rendered"));
    }

    /** Decoded data of a rendered Secret, or an empty map if the chart does not render it. */
    Map<String, String> secretData(String name) {
        Map<String, String> decoded = new LinkedHashMap<>();
        documents.stream()
                .filter(d -> "Secret".equals(d.get("kind")) && name.equals(name(d)))
                .findFirst()
                .ifPresent(d -> stringMap(d.get("data")).forEach((k, v) ->
                        decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8))));
        return decoded;
    }

    private String valueFrom(Map<String, Object> from, Map<String, String> fieldRefs) {
        if (from.containsKey("secretKeyRef")) {
            Map<String, Object> ref = map(from.get("secretKeyRef"));
            String secret = String.valueOf(ref.get("name"));
            String key = String.valueOf(ref.get("key"));
            return secretData(secret).getOrDefault(key, "<secret " + secret + "/" + key + ">");
        }
        if (from.containsKey("configMapKeyRef")) {
            Map<String, Object> ref = map(from.get("configMapKeyRef"));
            return configMapData(String.valueOf(ref.get("name"))).get(String.valueOf(ref.get("key")));
        }
        if (from.containsKey("fieldRef")) {
            String path = String.valueOf(map(from.get("fieldRef")).get("fieldPath"));
            String value = fieldRefs.get(path);
            if (value == null) {
                throw new AssertionError("the test has no value for fieldRef " + path);
            }
            return value;
        }
        throw new AssertionError("unsupported valueFrom " + from);
    }

    /** Kubernetes' dependent variables: $(NAME) of a variable defined earlier; anything else stays as it is. */
    private static String expand(String value, Map<String, String> defined) {
        Matcher m = VAR_REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = defined.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** The cached Helm binary (scripts/ensure-helm.sh installs it when missing). */
    static Path helm() {
        return Path.of(run(List.of("bash", MODULE.resolve("scripts/ensure-helm.sh").toString())).trim());
    }

    static String run(List<String> command) {
        try {
            Path kubeconfig = MODULE.resolve("target/no-cluster.kubeconfig");
            Files.createDirectories(kubeconfig.getParent());
            if (!Files.exists(kubeconfig)) {
                Files.createFile(kubeconfig);
            }
            Path stderr = Files.createTempFile(kubeconfig.getParent(), "command", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
            pb.environment().put("KUBECONFIG", kubeconfig.toString()); // never talk to a cluster
            Process p = pb.start();
            String out;
            try (var stdout = p.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            boolean ok = p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0;
            String err = Files.readString(stderr);
            Files.delete(stderr);
            if (!ok) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String name(Map<String, Object> doc) {
        return String.valueOf(map(doc.get("metadata")).get("name"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static Map<String, String> stringMap(Object o) {
        Map<String, String> result = new LinkedHashMap<>();
        map(o).forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    private static Map<String, Object> cast(Map<?, ?> map) {
        return map(map);
    }
}
