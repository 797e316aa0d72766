package io.edihub.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a process this JVM started once this JVM is gone without having ended it: killed with SIGKILL, crashed, or
 * halted by the test runner (Surefire halts a forked JVM that has not exited 30 seconds after its tests). A JVM's
 * shutdown hooks run in none of these cases, so a shell loop beside the process looks every second whether both are
 * still there; when only the process is left, it sends it the signal. When the JVM ends the process itself, as it
 * normally does, the loop ends with the process and nothing is left.
 */
public final class EndsWithThisJvm {

    private static final Logger log = LoggerFactory.getLogger(EndsWithThisJvm.class);
    private static final Path SHELL = Path.of("/bin/sh");

    private EndsWithThisJvm() {
    }

    /**
     * Watches {@code pid}; {@code signal} is what it gets when this JVM is gone (e.g. {@code INT}, PostgreSQL's fast
     * shutdown, or {@code KILL}). Where there is no POSIX shell, nothing is watched.
     */
    public static void watch(long pid, String signal) {
        if (!Files.isExecutable(SHELL)) {
            return;
        }
        long jvm = ProcessHandle.current().pid();
        // the loop ignores the signals a terminal's Ctrl-C or a hang-up sends to the whole process group: it must
        // outlive the JVM; it ends by itself once the process is gone
        String loop = "trap '' INT TERM HUP; while kill -0 " + jvm + " 2>/dev/null && kill -0 " + pid + " 2>/dev/null; do sleep 1; done; "
                + "kill -0 " + jvm + " 2>/dev/null || kill -" + signal + " " + pid + " 2>/dev/null";
        try {
            new ProcessBuilder(SHELL.toString(), "-c", loop).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            log.warn("Process {} will not be ended if this JVM dies first: {}", pid, e.toString());
        }
    }
}
