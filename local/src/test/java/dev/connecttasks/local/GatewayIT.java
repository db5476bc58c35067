package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's own answers, over plain HTTP. */
class GatewayIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String api;
    private static String lambda;

    @BeforeAll
    static void start() throws Exception {
        api = RunningBackend.get().apiUrl();
        lambda = RunningBackend.get().lambdaUrl();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request line no URI class would build, and returns the status line. */
    private static String rawRequest(String requestLine) throws Exception {
        URI base = URI.create(api);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void anUnknownRouteOrMethodIsApiGatewaysOwn404() throws Exception {
        HttpResponse<String> route = send(HttpRequest.newBuilder(URI.create(api + "/queues")).GET());
        assertEquals(404, route.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", route.body());
        assertTrue(route.headers().firstValue("apigw-requestid").isPresent());

        HttpResponse<String> method = send(HttpRequest.newBuilder(URI.create(api + "/contacts/i/c"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, method.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", method.body());
    }

    @Test
    void aBodyOverTenMegabytesIsA413() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(api + "/contact/task"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(413, response.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", response.body());
    }

    @Test
    void pathLabelsArriveDecoded() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(api + "/contacts/inst%2Fance/c%20d")).GET());
        assertEquals(404, response.statusCode());
        assertEquals("{\"Message\":\"Contact c d was not found in instance inst/ance.\"}", response.body());
        // one request id, as API Gateway's and the function's answer carry it
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(),
                response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertTrue(rawRequest("GET /contacts/i/c%zz HTTP/1.1").startsWith("HTTP/1.1 400 "));
    }

    @Test
    void theInvokeEndpointRunsAFunctionAndKnowsOnlyTheTemplatesFunctions() throws Exception {
        HttpResponse<String> run = send(HttpRequest.newBuilder(URI.create(lambda
                + "/2015-03-31/functions/FlowRunnerFunction/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"InstanceId\":\"i\",\"ContactId\":\"none\"}")));
        assertEquals(200, run.statusCode());
        assertEquals("{\"outcome\":\"NO_SUCH_CONTACT\"}", run.body());

        HttpResponse<String> async = send(HttpRequest.newBuilder(URI.create(lambda
                + "/2015-03-31/functions/FlowRunnerFunction/invocations"))
                .header("X-Amz-Invocation-Type", "Event")
                .POST(HttpRequest.BodyPublishers.ofString("{\"InstanceId\":\"i\",\"ContactId\":\"none\"}")));
        assertEquals(202, async.statusCode());

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(lambda
                + "/2015-03-31/functions/Nope/invocations")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, unknown.statusCode());
        assertEquals("ResourceNotFoundException", unknown.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    @Test
    void anApiFunctionCanBeInvokedWithAnEventFileAsSamLocalWould() throws Exception {
        String event = dev.connecttasks.testing.ApiEvents.read("describe-contact.json");
        HttpResponse<String> run = send(HttpRequest.newBuilder(URI.create(lambda
                + "/2015-03-31/functions/DescribeContactFunction/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(event)));
        assertEquals(200, run.statusCode());
        assertTrue(run.body().contains("\"statusCode\":404"), run.body());
        assertTrue(run.body().contains("ResourceNotFoundException"), run.body());
    }
}
