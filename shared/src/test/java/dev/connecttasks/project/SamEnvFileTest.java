package dev.connecttasks.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * local/sam-env.json, the --env-vars file for `sam local invoke` and `sam local start-api`: SAM cannot
 * resolve !Ref or !GetAtt locally and would hand the functions logical ids (TABLE_NAME=ContactTable).
 */
class SamEnvFileTest {
    private final Template template = Template.load();
    private final JsonNode file = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(ApiEvents.repositoryRoot().resolve("local/sam-env.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileNamesExactlyTheTemplatesFunctions() {
        assertTrue(file.isObject());
        assertEquals(template.functions().keySet(), names(file));
    }

    /** SAM overrides only the variables a function declares in the template, and ignores any other. */
    @Test
    void eachFunctionGetsExactlyItsTemplateVariables() {
        template.functions().forEach((name, function) ->
                assertEquals(new TreeSet<>(templateVariables(function).keySet()), names(file.path(name)), name));
    }

    @Test
    void noValueIsALogicalIdOrAnUnresolvedReference() {
        file.fields().forEachRemaining(function -> function.getValue().fields().forEachRemaining(variable -> {
            String where = function.getKey() + "." + variable.getKey();
            assertTrue(variable.getValue().isTextual(), where);
            String value = variable.getValue().asText();
            assertFalse(value.isBlank(), where);
            assertFalse(isReference(value), where + " = " + value);
        }));
    }

    @Test
    void templateLiteralsAreCarriedUnchanged() {
        template.functions().forEach((name, function) -> templateVariables(function).forEach((variable, value) -> {
            if (!isReference(value)) {
                assertEquals(value, file.path(name).path(variable).asText(), name + "." + variable);
            }
        }));
    }

    /** The function's environment as SAM merges it: Globals first, the function's own variables over them. */
    private Map<String, String> templateVariables(JsonNode function) {
        Map<String, String> variables = new LinkedHashMap<>();
        template.root().path("Globals").path("Function").path("Environment").path("Variables").fields()
                .forEachRemaining(variable -> variables.put(variable.getKey(), variable.getValue().asText()));
        function.path("Properties").path("Environment").path("Variables").fields()
                .forEachRemaining(variable -> variables.put(variable.getKey(), variable.getValue().asText()));
        return variables;
    }

    /**
     * What a !Ref or !GetAtt reads as (Template keeps tags as plain values): a logical id, an id with an
     * attribute (SchedulerRole.Arn, FlowRunnerFunction.Alias) or a pseudo parameter (AWS::AccountId).
     */
    private boolean isReference(String value) {
        if (value.startsWith("AWS::")) {
            return true;
        }
        return names(template.root().path("Resources")).stream()
                .anyMatch(id -> value.equals(id) || value.startsWith(id + "."));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
