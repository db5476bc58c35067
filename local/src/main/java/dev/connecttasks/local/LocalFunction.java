package dev.connecttasks.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * One function of the template, loaded the way Lambda loads it: the handler class the template
 * names, built with its no-argument constructor, reading its settings from the environment.
 */
final class LocalFunction {
    /** Events are bound by their Java bean names, as Lambda's runtime serialisation does. */
    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String id;
    private final Object handler;

    private LocalFunction(String id, Object handler) {
        this.id = id;
        this.handler = handler;
    }

    static LocalFunction load(String id, String handlerClass) throws ReflectiveOperationException {
        return of(id, Class.forName(handlerClass).getConstructor().newInstance());
    }

    /** A function around a handler built elsewhere (tests wire handlers to a table of their own). */
    static LocalFunction of(String id, Object handler) {
        return new LocalFunction(id, handler);
    }

    String id() {
        return id;
    }

    /** The HTTP API path: the event goes to the handler as API Gateway would hand it over. */
    @SuppressWarnings("unchecked")
    APIGatewayV2HTTPResponse handleHttp(APIGatewayV2HTTPEvent event, Context context) {
        return ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(event, context);
    }

    /** The Invoke path: a JSON payload in, the function's JSON output back. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    byte[] invoke(byte[] payload, Context context) throws IOException {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(payload), output, context);
            return output.toByteArray();
        }
        Object input = EVENTS.readValue(payload, inputType());
        Object output = ((RequestHandler) handler).handleRequest(input, context);
        return EVENTS.writeValueAsBytes(output);
    }

    private Class<?> inputType() {
        for (Method method : handler.getClass().getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Context.class) {
                return method.getParameterTypes()[0];
            }
        }
        throw new IllegalStateException(handler.getClass() + " has no handleRequest(input, Context)");
    }
}
