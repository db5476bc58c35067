package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.testing.ApiEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the deployment jars (built before this module) hold: nothing that only runs offline. */
class DeploymentJarsTest {
    /** What only the local runtime and the tests use: ours, and the SDK's stream client and table waiters. */
    private static final List<String> OFFLINE_ONLY = List.of("dev/connecttasks/local/", "dev/connecttasks/testing/",
            "dev/connecttasks/offline/", "software/amazon/awssdk/services/dynamodb/streams/",
            "software/amazon/awssdk/services/dynamodb/waiters/");

    @Test
    void noDeploymentJarCarriesOfflineOnlyClasses() throws Exception {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ApiEvents.repositoryRoot().resolve("functions"))) {
            for (Path module : modules.sorted().toList()) {
                jars.add(LambdaLaunch.deploymentJar(module.resolve("target")));
            }
        }
        assertEquals(29, jars.size());
        List<String> offline = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertTrue(zip.getEntry("dev/connecttasks/store/ContactTable.class") != null, jar + " lacks the store");
                zip.stream().map(entry -> entry.getName())
                        .filter(name -> OFFLINE_ONLY.stream().anyMatch(name::startsWith))
                        .forEach(name -> offline.add(jar.getFileName() + ": " + name));
            }
        }
        assertEquals(List.of(), offline);
    }
}
