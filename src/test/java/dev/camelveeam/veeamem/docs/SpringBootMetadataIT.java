package dev.camelveeam.veeamem.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar (failsafe runs this test against it) carries the Spring Boot auto-configuration and IDE metadata of its
 * own component JSON.
 */
class SpringBootMetadataIT {

    @Test
    void theJarHasTheMetadataOfItsComponentJson() throws IOException {
        URL metadata = SpringBootMetadataIT.class.getResource("/META-INF/spring-configuration-metadata.json");
        assertNotNull(metadata);
        assertTrue(metadata.toString().startsWith("jar:") && metadata.toString().contains("camel-veeam-em"),
                metadata.toString());
        try (InputStream json = ComponentJson.classpathUrl().openStream(); InputStream in = metadata.openStream()) {
            assertEquals(SpringBootMetadataGenerator.render(new ObjectMapper().readTree(json)),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theJarRegistersTheAutoConfiguration() throws IOException, ClassNotFoundException {
        URL imports = SpringBootMetadataIT.class.getResource(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        assertNotNull(imports);
        assertTrue(imports.toString().startsWith("jar:"), imports.toString());
        try (InputStream in = imports.openStream()) {
            List<String> classes = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            assertEquals(List.of(SpringBootMetadataGenerator.AUTO_CONFIGURATION), classes);
            Class.forName(classes.get(0));
        }
    }
}
