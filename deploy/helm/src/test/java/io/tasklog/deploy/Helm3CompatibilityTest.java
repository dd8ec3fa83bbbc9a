package io.tasklog.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart works with Helm 3 as well as Helm 4 (scripts/check-chart.sh runs Helm 4): Helm 3 (helm-java, in the
 * JVM) lints it strictly, rejects bad values by the schema, and renders every CI value set to the same documents
 * as Helm 4 (hooks aside: helm-java does not render them).
 */
class Helm3CompatibilityTest {

    /** Fixed secrets, so that both renderings are comparable (otherwise each generates its own). */
    static final Map<String, String> FIXED_SECRETS = Map.of(
            "config.security.jwtSecret", "dGFza2xvZy1oZWxtMy1jb21wYXJpc29uLWtleS0zMi1ieXRlcyE=",
            "postgresql.password", "helm3-comparison-password");

    @Test
    void helm3LintsTheChartStrictly() {
        assertThat(Helm.version().call()).startsWith("v3.");
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void helm3RejectsBadValues() {
        assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template().withName("tasklog")
                .set("config.kafka.replicationFactor", 0).call())
                .hasMessageContaining("replicationFactor");
    }

    @ParameterizedTest(name = "values: {0}")
    @ValueSource(strings = {"defaults", "ci/external-values.yaml", "ci/ha-tracing-values.yaml"})
    void helm3RendersWhatHelm4Renders(String values) {
        List<String> files = values.equals("defaults") ? List.of() : List.of(values);
        // helm-java assumes Kubernetes v1.20 unless told; the chart requires >= 1.30 (preStop sleep; Minikube runs a current one).
        var helm3 = new Helm(RenderedChart.CHART).template().withName("tasklog").withNamespace("tasklog")
                .withKubeVersion("v1.34.0");
        files.forEach(f -> helm3.withValuesFile(RenderedChart.CHART.resolve(f)));
        FIXED_SECRETS.forEach(helm3::set);

        List<Object> byHelm3 = documents(helm3.call());
        // helm-java leaves hooks (the helm test pod) out of its rendering.
        List<Object> byHelm4 = RenderedChart.render(files, FIXED_SECRETS).documents().stream()
                .filter(d -> !RenderedChart.map(d.get("metadata")).containsKey("annotations")
                        || !RenderedChart.map(RenderedChart.map(d.get("metadata")).get("annotations")).containsKey("helm.sh/hook"))
                .map(d -> (Object) d).toList();
        assertThat(byHelm3).hasSizeGreaterThan(5).containsExactlyInAnyOrderElementsOf(byHelm4);
    }

    private static List<Object> documents(String yaml) {
        List<Object> docs = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(d -> {
            if (d != null) {
                docs.add(d);
            }
        });
        return docs;
    }
}
