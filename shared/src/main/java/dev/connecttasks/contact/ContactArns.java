package dev.connecttasks.contact;

/** Contact ARNs in the partition, region and account the service runs in. */
public record ContactArns(String region, String accountId) {

    public String of(ContactKey key) {
        return "arn:" + partition() + ":connect:" + region + ":" + accountId + ":instance/" + key.instanceId()
                + "/contact/" + key.contactId();
    }

    private String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
