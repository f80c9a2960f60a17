package vn.binhduong.sct.platform;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * A service started by the local launcher ends when the launcher is gone, however it went (even SIGKILL, which runs
 * no shutdown hook): with {@code sct.parent-pid} set, a daemon thread checks every second that the process lives and
 * otherwise shuts the application down as Ctrl-C would. Unset in every real deployment.
 */
@ApplicationScoped
public class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    private final Optional<Long> parentPid;

    public ParentWatch(@ConfigProperty(name = "sct.parent-pid") Optional<Long> parentPid) {
        this.parentPid = parentPid;
    }

    void start(@Observes StartupEvent event) {
        if (parentPid.isEmpty()) {
            return;
        }
        long pid = parentPid.get();
        Thread t = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            LOG.warnf("the launcher (pid %d) is gone; stopping", pid);
            Quarkus.asyncExit(0);
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1); // shutdown hung: never outlive the launcher
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
