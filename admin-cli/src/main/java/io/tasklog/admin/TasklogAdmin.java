package io.tasklog.admin;

import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code tasklog-admin}: the operators' tool over Tasklog's admin HTTP API. This class holds the global
 * options (inherited, so they may stand before or after the command) and turns them into a logged-in
 * {@link AdminApi}; each command is a class of its own.
 */
@Command(name = "tasklog-admin",
        mixinStandardHelpOptions = true,
        version = "tasklog-admin 0.1.0",
        description = "Operates a running Tasklog over its admin API: event processors, projection replays, dead letters.",
        footer = {"", "Environment: TASKLOG_URL, TASKLOG_TOKEN, TASKLOG_EMAIL, TASKLOG_PASSWORD.",
                "The account must be an admin: its email listed in the server's TASKLOG_SECURITY_ADMIN_EMAILS."},
        subcommands = {
                ProcessorsCommand.class,
                ReplayCommand.class,
                ReplayStatusCommand.class,
                ReplayCancelCommand.class,
                DeadLettersCommand.class,
                RetryCommand.class,
                EvictCommand.class,
                CommandLine.HelpCommand.class})
public final class TasklogAdmin implements Runnable {

    static final String DEFAULT_URL = "http://localhost:8080";

    @Spec
    CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Tasklog's base URL (env TASKLOG_URL; default " + DEFAULT_URL + ")")
    String url;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "JWT",
            description = "bearer token of an admin account (env TASKLOG_TOKEN)")
    String token;

    @Option(names = "--email", scope = ScopeType.INHERIT, paramLabel = "EMAIL",
            description = "log in as this admin account instead of passing a token (env TASKLOG_EMAIL)")
    String email;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "password for --email (env TASKLOG_PASSWORD; prefer the variable: arguments show in ps)")
    String password;

    private final Io io;
    private AdminApi api;

    public TasklogAdmin(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** Parses and runs one command line; returns the exit code (0 ok, 1 failed, 2 usage). */
    public static int run(Io io, String... args) {
        CommandLine commandLine = new CommandLine(new TasklogAdmin(io));
        commandLine.setOut(new PrintWriter(io.out(), true));
        commandLine.setErr(new PrintWriter(io.err(), true));
        commandLine.setExecutionExceptionHandler(new ErrorReporter(io));
        return commandLine.execute(args);
    }

    /** Without a command there is nothing to do: show the usage as a usage error (exit 2). */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    Io io() {
        return io;
    }

    /**
     * The API as the chosen account. Options beat environment variables, and a token beats a login, so
     * an explicit {@code --email} still wins over a TASKLOG_TOKEN left in the shell.
     */
    AdminApi api(CommandSpec command) {
        if (api == null) {
            AdminApi anonymous = AdminApi.anonymous(baseUrl(command));
            if (token != null) {
                api = anonymous.withToken(token);
            } else if (email != null || password != null) {
                api = login(command, anonymous, or(email, io.env("TASKLOG_EMAIL")), or(password, io.env("TASKLOG_PASSWORD")));
            } else if (io.env("TASKLOG_TOKEN") != null) {
                api = anonymous.withToken(io.env("TASKLOG_TOKEN"));
            } else {
                api = login(command, anonymous, io.env("TASKLOG_EMAIL"), io.env("TASKLOG_PASSWORD"));
            }
        }
        return api;
    }

    private static AdminApi login(CommandSpec command, AdminApi anonymous, String loginEmail, String loginPassword) {
        if (loginEmail == null || loginPassword == null) {
            throw new ParameterException(command.commandLine(), loginEmail == null && loginPassword == null
                    ? "No credentials: pass --token (TASKLOG_TOKEN) or --email and --password (TASKLOG_EMAIL, TASKLOG_PASSWORD)"
                    : "Give both --email and --password (or TASKLOG_EMAIL and TASKLOG_PASSWORD)");
        }
        return anonymous.login(loginEmail, loginPassword);
    }

    private URI baseUrl(CommandSpec command) {
        String value = or(url, or(io.env("TASKLOG_URL"), DEFAULT_URL)).strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ParameterException(command.commandLine(), "Invalid --url '" + value + "': expected http(s)://host[:port]");
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
