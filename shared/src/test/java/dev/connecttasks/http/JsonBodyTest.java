package dev.connecttasks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import dev.connecttasks.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static JsonBody body(String json) throws Exception {
        return new JsonBody((ObjectNode) Json.MAPPER.readTree(json));
    }

    @Test
    void aStringWithAnUnpairedSurrogateIsAnInvalidRequestNamingTheMember() throws Exception {
        for (String lone : new String[] {"\\ud800", "\\udfff", "a\\ud800b", "\\udc00\\ud800", "x\\ud800"}) {
            ApiException refused = assertThrows(ApiException.class, () -> body("{\"Name\":\"" + lone + "\"}").string("Name"));
            assertEquals(ErrorType.INVALID_REQUEST, refused.type());
            assertEquals(true, refused.getMessage().startsWith("Name must be valid Unicode"), refused.getMessage());
        }
        // the parser refuses a lone surrogate in a member name of a body; a body built otherwise meets the same rule
        ObjectNode loneKey = Json.object();
        loneKey.putObject("Attributes").put("\ud800", "v");
        assertThrows(ApiException.class, () -> new JsonBody(loneKey).stringMap("Attributes"));
        assertThrows(ApiException.class, () -> body("{\"Attributes\":{\"k\":\"\\udc00\"}}").stringMap("Attributes"));
        assertThrows(ApiException.class, () -> body("{\"References\":{\"r\":{\"Type\":\"STRING\",\"Value\":\"\\ud800\"}}}")
                .references("References"));
    }

    @Test
    void pairedSurrogatesAreText() throws Exception {
        assertEquals("\uD83D\uDE00 ok", body("{\"Name\":\"\\ud83d\\ude00 ok\"}").string("Name"));
        assertEquals(Map.of("\uD83D\uDE00", "\uD83D\uDE00"), body("{\"A\":{\"\\ud83d\\ude00\":\"\\ud83d\\ude00\"}}").stringMap("A"));
    }
}
