package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.NodeScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium (Debian's, installed by frontend/scripts/ensure-chromium.sh),
 * driven by Playwright Test against this application on a real PostgreSQL and broker: frontend/e2e/*.spec.ts
 * (frontend/playwright.config.ts). Screenshots of the main screens land in app/target/screenshots; traces and
 * screenshots of a failed test in frontend/target/e2e-results.
 */
class DashboardBrowserIT extends IntegrationTest {

    @Test
    void theDashboardScenariosPassInARealBrowser() throws Exception {
        Path frontend = Path.of("..", "frontend").toAbsolutePath().normalize();
        assertThat(frontend.resolve("node_modules/@playwright/test")).as("frontend built (npm ci)").exists();
        assertThat(Path.of(System.getProperty("tasklog.chromium", "/usr/bin/chromium")))
                .as("chromium installed: run frontend/scripts/ensure-chromium.sh").exists();
        String output = NodeScript.run(frontend, List.of("node_modules/@playwright/test/cli.js", "test"), Map.of(
                        "BASE_URL", api.baseUrl(), "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                        "CHROMIUM", System.getProperty("tasklog.chromium", "/usr/bin/chromium"),
                        "SCREENSHOT_DIR", Path.of("target", "screenshots").toAbsolutePath().toString()),
                Path.of("target", "e2e.log"), Duration.ofMinutes(6));
        assertThat(output).contains(" passed").doesNotContain(" failed").doesNotContain(" flaky");
    }
}
