package dev.connecttasks.local;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients of the emulator for what only the local runtime calls (the functions' own are in {@code AwsClients}). */
final class LocalClients {
    private LocalClients() {
    }

    /** SQS at {@code AWS_ENDPOINT_URL}, which the SDK reads itself. */
    static SqsClient sqs(LocalNames names) {
        return SqsClient.builder().region(Region.of(names.region())).httpClient(UrlConnectionHttpClient.create()).build();
    }
}
