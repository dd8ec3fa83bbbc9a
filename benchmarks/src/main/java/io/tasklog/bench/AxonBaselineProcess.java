package io.tasklog.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bare Axon baseline ({@code benchmarks/axon-baseline}) as a child JVM on a free port with a random HS256
 * secret, and the tokens it accepts: this program signs them itself (the baseline has no accounts).
 */
final class AxonBaselineProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final byte[] secret;
    final String baseUrl;

    private AxonBaselineProcess(Process process, Path log, byte[] secret, String baseUrl) {
        this.process = process;
        this.log = log;
        this.secret = secret;
        this.baseUrl = baseUrl;
    }

    static AxonBaselineProcess start(Path jar, String jdbcUrl, String user, String password, List<String> jvmArgs,
                                     Duration startTimeout) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it with"
                    + " mvn -B -q -pl benchmarks/axon-baseline -am package -DskipTests -DskipImage=true");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--baseline.jwt-secret=" + Base64.getEncoder().encodeToString(secret)));
        Path log = Files.createTempFile("axon-baseline-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AxonBaselineProcess baseline = new AxonBaselineProcess(process, log, secret, "http://localhost:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        baseline.awaitUp(startTimeout);
        return baseline;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Up = it answers an unauthenticated call with 401. */
    private void awaitUp(Duration timeout) throws Exception {
        Api anonymous = Api.connect(baseUrl, Duration.ofSeconds(5));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the baseline exited with " + process.exitValue() + "; its log:\n" + tail());
            }
            if (anonymous.send(anonymous.get("/api/tasks/none")).status() == 401) {
                return;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the baseline did not answer within " + timeout.toSeconds() + " s; its log:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** An HS256 JWT for a fresh user id (the token's subject), valid for a day. */
    String tokenForNewUser() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(Api.object().put("sub", UUID.randomUUID().toString()).put("iat", now)
                .put("exp", now + 86_400).toString().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + claims + "." + signature;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
