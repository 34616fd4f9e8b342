package io.ferry.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes scenarios as YAML, and finds the shipped presets. Validation is {@link ScenarioValidator}. */
public final class ScenarioLoader {
    public static final String PRESET_DIR = "/ferry-resources/scenarios/";
    public static final List<String> PRESETS = List.of("druid-adtech");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), List.of("file not found"));
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    public static Scenario preset(String name) {
        if (!PRESETS.contains(name)) {
            throw new ScenarioException("preset " + name, List.of("unknown preset; the presets are " + PRESETS));
        }
        return parse(presetText(name), "preset " + name);
    }

    /** The preset's YAML as shipped, comments included, to start a scenario of one's own from. */
    public static String presetText(String name) {
        if (!PRESETS.contains(name)) {
            throw new ScenarioException("preset " + name, List.of("unknown preset; the presets are " + PRESETS));
        }
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(PRESET_DIR + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Scenario parse(String yaml, String source) {
        try {
            Scenario s = YAML.readValue(yaml, Scenario.class);
            if (s == null) {
                throw new ScenarioException(source, List.of("the file is empty"));
            }
            return s;
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException(source, List.of(path(e) + ": unknown field (known here: "
                    + e.getKnownPropertyIds() + ")"));
        } catch (JsonMappingException e) {
            String cause = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
            throw new ScenarioException(source, List.of(path(e) + ": " + firstLine(cause)));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, List.of("not valid YAML: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
    }

    public static String toYaml(Scenario s) {
        try {
            return YAML.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario as YAML", e);
        }
    }

    public static void save(Scenario s, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, toYaml(s));
    }

    /** "cloud.nodeGroups[2].count" from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
