package sale.itmall.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                .containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                        Map.entry("config", "shared"),
                        Map.entry("engine", "policy process returns shared tasks"),
                        Map.entry("notifications", "policy returns shared"),
                        Map.entry("policy", ""),
                        Map.entry("portal", "config notifications policy process returns shared webhooks"),
                        Map.entry("process", "policy"),
                        Map.entry("reporting", "engine notifications returns"),
                        Map.entry("returns", "policy process shared"),
                        Map.entry("shared", ""),
                        Map.entry("tasks", "process returns shared"),
                        Map.entry("webhooks", "policy returns shared"))));
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

    /**
     * The module that owns each table: the only one whose SQL names it (others ask its API). A new table is given an
     * owner here, or this test fails.
     */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("api_keys", "portal"),
            Map.entry("portal_users", "portal"),
            Map.entry("sign_in_links", "portal"),
            Map.entry("notifications", "notifications"),
            Map.entry("staff_tasks", "tasks"),
            Map.entry("webhook_subscriptions", "webhooks"),
            Map.entry("webhook_deliveries", "webhooks"),
            Map.entry("account_reinstatements", "returns"),
            Map.entry("assets", "returns"),
            Map.entry("audit_events", "returns"),
            Map.entry("charges", "returns"),
            Map.entry("coverage_notices", "returns"),
            Map.entry("customers", "returns"),
            Map.entry("diagnoses", "returns"),
            Map.entry("engine_commands", "engine"),
            Map.entry("extension_requests", "returns"),
            Map.entry("inspections", "returns"),
            Map.entry("installed_base_imports", "returns"),
            Map.entry("orders", "returns"),
            Map.entry("ownership_transfers", "returns"),
            Map.entry("proofs", "returns"),
            Map.entry("repair_quotes", "returns"),
            Map.entry("case_questions", "returns"),
            Map.entry("replacements", "returns"),
            Map.entry("return_cases", "returns"),
            Map.entry("return_requests", "returns"),
            Map.entry("rma_decisions", "returns"),
            Map.entry("shipments", "returns"));

    private static final Pattern TABLE = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_]+)");

    /** Every table has one owner, and the SQL in each module's code (text blocks and strings) names only its own. */
    @Test
    void everyTableIsNamedOnlyByTheSqlOfTheModuleThatOwnsIt() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path m : migrations.toList()) {
                Matcher t = TABLE.matcher(Files.readString(m));
                while (t.find()) {
                    tables.add(t.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(TABLE_OWNERS.keySet()).as("every table has an owner").containsAll(tables);

        List<String> foreign = new ArrayList<>();
        Path root = Path.of("src/main/java/sale/itmall/assurance");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = root.relativize(file).getName(0).toString();
                for (String sql : sqlOf(Files.readString(file))) {
                    Matcher named = NAMED.matcher(sql);
                    while (named.find()) {
                        String table = named.group(1).toLowerCase(Locale.ROOT);
                        String owner = TABLE_OWNERS.get(table);
                        if (owner != null && !owner.equals(module)) {
                            foreign.add(root.relativize(file) + " names " + table + " (owned by " + owner + ")");
                        }
                    }
                }
            }
        }
        assertThat(foreign).as("SQL on another module's table").isEmpty();
    }

    /** The text blocks and string literals of a source file: where its SQL is. */
    static List<String> sqlOf(String source) {
        List<String> texts = new ArrayList<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            texts.add(block.group(1));
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (string.find()) {
            texts.add(string.group(1));
        }
        return texts;
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
