package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import sale.itmall.assurance.engine.OpeningWorkers;
import sale.itmall.assurance.engine.ResolutionWorkers;
import sale.itmall.assurance.engine.ReturnWindowWorkers;
import sale.itmall.assurance.policy.PolicyTerms;
import sale.itmall.assurance.process.Decisions;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.process.Variables;

/**
 * The contract between bpmn/, forms/ and the Java workers, checked from the files process owners edit: every variable
 * a FEEL expression, correlation key, gateway condition, mapping, worker input, form field or form text reads must be
 * produced in that process by its start, a message, a worker's answer, a mapping, a multi-instance element or a form
 * field. A failure names the file, the element and the variable.
 */
class ProcessContractTest {

    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /** What each process starts with. */
    static final Map<String, Class<?>> STARTS = Map.of(
            ProcessContract.REQUEST_PROCESS_ID, Variables.RequestStarted.class,
            ProcessContract.CASE_PROCESS_ID, Variables.CaseStarted.class,
            ProcessContract.DISPUTE_PROCESS_ID, Variables.DisputeRaised.class,
            ProcessContract.LATE_UNIT_PROCESS_ID, Variables.LateUnitReceived.class,
            ProcessContract.EXTENSION_PROCESS_ID, Variables.ExtensionRequested.class);

    /** What each message carries. */
    static final Map<String, Class<?>> MESSAGES = Map.of(
            ProcessContract.MSG_ASSET_RECEIVED, Variables.ReceiptMessage.class,
            ProcessContract.MSG_CANCELLATION, Variables.CancellationMessage.class,
            ProcessContract.MSG_POLICY_DISPUTE, Variables.DisputeRaised.class,
            ProcessContract.MSG_LATE_UNIT, Variables.LateUnitReceived.class,
            ProcessContract.MSG_REPAIR_QUOTE_ANSWERED, Variables.RepairQuoteAnswer.class,
            ProcessContract.MSG_EXTENSION_REQUESTED, Variables.ExtensionRequested.class);

    static final Set<String> FEEL_WORDS = Set.of(
            "and",
            "or",
            "not",
            "if",
            "then",
            "else",
            "for",
            "in",
            "return",
            "some",
            "every",
            "satisfies",
            "between",
            "instance",
            "of",
            "null",
            "true",
            "false",
            "function");
    static final List<String> MULTI_WORD_FUNCTIONS = List.of(
            "date and time",
            "days and time duration",
            "years and months duration",
            "string length",
            "upper case",
            "lower case",
            "context merge",
            "get value");

    record Worker(Set<String> reads, Set<String> answers) {}

    record Read(String file, String element, String variable) {}

