package dev.connecttasks.http;

import dev.connecttasks.error.ErrorType;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** How a failure of DynamoDB, Scheduler or Lambda that survived the SDK's own retries reaches the caller. */
final class Downstream {
    private Downstream() {
    }

    static ErrorType classify(SdkException e) {
        if (e instanceof AwsServiceException service && service.isThrottlingException()) {
            return ErrorType.THROTTLING;
        }
        return ErrorType.INTERNAL;
    }

    /** Generic on purpose: a caller never sees the internals of a downstream failure. */
    static String message(ErrorType type) {
        return type == ErrorType.THROTTLING
                ? "The request was throttled; retry it with the same ClientToken."
                : "Request processing failed because of an error or failure with the service.";
    }
}
