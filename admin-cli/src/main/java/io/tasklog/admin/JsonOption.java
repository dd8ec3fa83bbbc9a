package io.tasklog.admin;

import picocli.CommandLine.Option;

/** {@code --json}, for the listing commands: print the server's documents instead of a table, for scripts. */
final class JsonOption {

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;
}
