package io.edihub.faults;

import io.edihub.local.EndsWithThisJvm;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Java program in a JVM of its own, so the fault suite can take it away the hard way
 * ({@link Process#destroyForcibly()} is SIGKILL on Linux) while everything else keeps running. Its output
 * goes to a log file, appended across restarts.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The test JVM's own classpath: under failsafe a manifest-only jar, which a child JVM reads just the same. */
    static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    static Process start(Path workingDirectory, List<String> jvmArguments, List<String> program, Map<String, String> environment,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            // a hub or broker left behind by a test JVM that died would hold its ports and CPU for good
            EndsWithThisJvm.watch(process.pid(), "KILL");
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", program), e);
        }
    }

    /** Runs a program to its end (e.g. a tool that formats a directory) and fails unless it exits with 0. */
    static void run(List<String> program, Path log) {
        Process process = start(Path.of("").toAbsolutePath(), List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                testClasspath()), program, Map.of(), log);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", program) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void stop(Process process, boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String pathSeparated(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
