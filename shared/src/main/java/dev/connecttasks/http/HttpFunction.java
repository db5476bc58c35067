package dev.connecttasks.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.connecttasks.config.Priming;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An HTTP API function. Lambda hands it the event's bytes, which {@link HttpEvents} reads and writes,
 * so the runtime's own serialiser never loads; the operation itself is {@link #handleRequest(APIGatewayV2HTTPEvent,
 * Context)}, which tests call directly.
 */
public abstract class HttpFunction implements RequestStreamHandler {

    /** Answers one request. */
    public abstract APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpEvents.write(handleRequest(HttpEvents.read(input), context), output);
    }

    /** Registers the SnapStart priming request: {@code event}'s bytes through the whole path Lambda takes. */
    protected final void primeWith(byte[] event) {
        Priming.register(() -> {
            try {
                handleRequest(new ByteArrayInputStream(event), OutputStream.nullOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
