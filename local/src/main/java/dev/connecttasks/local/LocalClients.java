package dev.connecttasks.local;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients of the emulator for what only the local runtime calls (the functions' own are in {@code AwsClients}). */
final class LocalClients {
    private LocalClients() {
    }

    /** Sends a message to the queue with this ARN: an on-failure destination, as Lambda sends to one. */
    static void sendToQueue(SqsClient sqs, String queueArn, String body) {
        String queueName = queueArn.substring(queueArn.lastIndexOf(':') + 1);
        String queueUrl = sqs.getQueueUrl(get -> get.queueName(queueName)).queueUrl();
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
    }

    /** SQS at {@code AWS_ENDPOINT_URL}, which the SDK reads itself. */
    static SqsClient sqs(LocalNames names) {
        return SqsClient.builder().region(Region.of(names.region())).httpClient(UrlConnectionHttpClient.create()).build();
    }
}
