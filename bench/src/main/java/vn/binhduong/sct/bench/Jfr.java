package vn.binhduong.sct.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JDK Flight Recorder recording of a service's JVM, started and stopped through {@code jcmd} (profile settings). */
final class Jfr {
    private Jfr() {
    }

    /** Starts recording {@code name} of process {@code pid} into {@code file}, 10 ms execution samples. */
    static void start(long pid, String name, String file) throws Exception {
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + Path.of(file).toAbsolutePath());
    }

    /** Stops recording {@code name} and writes its file. */
    static void stop(long pid, String name) throws Exception {
        jcmd(pid, "JFR.stop", "name=" + name);
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }
}
