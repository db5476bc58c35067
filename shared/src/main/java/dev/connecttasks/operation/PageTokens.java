package dev.connecttasks.operation;

import dev.connecttasks.error.ApiException;
import dev.connecttasks.error.ErrorType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The NextToken of a paged operation: where the next page starts (the id, or sort key, it resumes
 * after), and a MAC binding that position to its scope: the operation, the instance and whatever else
 * selects what is paged (filters, search criteria). A token from another
 * listing, or one changed by hand, is refused. The MAC guards integrity, not secrecy (its key is no
 * secret): whatever a token holds, the store only ever resumes inside the listing it is asked for.
 */
final class PageTokens {
    private static final byte[] KEY = "connect-tasks NextToken v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 16;
    /** Far longer than any token this service issues (an id of at most 500 characters). */
    private static final int MAX_TOKEN_LENGTH = 4096;

    private PageTokens() {
    }

    /** The token of the page after {@code resumeAfter} in {@code scope}, or null when nothing follows. */
    static String issue(String scope, String resumeAfter) {
        if (resumeAfter == null) {
            return null;
        }
        byte[] position = resumeAfter.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(position) + "." + base64.encodeToString(mac(scope, position));
    }

    /**
     * The id a token of {@code scope} resumes after, or null for no token; a token that is not one this
     * service issued for {@code scope} is {@code error} (InvalidParameterException, or
     * InvalidRequestException where the operation's model has no other).
     */
    static String resumeAfter(String scope, String token, ErrorType error) {
        return resumeAfter(scope, token, error, "nextToken");
    }

    /** As {@link #resumeAfter(String, String, ErrorType)}, for a token sent as {@code member}. */
    static String resumeAfter(String scope, String token, ErrorType error, String member) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (token.length() > MAX_TOKEN_LENGTH || parts.length != 2) {
            throw invalid(error, member);
        }
        try {
            byte[] position = Base64.getUrlDecoder().decode(parts[0]);
            byte[] mac = Base64.getUrlDecoder().decode(parts[1]);
            if (position.length == 0 || !MessageDigest.isEqual(mac, mac(scope, position))) {
                throw invalid(error, member);
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(position)).toString();
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            throw invalid(error, member);
        }
    }

    private static ApiException invalid(ErrorType error, String member) {
        return new ApiException(error, member + " is not valid for this request: pass the NextToken of the previous"
                + " page of the same request, unchanged.");
    }

    private static byte[] mac(String scope, byte[] position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(position), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
