package sale.itmall.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The application's modules and their borders: no cycles, no module uses another's internals, the returns core knows
 * nothing of the modules that react to it; and the module picture in docs/modules is the one the code gives.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void everyModuleUsesOnlyTheOthersApis() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheCapabilitiesAndTheReturnsCoreKnowsNothingOfWhatReactsToIt() {
        assertThat(dependencies())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "config", "shared",
                        "engine", "shared",
                        "notifications", "policy returns shared",
                        "policy", "",
                        "portal", "notifications policy process returns shared",
                        "process", "policy",
                        "reporting", "notifications returns",
                        "returns", "policy process shared",
                        "shared", "",
                        "tasks", "engine process returns shared")));
    }

    /**
     * Writes the module diagram (PlantUML, and SVG rendered from it) to target/spring-modulith-docs; with
     * {@code -Ditmall.docs.write=true} also to docs/modules, which otherwise must match what the code gives.
     */
    @Test
    void theModulePictureInTheDocsIsTheOneTheCodeGives() throws IOException {
        new Documenter(MODULES)
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML));
        Path generated = Path.of("target/spring-modulith-docs/components.puml");
        String puml = Files.readString(generated);
        if (Boolean.getBoolean("itmall.docs.write")) {
            Files.createDirectories(DOCS);
            Files.writeString(DOCS.resolve("modules.puml"), puml);
            try (OutputStream svg = Files.newOutputStream(DOCS.resolve("modules.svg"))) {
                new SourceStringReader(puml.replace("@startuml", "@startuml\n!pragma layout smetana"))
                        .outputImage(svg, new FileFormatOption(FileFormat.SVG));
            }
        }
        // the documenter lists relationships in no fixed order: compare the lines, not their order
        assertThat(Files.readString(DOCS.resolve("modules.puml"), StandardCharsets.UTF_8)
                        .lines()
                        .sorted())
                .as(
                        "docs/modules/modules.puml is stale: run mvn test -Dtest=ModularityTest -Ditmall.docs.write=true and"
                                + " commit docs/modules")
                .containsExactlyElementsOf(puml.lines().sorted().toList());
    }

    static Map<String, String> dependencies() {
        return MODULES.stream()
                .collect(Collectors.toMap(
                        ApplicationModule::getName,
                        m -> m.getDirectDependencies(MODULES)
                                .uniqueModules()
                                .map(ApplicationModule::getName)
                                .sorted()
                                .collect(Collectors.joining(" ")),
                        (a, b) -> a,
                        TreeMap::new));
    }
}
