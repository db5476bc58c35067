package dev.connecttasks.instance;

import static dev.connecttasks.error.ApiException.invalidParameter;
import static dev.connecttasks.error.ApiException.invalidRequest;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The value rules of CreateInstance, CreateContactFlow and CreateQueue, from the Connect model. */
public final class InstanceRules {
    public static final Set<String> IDENTITY_MANAGEMENT_TYPES = Set.of("SAML", "CONNECT_MANAGED", "EXISTING_DIRECTORY");
    public static final Set<String> FLOW_TYPES = Set.of("CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD",
            "CUSTOMER_WHISPER", "AGENT_HOLD", "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER", "QUEUE_TRANSFER",
            "CAMPAIGN");
    public static final Set<String> QUEUE_TYPES = Set.of(Queue.STANDARD, "AGENT");
    public static final Set<String> FLOW_STATUSES = Set.of(ContactFlow.PUBLISHED, ContactFlow.SAVED);
    /** The model's limit on Content; the byte limit keeps a flow within one DynamoDB item. */
    public static final int MAX_CONTENT_CHARACTERS = 256_000;
    public static final int MAX_CONTENT_BYTES = 350_000;
    /** The model's limit on a flow's Description. */
    static final int MAX_FLOW_DESCRIPTION_CHARACTERS = 500;

    /** The longest queue id looked up (the model sets none): longer ids name no queue. */
    public static final int MAX_QUEUE_ID_LENGTH = 500;

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

    /**
     * CreateQueue: the model's limits (Name 1..127, Description 1..250, MaxContacts at least 0);
     * HoursOfOperationId, which the model leaves open, 1 to 500 characters, as a ContactFlowId.
     */
    public static void checkQueue(QueueRequest request) {
        if (request.unsupported() != null) {
            throw invalidParameter(request.unsupported() + " is not supported by this service"
                    + " (it has no phone numbers, email addresses or quick connects).");
        }
        if (request.name().isEmpty() || request.name().length() > 127) {
            throw invalidParameter("Name must have a length between 1 and 127 characters.");
        }
        if (request.description() != null && (request.description().isEmpty() || request.description().length() > 250)) {
            throw invalidParameter("Description must have a length between 1 and 250 characters.");
        }
        if (request.hoursOfOperationId().isEmpty() || request.hoursOfOperationId().length() > 500) {
            throw invalidParameter("HoursOfOperationId must have a length between 1 and 500 characters.");
        }
        if (request.maxContacts() != null && request.maxContacts() < 0) {
            throw invalidParameter("MaxContacts must be at least 0.");
        }
        checkTags(request.tags());
    }

    /** Whether a queue id could name a queue: 1 to {@link #MAX_QUEUE_ID_LENGTH} characters. */
    public static boolean queueIdFits(String queueId) {
        return queueId != null && !queueId.isEmpty() && queueId.length() <= MAX_QUEUE_ID_LENGTH;
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
