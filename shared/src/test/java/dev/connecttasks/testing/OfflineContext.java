package dev.connecttasks.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A Lambda context for a handler run outside Lambda: by the local runtime, the tests, the benchmark.
 * Its log lines go wherever the given sink sends them.
 */
public class OfflineContext implements Context {
    private final String functionName;
    private final String requestId;
    private final String functionArn;
    private final LambdaLogger logger;

    public OfflineContext(String functionName, String requestId, String functionArn, Consumer<String> logSink) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.functionArn = functionArn;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logSink.accept(message);
            }

            @Override
            public void log(byte[] message) {
                logSink.accept(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "offline";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
