package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.NodeScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium (Debian's, installed by frontend/scripts/ensure-chromium.sh),
 * driven by Playwright against this application on a real PostgreSQL and broker: frontend/e2e/run.mjs.
 * Screenshots of the main screens land in app/target/screenshots.
 */
class DashboardBrowserIT extends IntegrationTest {

    @Test
    void theDashboardScenariosPassInARealBrowser() throws Exception {
        Path frontend = Path.of("..", "frontend").toAbsolutePath().normalize();
        assertThat(frontend.resolve("node_modules/playwright-core")).as("frontend built (npm ci)").exists();
        assertThat(Path.of(System.getProperty("tasklog.chromium", "/usr/bin/chromium")))
                .as("chromium installed: run frontend/scripts/ensure-chromium.sh").exists();
        NodeScript.runPassing(frontend, "e2e/run.mjs", Map.of("BASE_URL", api.baseUrl(),
                        "SCREENSHOT_DIR", Path.of("target", "screenshots").toAbsolutePath().toString()),
                Path.of("target", "e2e.log"), Duration.ofMinutes(6));
    }
}
