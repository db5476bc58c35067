package dev.connecttasks.operation;

import static dev.connecttasks.error.ApiException.invalidParameter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A search's NextToken: the sort key of the last contact a page held and the hash of the search it
 * belongs to, with a checksum. A token edited by hand, or sent with another search (another instance,
 * range, criteria or sort), is refused. It needs no secret: it holds nothing its caller could not read
 * by searching again.
 */
final class SearchToken {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int CHECKSUM_BYTES = 16;

    private SearchToken() {
    }

    static String write(String searchHash, SearchOrder.Key after) {
        ObjectNode payload = Json.object().put("h", searchHash).put("r", after.rangeMillis()).put("i", after.id());
        if (after.field() != null) {
            payload.put("f", after.field());
        }
        byte[] bytes = Json.write(payload).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(checksum(bytes));
    }

    static SearchOrder.Key read(String token, String searchHash) {
        JsonNode payload = verified(token);
        if (!searchHash.equals(payload.path("h").asText())) {
            throw invalidParameter("NextToken belongs to another search: send it with the same InstanceId, TimeRange,"
                    + " SearchCriteria and Sort as the request that returned it.");
        }
        return new SearchOrder.Key(payload.hasNonNull("f") ? payload.get("f").asText() : null,
                payload.path("r").asLong(), payload.path("i").asText());
    }

    private static JsonNode verified(String token) {
        try {
            int dot = token.indexOf('.');
            byte[] bytes = DECODER.decode(token.substring(0, dot));
            if (MessageDigest.isEqual(checksum(bytes), DECODER.decode(token.substring(dot + 1)))) {
                JsonNode payload = Json.read(new String(bytes, StandardCharsets.UTF_8));
                if (payload.isObject() && payload.path("h").isTextual() && payload.path("i").isTextual()
                        && payload.path("r").isIntegralNumber()) {
                    return payload;
                }
            }
        } catch (RuntimeException malformed) {
            // refused below, as every token we did not issue is
        }
        throw invalidParameter("NextToken is not valid: use the NextToken of the previous response, unchanged.");
    }

    private static byte[] checksum(byte[] payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("connect-tasks search token v1".getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha256.digest(payload), CHECKSUM_BYTES);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
