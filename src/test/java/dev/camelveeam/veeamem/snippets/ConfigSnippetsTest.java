package dev.camelveeam.veeamem.snippets;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.camelveeam.veeamem.VeeamEmJdbcStateRepository;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The non-Java snippets of README.md and the component page (src/test/resources/snippets), used: the connection
 * properties in Camel Main against the simulator, the state table's DDL with {@code VeeamEmJdbcStateRepository}, the
 * Maven fragments against this project's pom.xml, and the Spring Boot YAML against the jar's IDE metadata.
 */
class ConfigSnippetsTest {

    @RegisterExtension
    static final EmSimulatorExtension EM = SnippetContexts.simulator();

    @Test
    void theConnectionPropertiesConfigureTheComponentInCamelMain(EmSimulator sim) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:snippets/connection.properties");
        main.addOverrideProperty("camel.component.veeam-em.baseUrl", sim.getBaseUrl());   // not em.example.com
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport main) {
                main.getCamelContext().getPropertiesComponent().addPropertiesFunction(
                        SnippetContexts.environment(Map.of("VEEAM_PASSWORD", SnippetContexts.PASSWORD)));
            }
        });
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:remove").to("veeam-em:removeInclude");
            }
        });
        main.start();
        try {
            Task task = main.getCamelContext().createProducerTemplate().requestBodyAndHeaders("direct:remove", null,
                    Map.of("CamelVeeamEmJobId", SEED_ORACLE_JOB_ID, "CamelVeeamEmIncludeId", SEED_ORACLE01_INCLUDE_ID),
                    Task.class);

            assertEquals("Finished", task.getState());
            assertEquals("application/json", sim.getRequests("DELETE", "/api/jobs/.*").get(0).header("Accept"),
                    "format = json from the examples' properties");
        } finally {
            main.stop();
        }
    }

    @Test
    void theStateTableDdlServesTheJdbcRepository() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:snippet-state;DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("src/test/resources/snippets/state-table.sql")));
        }
        VeeamEmJdbcStateRepository repository = new VeeamEmJdbcStateRepository(dataSource);
        repository.setCreateTable(false);
        repository.start();
        try {
            repository.setState("key", "position");
            repository.setState("key", "next position");

            assertEquals("next position", repository.getState("key"));
        } finally {
            repository.stop();
        }
    }

    @Test
    void theMavenFragmentsNameThisProject() throws Exception {
        Element pom = parse(Path.of("pom.xml"));
        String version = child(pom, "version");
        Element snippets = parse(Path.of("src/test/resources/snippets/dependencies.xml"));
        NodeList dependencies = snippets.getElementsByTagName("dependency");
        int ours = 0;
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String groupId = child(dependency, "groupId");
            String artifactId = child(dependency, "artifactId");
            if (groupId.equals("dev.camelveeam")) {
                assertEquals(child(pom, "artifactId"), artifactId);
                assertEquals(version, child(dependency, "version"));
                ours++;
            } else if (artifactId.equals("camel-spring-boot-bom")) {
                assertEquals(child((Element) pom.getElementsByTagName("properties").item(0), "camel-spring-boot.version"),
                        child(dependency, "version"));
            }
        }
        assertTrue(ours >= 4, "the component and simulator dependencies: " + ours);
        assertTrue(Files.readString(Path.of("src/test/resources/snippets/dependencies.xml"))
                .contains("camel-spring-boot-bom:" + child((Element) pom.getElementsByTagName("properties").item(0),
                        "camel-spring-boot.version")));
    }

    @Test
    void everySpringBootYamlKeyIsAComponentProperty() throws Exception {
        Map<String, Object> yaml;
        try (InputStream in = getClass().getResourceAsStream("/snippets/application.yaml")) {
            yaml = new Yaml().load(in);
        }
        Map<?, ?> component = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) yaml.get("camel")).get("component")).get("veeam-em");
        String metadata = Files.readString(Path.of("src/main/resources/META-INF/spring-configuration-metadata.json"));
        List<String> unknown = new ArrayList<>();
        for (Object key : component.keySet()) {
            if (!metadata.contains("\"name\": \"camel.component.veeam-em." + key + "\"")) {
                unknown.add((String) key);
            }
        }
        assertEquals(List.of(), unknown);
        assertEquals(5, component.size());
    }

    private static Element parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    /** The text of the element's direct child of that name. */
    private static String child(Element element, String name) {
        for (org.w3c.dom.Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + element.getTagName() + ">");
    }
}
