package vn.binhduong.sct.descriptors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Each service's src/main/docker/Dockerfile.jvm: the Quarkus fast-jar, a non-root user, its port, the JVM flags. */
class DockerfileTest {
    static final List<String> FLAGS = List.of("-XX:+UseG1GC", "-XX:MaxRAMPercentage=", "-XX:+TieredCompilation",
            "-XX:+ExitOnOutOfMemoryError");

    @Test
    void everyServiceHasAJvmDockerfileForItsFastJar() {
        Problems p = new Problems();
        for (ServiceModel s : Repo.services()) {
            Path f = s.dir().resolve("src/main/docker/Dockerfile.jvm");
            if (!Files.exists(f)) {
                p.add(s.name() + ": no src/main/docker/Dockerfile.jvm");
                continue;
            }
            String d = Repo.read(f);
            Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(d);
            String image = from.find() ? from.group(1) : "";
            p.check(image.startsWith("eclipse-temurin:17") || image.contains("ubi") && image.contains("openjdk-17"),
                    s.name() + ": base image " + image + " is not a Java 17 runtime");
            for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                p.check(d.contains("target/quarkus-app/" + part), s.name() + ": does not copy target/quarkus-app/" + part);
            }
            Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)\\s*$").matcher(d);
            p.check(expose.find() && Integer.parseInt(expose.group(1)) == s.port(),
                    s.name() + ": does not EXPOSE its port " + s.port());
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$").matcher(d);
            String u = null;
            while (user.find()) {
                u = user.group(1);
            }
            p.check(u != null && !u.equals("root") && !u.equals("0"), s.name() + ": runs as " + u);
            Matcher opts = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(d);
            String flags = opts.find() ? opts.group(1) : "";
            for (String flag : FLAGS) {
                p.check(flags.contains(flag), s.name() + ": JAVA_OPTS lacks " + flag + ": " + flags);
            }
            // full JIT: no C1-only start-up mode, and the heap follows the container's limit, not a fixed -Xmx
            p.check(!flags.contains("TieredStopAtLevel") && !flags.contains("-Xmx"), s.name() + ": " + flags);
            p.check(d.contains("-jar /deployments/quarkus-run.jar") && d.contains("$JAVA_OPTS"),
                    s.name() + ": does not start quarkus-run.jar with $JAVA_OPTS");
        }
        p.assertNone();
    }
}
