package dev.connecttasks.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS API calls every SDK client in the benchmark's JVM makes. The SDK loads it for every
 * client from {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so the functions'
 * own clients are counted without any change to them.
 */
public final class CallCounter implements ExecutionInterceptor {
    private static final List<String> CALLS = new ArrayList<>();
    private static boolean recording;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        synchronized (CALLS) {
            if (recording) {
                CALLS.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        }
    }

    /** The calls made while running {@code work}. */
    static List<String> during(Runnable work) {
        synchronized (CALLS) {
            CALLS.clear();
            recording = true;
        }
        try {
            work.run();
        } finally {
            synchronized (CALLS) {
                recording = false;
            }
        }
        synchronized (CALLS) {
            return List.copyOf(CALLS);
        }
    }
}
