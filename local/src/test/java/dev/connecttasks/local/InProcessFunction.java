package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.connecttasks.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * A handler built by a test (wired to a table and faults of its own) behind the same interface as a
 * function in its own execution environment: the payload is read and the answer written with the
 * serialisation AWS Lambda's Java runtime uses, and a throw becomes Lambda's error document.
 */
final class InProcessFunction implements LocalFunction {
    private final Object handler;

    InProcessFunction(Object handler) {
        this.handler = handler;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Outcome invoke(byte[] payload) {
        Context context = new TestContext();
        try {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            if (handler instanceof RequestStreamHandler stream) {
                stream.handleRequest(new ByteArrayInputStream(payload), output, context);
            } else {
                Method method = handleRequest();
                PojoSerializer in = LambdaSerialization.serializerFor((Class) method.getParameterTypes()[0]);
                Object answer = ((RequestHandler) handler).handleRequest(in.fromJson(new ByteArrayInputStream(payload)), context);
                Type outputType = ((ParameterizedType) handler.getClass().getGenericInterfaces()[0]).getActualTypeArguments()[1];
                LambdaSerialization.serializerFor((Class) outputType).toJson(answer, output);
            }
            return new Response(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Failure.of(e.getClass().getName(), UUID.randomUUID().toString(), String.valueOf(e.getMessage()));
        }
    }

    private Method handleRequest() {
        for (Method method : handler.getClass().getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Context.class) {
                return method;
            }
        }
        throw new IllegalStateException(handler.getClass() + " has no handleRequest(input, Context)");
    }
}
