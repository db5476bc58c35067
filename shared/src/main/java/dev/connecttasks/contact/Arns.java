package dev.connecttasks.contact;

/** ARNs of instances, contacts, flows, queues and task templates in the partition, region and account the service runs in. */
public record Arns(String region, String accountId) {

    public String instance(String instanceId) {
        return "arn:" + partition() + ":connect:" + region + ":" + accountId + ":instance/" + instanceId;
    }

    public String contact(ContactKey key) {
        return instance(key.instanceId()) + "/contact/" + key.contactId();
    }

    public String contactFlow(String instanceId, String contactFlowId) {
        return instance(instanceId) + "/contact-flow/" + contactFlowId;
    }

    public String queue(String instanceId, String queueId) {
        return instance(instanceId) + "/queue/" + queueId;
    }

    public String taskTemplate(String instanceId, String taskTemplateId) {
        return instance(instanceId) + "/task-template/" + taskTemplateId;
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
