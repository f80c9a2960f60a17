package vn.binhduong.sct.dashboard;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Started by the local launcher ({@code sct.parent-pid} set), the dashboard ends when the launcher is gone, however it
 * went, as the services do (the platform's ParentWatch, which this module does not depend on: it has no database).
 */
@ApplicationScoped
public class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    private final Optional<Long> parentPid;

    public ParentWatch(@ConfigProperty(name = "sct.parent-pid") Optional<Long> parentPid) {
        this.parentPid = parentPid;
    }

    void start(@Observes StartupEvent event) {
        parentPid.ifPresent(pid -> {
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
                Runtime.getRuntime().halt(1);
            }, "parent-watch");
            t.setDaemon(true);
            t.start();
        });
    }
}
