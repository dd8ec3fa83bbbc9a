package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Path log = Path.of("target", "e2e.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder browserTests = new ProcessBuilder("node", "node_modules/@playwright/test/cli.js", "test")
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browserTests.environment().put("BASE_URL", api.baseUrl());
        browserTests.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        browserTests.environment().put("CHROMIUM", System.getProperty("tasklog.chromium", "/usr/bin/chromium"));
        browserTests.environment().put("SCREENSHOT_DIR", Path.of("target", "screenshots").toAbsolutePath().toString());
        Process node = browserTests.start();
        boolean finished = node.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("browser tests finished in time:\n" + output).isTrue();
        assertThat(node.exitValue()).as("browser tests:\n" + output).isZero();
        assertThat(output).contains(" passed").doesNotContain(" failed").doesNotContain(" flaky");
    }
}
