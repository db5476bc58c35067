package dev.connecttasks.flow;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.Reference;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flow-language values: a static string, or a single JSONPath reference such as
 * {@code $.Attributes.orderId} resolved against the contact as the flow has changed it so far.
 */
final class DynamicValue {
    private static final Pattern REFERENCE = Pattern.compile("\\$(\\.[A-Za-z0-9_-]+)+");

    private DynamicValue() {
    }

    static boolean isReference(String value) {
        return REFERENCE.matcher(value).matches();
    }

    /** What a parameter stands for: itself, or the referenced value (null when there is none). */
    static String resolve(String value, Contact contact, Map<String, String> attributes, String targetQueue, Arns arns) {
        if (!isReference(value)) {
            return value;
        }
        String[] path = value.substring(2).split("\\.");
        return switch (path[0]) {
            case "Attributes" -> path.length == 2 ? attributes.get(path[1]) : null;
            case "ContactId" -> contact.id();
            case "Task" -> path.length == 2 && path[1].equals("ContactId") ? contact.id() : null;
            case "InitialContactId" -> contact.initialContactId() != null ? contact.initialContactId() : contact.id();
            case "PreviousContactId" -> contact.previousContactId();
            case "Channel" -> "TASK";
            case "InitiationMethod" -> "API";
            case "Name" -> contact.name();
            case "Description" -> contact.description();
            case "InstanceARN" -> arns.instance(contact.instanceId());
            case "AwsRegion" -> arns.region();
            case "Queue" -> path.length == 2 && path[1].equals("ARN") && targetQueue != null
                    ? arns.instance(contact.instanceId()) + "/queue/" + targetQueue : null;
            case "References" -> reference(contact.references(), path);
            default -> null;
        };
    }

    private static String reference(Map<String, Reference> references, String[] path) {
        if (path.length != 3 || !references.containsKey(path[1])) {
            return null;
        }
        Reference reference = references.get(path[1]);
        return switch (path[2]) {
            case "Value" -> reference.value();
            case "Type" -> reference.type().name();
            default -> null;
        };
    }

    /** A flow id, also when given as a flow ARN. */
    static String flowId(String idOrArn) {
        int flow = idOrArn.lastIndexOf("/contact-flow/");
        return idOrArn.startsWith("arn:") && flow >= 0 ? idOrArn.substring(flow + "/contact-flow/".length()) : idOrArn;
    }

    /** A queue given as an id or as a queue ARN ({@code .../queue/<id>}), as its id. */
    static String queueId(String idOrArn) {
        int queue = idOrArn.lastIndexOf("/queue/");
        return idOrArn.startsWith("arn:") && queue >= 0 ? idOrArn.substring(queue + "/queue/".length()) : idOrArn;
    }

    /** The instance a queue ARN names ({@code ...:instance/<id>/queue/...}), or null for a plain id. */
    static String queueArnInstanceId(String idOrArn) {
        int instance = idOrArn.indexOf(":instance/");
        int queue = idOrArn.lastIndexOf("/queue/");
        return idOrArn.startsWith("arn:") && instance >= 0 && queue > instance
                ? idOrArn.substring(instance + ":instance/".length(), queue) : null;
    }
}
