package vn.binhduong.sct.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InfraModeTest {
    @Test
    void embeddedIsTheDefaultAndNeverAsksDocker() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals(InfraMode.EMBEDDED, InfraMode.resolve(null, () -> asked.incrementAndGet() > 0));
        assertEquals(InfraMode.EMBEDDED, InfraMode.resolve(" ", () -> asked.incrementAndGet() > 0));
        assertEquals(InfraMode.EMBEDDED, InfraMode.resolve("Embedded", () -> asked.incrementAndGet() > 0));
        assertEquals(0, asked.get());
    }

    @Test
    void autoFollowsTheDockerEngine() {
        assertEquals(InfraMode.CONTAINERS, InfraMode.resolve("auto", () -> true));
        assertEquals(InfraMode.EMBEDDED, InfraMode.resolve("auto", () -> false));
    }

    @Test
    void containersWithoutDockerFailsWithTheWayOut() {
        assertEquals(InfraMode.CONTAINERS, InfraMode.resolve("containers", () -> true));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InfraMode.resolve("containers", () -> false));
        assertTrue(e.getMessage().contains("SCT_TEST_INFRA=embedded"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InfraMode.resolve("docker", () -> true));
    }

    @Test
    void thisMachineHasNoDockerEngineSoAutoIsEmbeddedHere() {
        // the real discovery, as CI meets it: no engine on these machines (a machine with one would say CONTAINERS)
        boolean docker = InfraMode.dockerAnswers();
        assertEquals(docker ? InfraMode.CONTAINERS : InfraMode.EMBEDDED, InfraMode.resolve("auto", InfraMode::dockerAnswers));
        if (System.getenv("DOCKER_HOST") == null && !new java.io.File("/var/run/docker.sock").exists()) {
            assertFalse(docker);
        }
    }
}
