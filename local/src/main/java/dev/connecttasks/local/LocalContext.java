package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The Lambda context of one local invocation; the function's log lines go to standard output, or nowhere. */
public final class LocalContext implements Context {
    private static final LambdaLogger NOWHERE = new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
    };
    private static final LambdaLogger STDOUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.println(new String(message, StandardCharsets.UTF_8));
        }
    };

    private final String functionName;
    private final String requestId;
    private final String functionArn;
    private final LambdaLogger logger;

    LocalContext(String functionName, String requestId, String functionArn) {
        this(functionName, requestId, functionArn, STDOUT);
    }

    private LocalContext(String functionName, String requestId, String functionArn, LambdaLogger logger) {
        this.functionName = functionName;
        this.requestId = requestId;
        this.functionArn = functionArn;
        this.logger = logger;
    }

    /** A context whose log lines go nowhere (the benchmark's invocations). */
    public static LocalContext quiet(String functionName) {
        return new LocalContext(functionName, "quiet", LocalBackend.functionArn(functionName), NOWHERE);
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
        return "local";
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
        return 60_000;
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
