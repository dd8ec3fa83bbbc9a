package io.tasklog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the contract test starts the packaged app: from the container image's filesystem when the build made the
 * image ({@code app/target/jib-image.tar}) and this process may {@code chroot} (root, as in CI), else from the
 * runnable jar.
 */
interface AppLauncher {

    AppProcess start(Map<String, String> environment, Path log, int port);

    /** What {@link #start} runs, for the test's report. */
    String describe();

    static AppLauncher forThisMachine(Path runnableJar, Path imageTar, Path workDirectory) {
        Path chroot = Path.of("/usr/sbin/chroot");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (imageTar != null && Files.isRegularFile(imageTar) && isCurrent(imageTar, runnableJar) && root
                && Files.isExecutable(chroot)) {
            return ContainerImage.extract(imageTar, workDirectory.resolve("image-rootfs")).launcher(chroot);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        return new AppLauncher() {
            @Override
            public AppProcess start(Map<String, String> environment, Path log, int port) {
                return AppProcess.start(List.of(java, "-jar", runnableJar.toString()), environment, workDirectory, log, port);
            }

            @Override
            public String describe() {
                return "the runnable jar " + runnableJar.getFileName() + " (no current image, or not root for chroot)";
            }
        };
    }

    /** The image built in the same build as the jar (Jib runs just before the repackaging). */
    private static boolean isCurrent(Path imageTar, Path runnableJar) {
        try {
            Duration apart = Duration.ofMillis(Math.abs(Files.getLastModifiedTime(runnableJar).toMillis()
                    - Files.getLastModifiedTime(imageTar).toMillis()));
            return apart.compareTo(Duration.ofMinutes(10)) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A {@code docker save} tarball unpacked: its layers as one root filesystem, and its config. */
    record ContainerImage(Path rootfs, List<String> entrypoint, Map<String, String> env, String user, String workingDir) {

        static ContainerImage extract(Path imageTar, Path rootfs) {
            try {
                Path unpacked = rootfs.resolveSibling("image-tar");
                RenderedChart.run(List.of("rm", "-rf", rootfs.toString(), unpacked.toString()));
                Files.createDirectories(rootfs);
                Files.createDirectories(unpacked);
                RenderedChart.run(List.of("tar", "-xf", imageTar.toString(), "-C", unpacked.toString()));
                ObjectMapper json = new ObjectMapper();
                JsonNode manifest = json.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
                for (JsonNode layer : manifest.path("Layers")) {
                    RenderedChart.run(List.of("tar", "-xf", unpacked.resolve(layer.asText()).toString(), "-C", rootfs.toString()));
                }
                JsonNode config = json.readTree(unpacked.resolve(manifest.path("Config").asText()).toFile()).path("config");
                List<String> entrypoint = new ArrayList<>();
                config.path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
                config.path("Cmd").forEach(a -> entrypoint.add(a.asText()));
                Map<String, String> env = new LinkedHashMap<>();
                config.path("Env").forEach(e -> {
                    String[] kv = e.asText().split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                });
                // What the container runtime adds: /etc/hosts with localhost and the pod's own name.
                String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
                Files.writeString(rootfs.resolve("etc/hosts"),
                        "127.0.0.1 localhost\n::1 localhost ip6-localhost\n127.0.1.1 " + hostname + "\n");
                RenderedChart.run(List.of("rm", "-rf", unpacked.toString()));
                return new ContainerImage(rootfs, entrypoint, env, config.path("User").asText("0"),
                        config.path("WorkingDir").asText("/"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Runs the image's entrypoint under {@code chroot} as the image's user, with the image's environment
         * overridden by the given one (as Kubernetes does). The image's files belong to root, so the app can
         * only write to /tmp, as with the chart's read-only root filesystem and /tmp volume.
         */
        AppLauncher launcher(Path chroot) {
            ContainerImage image = this;
            return new AppLauncher() {
                @Override
                public AppProcess start(Map<String, String> environment, Path log, int port) {
                    Map<String, String> env = new LinkedHashMap<>(image.env());
                    env.putAll(environment);
                    List<String> command = new ArrayList<>(List.of(chroot.toString(), "--userspec=" + image.user(),
                            image.rootfs().toString()));
                    command.addAll(image.entrypoint());
                    return AppProcess.start(command, env, image.rootfs(), log, port);
                }

                @Override
                public String describe() {
                    return "the container image's filesystem (chroot as " + image.user() + "): " + String.join(" ", image.entrypoint());
                }
            };
        }
    }
}
