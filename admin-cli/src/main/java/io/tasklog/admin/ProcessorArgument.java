package io.tasklog.admin;

import picocli.CommandLine.Parameters;

/** The processor a replay command is about, named and described once for all of them. */
final class ProcessorArgument {

    @Parameters(paramLabel = "PROCESSOR", description = "the processor (processing group), e.g. task-view")
    String name;
}
