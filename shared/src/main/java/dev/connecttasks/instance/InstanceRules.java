package dev.connecttasks.instance;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The value rules of CreateInstance and CreateContactFlow, from the Connect model. */
public final class InstanceRules {
    public static final Set<String> IDENTITY_MANAGEMENT_TYPES = Set.of("SAML", "CONNECT_MANAGED", "EXISTING_DIRECTORY");
    public static final Set<String> FLOW_TYPES = Set.of("CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD",
            "CUSTOMER_WHISPER", "AGENT_HOLD", "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER", "QUEUE_TRANSFER",
            "CAMPAIGN");
    public static final Set<String> FLOW_STATUSES = Set.of(ContactFlow.PUBLISHED, ContactFlow.SAVED);
    /** The model's limit on Content; the byte limit keeps a flow within one DynamoDB item. */
    public static final int MAX_CONTENT_CHARACTERS = 256_000;
    public static final int MAX_CONTENT_BYTES = 350_000;
    /** The model's limit on a flow's Description. */
    static final int MAX_FLOW_DESCRIPTION_CHARACTERS = 500;

    private static final Pattern ALIAS = Pattern.compile("(?!d-)([\\da-zA-Z]+)([-]*[\\da-zA-Z])*");
    private static final Pattern DIRECTORY_ID = Pattern.compile("d-[0-9a-f]{10}");
    private static final Pattern TAG_KEY = Pattern.compile("(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private InstanceRules() {
    }

    public static void checkInstance(InstanceRequest request) {
        if ("EXISTING_DIRECTORY".equals(request.identityManagementType())) {
            if (request.directoryId() == null) {
                throw invalidRequest("DirectoryId is required when IdentityManagementType is EXISTING_DIRECTORY.");
            }
        } else if (request.alias() == null) {
            throw invalidRequest("InstanceAlias is required when IdentityManagementType is "
                    + request.identityManagementType() + ".");
        }
        if (request.alias() != null && (request.alias().length() > 45 || !ALIAS.matcher(request.alias()).matches())) {
            throw invalidParameter("InstanceAlias must be 1 to 45 letters, digits and inner hyphens, not starting with d-.");
        }
        if (request.directoryId() != null && !DIRECTORY_ID.matcher(request.directoryId()).matches()) {
            throw invalidParameter("DirectoryId must look like d-0123456789.");
        }
        if (request.clientToken() != null && request.clientToken().length() > 500) {
            throw invalidParameter("ClientToken must have a length of at most 500 characters.");
        }
        checkTags(request.tags());
    }

    public static void checkFlow(String name, String description, String content, Map<String, String> tags) {
        if (name.isEmpty() || name.length() > 127) {
            throw invalidParameter("Name must have a length between 1 and 127 characters.");
        }
        if (description != null && description.length() > MAX_FLOW_DESCRIPTION_CHARACTERS) {
            throw invalidParameter("Description must have a length of at most " + MAX_FLOW_DESCRIPTION_CHARACTERS + " characters.");
        }
        if (content.isEmpty() || content.length() > MAX_CONTENT_CHARACTERS
                || content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw invalidParameter("Content must have a length between 1 and " + MAX_CONTENT_CHARACTERS
                    + " characters (and at most " + MAX_CONTENT_BYTES + " UTF-8 bytes).");
        }
        checkTags(tags);
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags.size() > 50) {
            throw invalidParameter("Tags must have at most 50 entries.");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128 || !TAG_KEY.matcher(key).matches()) {
                throw invalidParameter("Tags keys must be 1 to 128 characters and must not start with aws:.");
            }
            if (value.length() > 256) {
                throw invalidParameter("Tags values must have a length of at most 256 characters.");
            }
        });
    }
}
