package io.tasklog.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How the contract test starts the packaged app: from the runnable jar. */
interface AppLauncher {

    AppProcess start(Map<String, String> environment, Path log, int port);

    static AppLauncher forThisMachine(Path runnableJar, Path workDirectory) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return (environment, log, port) ->
                AppProcess.start(List.of(java, "-jar", runnableJar.toString()), environment, workDirectory, log, port);
    }
}
