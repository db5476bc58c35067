package dev.connecttasks.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK execution interceptor that records every AWS API call a client makes (service, operation,
 * request) and can make chosen operations fail before they are sent, or after they were applied (what
 * a caller sees when its process dies, or its connection drops, before the answer arrives).
 */
public final class InterceptedCalls implements ExecutionInterceptor {

    /** One API call as the SDK was asked to make it (retries of the same call are not counted twice). */
    public record Call(String service, String operation, SdkRequest request) {
    }

    private record Fault(Supplier<RuntimeException> failure, AtomicInteger toSkip, AtomicInteger remaining) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Fault> lostAnswers = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Fault fault = faults.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (fault != null && fault.toSkip().getAndDecrement() <= 0 && fault.remaining().getAndDecrement() > 0) {
            throw fault.failure().get();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Fault fault = lostAnswers.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (fault != null && fault.remaining().getAndDecrement() > 0) {
            throw fault.failure().get();
        }
    }

    /** Lets the next {@code times} attempts of an operation reach the service, then fails them with this. */
    public void loseAnswers(String operation, int times, Supplier<RuntimeException> failure) {
        lostAnswers.put(operation, new Fault(failure, new AtomicInteger(0), new AtomicInteger(times)));
    }

    /** Makes the next {@code times} attempts of an operation (e.g. "Invoke", "PutItem") fail with this. */
    public void fail(String operation, int times, Supplier<RuntimeException> failure) {
        failAfter(operation, 0, times, failure);
    }

    /** Lets the next {@code skip} attempts of an operation through, then fails {@code times} of them. */
    public void failAfter(String operation, int skip, int times, Supplier<RuntimeException> failure) {
        faults.put(operation, new Fault(failure, new AtomicInteger(skip), new AtomicInteger(times)));
    }

    public void clear() {
        calls.clear();
        faults.clear();
        lostAnswers.clear();
    }

    public List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    @SuppressWarnings("unchecked")
    public <T extends SdkRequest> List<T> requests(Class<T> type) {
        return calls.stream().map(Call::request).filter(type::isInstance).map(request -> (T) request).toList();
    }
}
