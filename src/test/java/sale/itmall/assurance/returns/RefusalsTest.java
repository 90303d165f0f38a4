package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal a customer can meet is a sentence in each language the portal offers: the code names a key, the
 * bundles hold it (in English and German alike: {@code LabelsTest}), and it reads in the reader's language.
 */
class RefusalsTest {

    static final Path SOURCES = Path.of("src/main/java/sale/itmall/assurance");
    static final Pattern REFUSAL = Pattern.compile("new ReturnRejected\\((.*?)\\);", Pattern.DOTALL);
    static final Pattern KEY = Pattern.compile("\"([a-z]+(?:[.-][a-z]+)+)\"");
    static final Pattern TERM = Pattern.compile(
            "(?:new ReturnRejected\\.Term\\(|plainText\\(\"[^\"]+\",\\s*\\w+(?:\\.\\w+\\(\\))?,\\s*)\"([a-z-]+(?:\\.[A-Z_a-z]+)?)\"");

    static Properties english() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RefusalsTest.class.getResourceAsStream("/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyRefusalTheCodeNamesIsInTheBundlesAndEveryRefusalThereIsUsed() throws IOException {
        Set<String> named = new TreeSet<>();
        Set<String> terms = new TreeSet<>();
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(f));
            }
        }
        for (String source : sources) {
            Matcher call = REFUSAL.matcher(source);
            while (call.find()) {
                Matcher key = KEY.matcher(call.group(1));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
            Matcher term = TERM.matcher(source);
            while (term.find()) {
                terms.add(term.group(1));
            }
        }
        Properties bundle = english();
        assertThat(named).as("refusal keys the code names").hasSizeGreaterThan(35);
        for (String key : named) {
            assertThat(bundle).as("refusal.%s in messages.properties", key).containsKey("refusal." + key);
        }
        for (String term : terms) {
            assertThat(bundle)
                    .as("refusal.term.%s in messages.properties", term)
                    .containsKey("refusal.term." + term);
        }
        Set<String> notFound = new TreeSet<>();
        for (String source : sources) {
            Matcher of = Pattern.compile("CaseNotFound\\.of\\(\"([a-z-]+)\"").matcher(source);
            while (of.find()) {
                notFound.add(of.group(1));
            }
        }
        assertThat(notFound).as("what-is-not-found keys the code names").hasSizeGreaterThan(6);
        for (String key : notFound) {
            assertThat(bundle).as("notfound.%s in messages.properties", key).containsKey("notfound." + key);
        }
        for (String key : bundle.stringPropertyNames()) {
            if (key.startsWith("refusal.") && !key.startsWith("refusal.term.")) {
                assertThat(named).as("%s is used by the code", key).contains(key.substring("refusal.".length()));
            }
        }
    }

    @Test
    void aRefusalReadsInTheReadersLanguageWithItsWordsAndNumbers() {
        ReturnRejected tooMany = new ReturnRejected("items", "items.too-many", 50);
        assertThat(tooMany.getMessage()).isEqualTo("Return at most 50 items in one request");
        assertThat(tooMany.message(Locale.ENGLISH)).isEqualTo(tooMany.getMessage());
        assertThat(tooMany.message(Locale.GERMAN)).isEqualTo("Senden Sie höchstens 50 Geräte in einer Anfrage zurück");
        // a language the portal does not offer reads English, whatever the JVM's own
        assertThat(tooMany.message(Locale.JAPANESE)).isEqualTo(tooMany.getMessage());

        ReturnRejected control = new ReturnRejected("note", "text.control-characters", new ReturnRejected.Term("note"));
        assertThat(control.message(Locale.ENGLISH)).isEqualTo("The note contains control characters; send plain text");
        assertThat(control.message(Locale.GERMAN)).isEqualTo("Die Notiz enthält Steuerzeichen; senden Sie reinen Text");
        // an apostrophe in the English survives MessageFormat
        assertThat(new ReturnRejected("serialNumber", "extension.manufacturer-plan", "SN-1").getMessage())
                .isEqualTo("SN-1 is covered by the manufacturer's plan: ask the manufacturer to extend it");
        assertThat(new ReturnRejected("reason", "reason.too-long", 4000).message(Locale.GERMAN))
                .isEqualTo("Halten Sie die Begründung unter 4000 Zeichen");
    }
}
