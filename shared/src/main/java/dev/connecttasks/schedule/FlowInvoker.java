package dev.connecttasks.schedule;

import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.flow.StartMessage;
import dev.connecttasks.operation.port.FlowStarter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** Starts an immediate task's flow: an asynchronous Invoke of the flow-runner. */
public final class FlowInvoker implements FlowStarter {
    private final LambdaClient lambda;
    private final String flowRunnerArn;

    public FlowInvoker(LambdaClient lambda, String flowRunnerArn) {
        this.lambda = lambda;
        this.flowRunnerArn = flowRunnerArn;
    }

    @Override
    public void startNow(ContactKey key, String contactFlowId) {
        lambda.invoke(invoke -> invoke
                .functionName(flowRunnerArn)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(new StartMessage(key, contactFlowId, null).toJson())));
    }
}
