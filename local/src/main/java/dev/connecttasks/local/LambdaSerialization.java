package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * The JSON mapping AWS Lambda's Java runtime applies to a handler's input or output type, chosen as
 * the Runtime Interface Client chooses it: the event serialisers for the event types they list, the
 * runtime's plain Jackson mapping for every other type (API Gateway's HTTP API events among them).
 * Whatever the local runtime writes for a function to read goes through the same mapping.
 */
final class LambdaSerialization {
    private LambdaSerialization() {
    }

    static <T> PojoSerializer<T> serializerFor(Class<T> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, type.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }
}
