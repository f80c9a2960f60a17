package vn.binhduong.sct.embedded;

import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of the broker's child JVM. It runs {@code kafka.Kafka} and exits when its standard input closes, so a
 * broker never outlives the process that started it, even one killed without running its shutdown hooks.
 */
public final class KafkaChild {
    private KafkaChild() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes; we only wait for end of stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone, exactly as end of stream does
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
