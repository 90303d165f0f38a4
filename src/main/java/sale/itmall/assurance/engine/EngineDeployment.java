package sale.itmall.assurance.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import sale.itmall.assurance.shared.Faults;
import sale.itmall.assurance.tasks.DeployedModels;
import sale.itmall.assurance.tasks.UserTasks;

/**
 * Deploys the process owners' files, bpmn/ and forms/ (copied onto the classpath at build time), in one deployment
 * when the application has started, so each user task finds its linked form. In the {@link UserTasks#PORTAL} form
 * every {@code <zeebe:userTask/>} is dropped on the way (the files stay Camunda user tasks for Tasklist). An engine
 * that cannot be reached yet is tried again for {@link #PATIENCE}; then the start fails with what to check.
 */
@Component
class EngineDeployment implements DeployedModels {

    static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(EngineDeployment.class);

    private final CamundaClient client;
    private final Environment env;
    private final UserTasks userTasks;
    private final Map<String, String> schemas = new LinkedHashMap<>();
    private final Map<String, String> taskNames = new LinkedHashMap<>();
    private final Map<Long, String> formIds = new ConcurrentHashMap<>();
    private final List<Model> models = new ArrayList<>();

    /** A file to deploy, as it goes to the engine. */
    private record Model(String name, byte[] content) {}

    EngineDeployment(CamundaClient client, Environment env) throws IOException {
        this.client = client;
        this.env = env;
        this.userTasks = env.getProperty(UserTasks.PROPERTY, UserTasks.class, UserTasks.TASKLIST);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource r : resolver.getResources("classpath*:/bpmn/**/*.bpmn")) {
            models.add(new Model(r.getFilename(), readProcess(r)));
        }
        for (Resource r : resolver.getResources("classpath*:/bpmn/**/*.dmn")) {
            models.add(new Model(r.getFilename(), r.getContentAsByteArray()));
        }
        for (Resource r : resolver.getResources("classpath*:/forms/**/*.form")) {
            String schema = r.getContentAsString(StandardCharsets.UTF_8);
            schemas.put(formIdOf(schema, r.getFilename()), schema);
            models.add(new Model(r.getFilename(), r.getContentAsByteArray()));
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void deploy() throws InterruptedException {
        if (!env.getProperty("camunda.client.deployment.enabled", Boolean.class, true) || models.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                DeployResourceCommandStep2 command = null;
                for (Model m : models) {
                    command = command == null
                            ? client.newDeployResourceCommand().addResourceBytes(m.content(), m.name())
                            : command.addResourceBytes(m.content(), m.name());
                }
                DeploymentEvent deployed = command.send().join();
                for (Form f : deployed.getForm()) {
                    formIds.put(f.getFormKey(), f.getFormId());
                }
                LOG.info(
                        "Deployed {} files of bpmn/ and forms/ (user tasks for {}), deployment {}",
                        models.size(),
                        userTasks == UserTasks.PORTAL ? "the portal's task queue" : "Tasklist",
                        deployed.getKey());
                return;
            } catch (RuntimeException e) {
                if (!Faults.isTechnical(e) || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Could not deploy bpmn/ and forms/ to the engine at "
                                    + env.getProperty("camunda.client.grpc-address") + ": " + Faults.describe(e)
                                    + ". Check that the engine runs (bin/run starts the demo engine) and that the"
                                    + " models are valid (bin/test lints them)",
                            e);
                }
                LOG.warn("The engine does not answer yet (attempt {}): {}", attempt, Faults.describe(e));
                Thread.sleep(Math.min(1000L * attempt, 5000L));
            }
        }
    }

    @Override
    public Optional<String> formIdOfKey(long formKey) {
        return Optional.ofNullable(formIds.get(formKey));
    }

    @Override
    public Optional<String> formSchema(String formId) {
        return Optional.ofNullable(schemas.get(formId));
    }

    @Override
    public String taskName(String bpmnProcessId, String elementId) {
        return taskNames.getOrDefault(bpmnProcessId + "/" + elementId, elementId);
    }

    /** Reads a process model, notes its user tasks, and drops {@code <zeebe:userTask/>} for the portal's queue. */
    private byte[] readProcess(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(in);
            NodeList tasks = doc.getElementsByTagNameNS(BPMN_NS, "userTask");
            for (int i = 0; i < tasks.getLength(); i++) {
                noteAndAdapt((Element) tasks.item(i));
            }
            if (userTasks == UserTasks.TASKLIST) {
                return resource.getContentAsByteArray();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IOException("Cannot read " + resource.getFilename() + ": " + e.getMessage(), e);
        }
    }

    private void noteAndAdapt(Element task) {
        Node process = task.getParentNode();
        while (process != null && !"process".equals(process.getLocalName())) {
            process = process.getParentNode();
        }
        String processId = process == null ? "" : ((Element) process).getAttribute("id");
        String id = task.getAttribute("id");
        String name = task.getAttribute("name");
        taskNames.put(processId + "/" + id, name.isBlank() ? id : name);
        if (userTasks == UserTasks.PORTAL) {
            NodeList marks = task.getElementsByTagNameNS(ZEEBE_NS, "userTask");
            for (int i = marks.getLength() - 1; i >= 0; i--) {
                marks.item(i).getParentNode().removeChild(marks.item(i));
            }
        }
    }

    private static String formIdOf(String schema, String file) {
        try {
            return JSON.readTree(schema).path("id").asText(file);
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a Camunda form (JSON): " + e.getMessage(), e);
        }
    }
}
