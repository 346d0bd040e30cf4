package dev.camelveeam.veeamem.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the option and header tables of the component page from the component JSON, between the page's marker comments
 * ({@code // component options: START} ... {@code END}, likewise {@code endpoint options} and
 * {@code component headers}). The build runs it after compiling the tests; see pom.xml.
 * <p>
 * Usage: {@code ComponentDocGenerator <component json> <component adoc>}. The page is written only when a table
 * changed.
 */
public final class ComponentDocGenerator {

    private ComponentDocGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "Usage: ComponentDocGenerator <component json> <component adoc>; got " + args.length + " args");
        }
        Path json = Path.of(args[0]);
        Path adoc = Path.of(args[1]);
        String page = Files.readString(adoc, StandardCharsets.UTF_8);
        String regenerated = regenerate(page, ComponentJson.read(json));
        if (!regenerated.equals(page)) {
            Files.writeString(adoc, regenerated, StandardCharsets.UTF_8);
            System.out.println("Updated the option tables of " + adoc + " from " + json + "; commit the page");
        }
    }

    /** The page with every marked region replaced by what the JSON says. */
    static String regenerate(String page, ComponentJson component) {
        String result = page;
        for (Map.Entry<String, String> region : regions(component).entrySet()) {
            result = MarkedRegions.replace(result, region.getKey(), region.getValue());
        }
        return result;
    }

    /** The generated content of each marked region, by region name. */
    static Map<String, String> regions(ComponentJson component) {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("component options", OptionTables.componentOptions(component));
        regions.put("endpoint options", OptionTables.endpointOptions(component));
        regions.put("component headers", OptionTables.headers(component));
        return regions;
    }
}