    static Map<String, Worker> workers = new HashMap<>();
    static Map<String, Document> models = new HashMap<>();
    static Map<String, JsonNode> forms = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        for (Method m : Stream.of(OpeningWorkers.class, ReturnWindowWorkers.class, ResolutionWorkers.class)
                .flatMap(workers -> Stream.of(workers.getDeclaredMethods()))
                .toList()) {
            JobWorker annotation = m.getAnnotation(JobWorker.class);
            if (annotation == null) {
                continue;
            }
            Set<String> reads = new LinkedHashSet<>();
            for (Parameter p : m.getParameters()) {
                if (p.isAnnotationPresent(VariablesAsType.class)) {
                    reads.addAll(names(p.getType()));
                }
            }
            workers.put(
                    annotation.type(),
                    new Worker(reads, m.getReturnType() == void.class ? Set.of() : names(m.getReturnType())));
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                models.put(
                        file.getFileName().toString(),
                        factory.newDocumentBuilder().parse(file.toFile()));
            }
        }
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode form = new ObjectMapper().readTree(file.toFile());
                forms.put(form.get("id").asText(), form);
            }
        }
    }

    static Set<String> names(Class<?> type) {
        if (!type.isRecord()) {
            throw new AssertionError(type + " is not a record: workers take and answer typed records");
        }
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                names.addAll(names(c.getType())); // its components are variables of their own
            } else {
                names.add(c.getName());
            }
        }
        return names;
    }

    @Test
    void everyVariableTheModelsAndFormsReadIsProduced() {
        List<Read> unproduced = new ArrayList<>();
        for (var entry : models.entrySet()) {
            Element process = (Element)
                    entry.getValue().getElementsByTagNameNS(BPMN, "process").item(0);
            String processId = process.getAttribute("id");
            Set<String> produced = produced(processId);
            for (Read read : reads(entry.getKey(), entry.getValue())) {
                if (!produced.contains(read.variable())) {
                    unproduced.add(read);
                }
            }
        }
        assertThat(unproduced)
                .as("variables read but produced by no start, message, worker, mapping or form field")
                .isEmpty();
    }

    /**
     * Tasklist offers a task to its candidate groups; the portal allows by the same staff roles. Each user task names
     * exactly the role whose work it is, so both places agree on who does what.
     */
    @Test
    void everyUserTaskIsOfferedToTheStaffRoleWhoseWorkItIs() {
        Map<String, String> groups = new HashMap<>();
        for (Document model : models.values()) {
            for (Element task : elements(model, BPMN, "userTask")) {
                List<Element> assignment = elements(task, ZEEBE, "assignmentDefinition");
                groups.put(
                        task.getAttribute("id"),
                        assignment.isEmpty() ? "" : assignment.get(0).getAttribute("candidateGroups"));
            }
        }
        assertThat(groups)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        Elements.REMOTE_DIAGNOSIS, StaffRole.TAC_ENGINEER.group(),
                        Elements.RMA_APPROVAL, StaffRole.RMA_APPROVER.group(),
                        Elements.INSPECTION, StaffRole.BENCH_TECHNICIAN.group(),
                        Elements.DISPUTE_REVIEW, StaffRole.SERVICE_GOVERNANCE.group(),
                        Elements.LATE_UNIT_GOVERNANCE, StaffRole.SERVICE_GOVERNANCE.group(),
                        Elements.LATE_UNIT_RMA, StaffRole.RMA_APPROVER.group(),
                        Elements.REVIEW_EXTENSION, StaffRole.SERVICE_GOVERNANCE.group()));
    }

    @Test
    void everyJobTypeInTheModelsHasAWorkerAndEveryWorkerATask() {
        Set<String> modelled = new LinkedHashSet<>();
        for (Document model : models.values()) {
            for (Element e : elements(model, ZEEBE, "taskDefinition")) {
                modelled.add(e.getAttribute("type"));
            }
        }
        assertThat(workers.keySet()).containsExactlyInAnyOrderElementsOf(modelled);
    }

    @Test
    void theCallActivityPassesExactlyWhatTheReturnCaseStartsWith() {
        Element call = byId(models.get("itmall-return-request.bpmn"), Elements.CASE_CALL);
        Set<String> targets = new LinkedHashSet<>();
        for (Element input : elements(call, ZEEBE, "input")) {
            targets.add(input.getAttribute("target"));
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(names(Variables.CaseStarted.class));
        Element called = elements(call, ZEEBE, "calledElement").getFirst();
        assertThat(called.getAttribute("processId")).isEqualTo(ProcessContract.CASE_PROCESS_ID);
        assertThat(called.getAttribute("propagateAllChildVariables")).isEqualTo("false");
        assertThat(called.getAttribute("propagateAllParentVariables")).isEqualTo("false");
    }

    @Test
    void theDecisionsOutputsAreThePolicyTermsAndItsRevisionIsItsVersionTag() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dmn = factory.newDocumentBuilder()
                .parse(Path.of("bpmn/itmall-policy-terms.dmn").toFile());
        Set<String> outputs = new LinkedHashSet<>();
        NodeList nodes = dmn.getElementsByTagNameNS("*", "output");
        for (int i = 0; i < nodes.getLength(); i++) {
            outputs.add(((Element) nodes.item(i)).getAttribute("name"));
        }
        assertThat(outputs).containsExactlyInAnyOrderElementsOf(names(PolicyTerms.class));
        Element decision = byId(dmn, ProcessContract.POLICY_DECISION_ID);
        String versionTag = elements(decision, ZEEBE, "versionTag").getFirst().getAttribute("value");
        assertThat(Files.readString(Path.of("bpmn/itmall-policy-terms.dmn")))
                .as("the Policy revision output equals the decision's version tag")
                .contains("<text>\"" + versionTag + "\"</text>");
    }

    // ---- what a process produces ---------------------------------------------------------------------------------

    static Set<String> produced(String processId) {
        Set<String> produced = new LinkedHashSet<>(names(STARTS.get(processId)));
        Document model = modelOf(processId);
        for (Element e : elements(model, ZEEBE, "taskDefinition")) {
            Worker worker = workers.get(e.getAttribute("type"));
            if (worker != null) {
                produced.addAll(worker.answers());
            }
        }
        for (String tag : List.of("receiveTask", "message")) {
            for (Element e : elements(model, BPMN, tag)) {
                Class<?> carried = MESSAGES.get(e.getAttribute("name"));
                if (carried != null) {
                    produced.addAll(names(carried));
                }
            }
        }
        for (Element e : elements(model, ZEEBE, "output")) {
            produced.add(e.getAttribute("target"));
        }
        for (Element e : elements(model, ZEEBE, "loopCharacteristics")) {
            produced.add(e.getAttribute("inputElement"));
            produced.add(e.getAttribute("outputCollection"));
        }
        for (Element e : elements(model, ZEEBE, "formDefinition")) {
            JsonNode form = forms.get(e.getAttribute("formId"));
            for (JsonNode component : form.get("components")) {
                if (component.has("key") && !component.path("readonly").asBoolean(false)) {
                    produced.add(component.get("key").asText());
                }
            }
        }
        return produced;
    }

    // ---- what a process reads ------------------------------------------------------------------------------------

    static List<Read> reads(String file, Document model) {
        List<Read> reads = new ArrayList<>();
        for (Element e : elements(model, BPMN, "conditionExpression")) {
            feel(reads, file, owner(e), e.getTextContent());
        }
        for (String tag : List.of("timeDate", "timeDuration", "timeCycle")) {
            for (Element e : elements(model, BPMN, tag)) {
                feel(reads, file, owner(e), e.getTextContent());
            }
        }
        for (Element e : elements(model, ZEEBE, "input")) {
            feel(reads, file, owner(e), e.getAttribute("source"));
        }
        for (Element e : elements(model, ZEEBE, "output")) {
            if (!"callActivity".equals(owner(e).getLocalName())) { // a call activity's outputs read the called process
                feel(reads, file, owner(e), e.getAttribute("source"));
            }
        }
        for (Element e : elements(model, ZEEBE, "loopCharacteristics")) {
            feel(reads, file, owner(e), e.getAttribute("inputCollection"));
            feel(reads, file, owner(e), e.getAttribute("outputElement"));
        }
        for (Element e : elements(model, ZEEBE, "subscription")) {
            feel(reads, file, owner(e), e.getAttribute("correlationKey"));
        }
        for (Element e : elements(model, ZEEBE, "taskSchedule")) {
            feel(reads, file, owner(e), e.getAttribute("dueDate"));
            feel(reads, file, owner(e), e.getAttribute("followUpDate"));
        }
        for (Element e : elements(model, ZEEBE, "taskDefinition")) {
            Worker worker = workers.get(e.getAttribute("type"));
            if (worker != null) {
                for (String variable : worker.reads()) {
                    reads.add(new Read(
                            file, owner(e).getAttribute("id") + " (worker " + e.getAttribute("type") + ")", variable));
                }
            }
        }
        for (Element e : elements(model, ZEEBE, "formDefinition")) {
            String formId = e.getAttribute("formId");
            JsonNode form = forms.get(formId);
            assertThat(form)
                    .as("form %s linked from %s in %s", formId, owner(e).getAttribute("id"), file)
                    .isNotNull();
            for (JsonNode component : form.get("components")) {
                String where = "form " + formId + ", " + component.path("id").asText();
                if (component.has("key") && component.path("readonly").asBoolean(false)) {
                    reads.add(new Read(file, where, component.get("key").asText()));
                }
                if (component.has("text")) {
                    Matcher m = Pattern.compile("\\{\\{(.*?)}}")
                            .matcher(component.get("text").asText());
                    while (m.find()) {
                        String expression = m.group(1).trim().replaceFirst("^(#if|#loop|/if|/loop|else)\\b", "");
                        feelExpression(reads, file, where, expression);
                    }
                }
                strings(component).stream().filter(s -> s.startsWith("=")).forEach(s -> feel(reads, file, where, s));
            }
        }
        return reads;
    }

    static void feel(List<Read> reads, String file, Element owner, String expression) {
        feel(reads, file, owner.getAttribute("id"), expression);
    }

    static void feel(List<Read> reads, String file, String where, String expression) {
        if (expression == null || !expression.trim().startsWith("=")) {
            return; // a static value
        }
        feelExpression(reads, file, where, expression.trim().substring(1));
    }

    /** The variables a FEEL expression reads: names not after a dot, not a call, not a context key, not a keyword. */
    static void feelExpression(List<Read> reads, String file, String where, String expression) {
        String text = expression.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"");
        for (String function : MULTI_WORD_FUNCTIONS) {
            text = text.replace(function + "(", "fn(");
        }
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(text);
        while (m.find()) {
            String name = m.group();
            String before = text.substring(0, m.start()).stripTrailing();
            String after = text.substring(m.end()).stripLeading();
            if (FEEL_WORDS.contains(name) || before.endsWith(".") || after.startsWith("(") || after.startsWith(":")) {
                continue;
            }
            reads.add(new Read(file, where, name));
        }
    }

    // ---- XML and JSON helpers -------------------------------------------------------------------------------------

    static Document modelOf(String processId) {
        return models.values().stream()
                .filter(d -> ((Element)
                                d.getElementsByTagNameNS(BPMN, "process").item(0))
                        .getAttribute("id")
                        .equals(processId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No model in bpmn/ for process " + processId));
    }

    static List<Element> elements(Document doc, String ns, String tag) {
        return list(doc.getElementsByTagNameNS(ns, tag));
    }

    static List<Element> elements(Element parent, String ns, String tag) {
        return list(parent.getElementsByTagNameNS(ns, tag));
    }

    static List<Element> list(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    /** The choices a form offers are the ones the code parses at the boundary, no more and no fewer. */
    @Test
    void theDecisionsTheFormsOfferAreTheEnumsTheCodeParses() {
        assertThat(optionsOf("rma-approval", "rmaDecision"))
                .containsExactlyInAnyOrder(Stream.of(Decisions.RmaDecision.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
        assertThat(optionsOf("policy-dispute", "disputeDecision"))
                .containsExactlyInAnyOrder(Stream.of(Decisions.DisputeDecision.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    private static List<String> optionsOf(String formId, String key) {
        List<String> options = new ArrayList<>();
        forms.get(formId).findParents("key").stream()
                .filter(c -> key.equals(c.path("key").asText()))
                .forEach(c -> c.path("values")
                        .forEach(v -> options.add(v.path("value").asText())));
        return options;
    }

    /** Element ids the code and the tests name come from one place, and each names an element of a model. */
    @Test
    void everyElementIdTheCodeAndTheTestsNameIsAnElementOfAModel() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Field constant : Elements.class.getFields()) {
            String id = (String) constant.get(null);
            boolean found = models.values().stream().anyMatch(doc -> list(doc.getElementsByTagNameNS("*", "*")).stream()
                    .anyMatch(e -> id.equals(e.getAttribute("id"))));
            if (!found) {
                missing.add(constant.getName() + " = " + id);
            }
        }
        assertThat(missing)
                .as("ProcessContract.Elements constants without an element in bpmn/")
                .isEmpty();
    }

    static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (Element e : list(all)) {
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("No element " + id);
    }

    /** The BPMN element (with an id) an extension or expression belongs to. */
    static Element owner(Element e) {
        Element current = e;
        while (current != null && (current.getAttribute("id").isEmpty() || !BPMN.equals(current.getNamespaceURI()))) {
            current = (Element) current.getParentNode();
        }
        return current;
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                values.addAll(strings(it.next()));
            }
        }
        return values;
    }
}
