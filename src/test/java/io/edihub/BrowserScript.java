package io.edihub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edihub.local.EndsWithThisJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the browser scenarios in {@code src/test/browser/} ({@code node <script> args...}): a real
 * chromium driven by playwright-core, which prints what it found as one JSON line on stdout. The build installs
 * the npm packages ({@code npm ci} before the integration tests); chromium is Debian's ({@code /usr/bin/chromium},
 * or the {@code CHROMIUM} environment variable).
 */
public final class BrowserScript {

    /** Where the scenarios and their package.json live. */
    public static final Path FOLDER = Path.of("src", "test", "browser");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private final Path script;
    private final Duration timeout;

    private BrowserScript(Path script, Duration timeout) {
        this.script = script;
        this.timeout = timeout;
    }

    /** A scenario by its file name in {@link #FOLDER}, e.g. {@code hawtio-routes.js}. */
    public static BrowserScript named(String fileName, Duration timeout) {
        return new BrowserScript(FOLDER.resolve(fileName), timeout);
    }

    /** Fails with what is missing when node, chromium, the npm packages or the script are not there. */
    public static void checkTools() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("chromium at " + CHROMIUM + " (apt-get install chromium, or set CHROMIUM)");
        }
        if (!Files.isDirectory(FOLDER.resolve("node_modules").resolve("playwright-core"))) {
            missing.add("the npm packages in " + FOLDER + " (npm ci there; ./mvnw verify runs it)");
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                missing.add("a working node on the PATH");
            }
        } catch (IOException e) {
            missing.add("node on the PATH (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("browser tests cannot run, missing: " + String.join("; ", missing));
        }
    }

    /** Runs the scenario with these arguments and returns the JSON it printed; fails with its output otherwise. */
    public JsonNode run(String... arguments) {
        checkTools();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no browser scenario " + script);
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).start();
            // playwright closes its chromium when node gets SIGTERM
            EndsWithThisJvm.watch(process.pid(), "TERM");
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish within " + timeout + "\nstderr:\n" + stderr.getNow(""));
            }
            String out = stdout.get(30, TimeUnit.SECONDS);
            String err = stderr.get(30, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new AssertionError(script + " failed (exit " + process.exitValue() + ")\nstdout:\n" + out
                        + "\nstderr:\n" + err);
            }
            String[] lines = out.strip().split("\n");
            try {
                return new ObjectMapper().readTree(lines[lines.length - 1]);
            } catch (IOException e) {
                throw new AssertionError(script + " printed no JSON as its last line:\n" + out + "\nstderr:\n" + err, e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + script, e);
        }
    }

    private static CompletableFuture<String> readAll(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
            // a thread of its own per stream: the common pool may have one thread, and both streams must drain
        }, task -> new Thread(task, "browser-script-output").start());
    }
}
