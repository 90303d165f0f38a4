package sale.itmall.assurance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What is shipped and built stays within its licences: the application's jar (what `mvn package` builds, the
 * Dockerfile runs) holds no code of Zeebe Process Test's engine, which Camunda licenses for development, testing and
 * demos only (it runs beside the app as the demo engine); and no build file or script asks for Camunda's
 * distribution (io.camunda:camunda-zeebe, the vendor's own terms).
 */
class ShippedJarIT {

    @Test
    void theApplicationJarHoldsNoEngineCode() throws IOException {
        try (JarFile jar = new JarFile("target/service-assurance.jar")) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names)
                    .as("the jar is the application's")
                    .contains("BOOT-INF/classes/bpmn/itmall-return-case.bpmn");
            assertThat(names)
                    .as("no engine in the shipped jar")
                    .noneMatch(n -> n.contains("zeebe-process-test")
                            || n.contains("zeebe-workflow-engine")
                            || n.contains("zeebe-stream-platform")
                            || n.contains("zeebe-logstreams")
                            || n.startsWith("io/camunda/zeebe/engine/")
                            || n.startsWith("io/camunda/zeebe/process/test/"));
            assertThat(names)
                    .as("form-js is served by the app")
                    .contains(
                            "BOOT-INF/classes/static/vendor/form-js/dist/form-viewer.umd.js",
                            "BOOT-INF/classes/static/vendor/form-js/LICENSE");
        }
    }

    @Test
    void noBuildFileOrScriptFetchesCamundasDistribution() throws IOException {
        List<Path> files;
        try (Stream<Path> bin = Files.list(Path.of("bin"));
                Stream<Path> ci = Files.walk(Path.of(".ci"))) {
            files = Stream.of(
                            Stream.of(
                                    Path.of("pom.xml"),
                                    Path.of("demo-engine/pom.xml"),
                                    Path.of("Dockerfile"),
                                    Path.of("docker-compose.yml")),
                            bin,
                            ci.filter(p ->
                                    p.toString().endsWith("run") || p.toString().endsWith(".json")))
                    .flatMap(s -> s)
                    .filter(Files::isRegularFile)
                    .toList();
        }
        for (Path f : files) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain("camunda-zeebe");
        }
    }
}
