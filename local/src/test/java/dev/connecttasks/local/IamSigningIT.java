package dev.connecttasks.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.offline.DemoInstance;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * The deployed API requires IAM authorization, which API Gateway checks against a SigV4 signature for
 * the service {@code execute-api}. An SDK client signs for {@code connect} unless told otherwise: this
 * is the README's client, checked for the signature it sends.
 */
class IamSigningIT {

    @Test
    void theReadmeClientSignsForExecuteApi() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                authorizations.add(context.httpRequest().firstMatchingHeader("Authorization").orElse(""));
            }
        };
        String apiUrl = RunningBackend.get().apiUrl();
        // README, "Calling the deployed API": sign for execute-api, in the API's region
        ConnectClient connect = ConnectClient.builder()
                .endpointOverride(URI.create(apiUrl))
                .region(Region.US_EAST_1)
                .authSchemeProvider(parameters -> List.of(AuthSchemeOption.builder()
                        .schemeId(AwsV4AuthScheme.SCHEME_ID)
                        .putSignerProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putSignerProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .build()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(capture))
                .build();
        String name = connect.describeInstance(describe -> describe.instanceId(DemoInstance.INSTANCE_ID)).instance()
                .instanceAlias();
        assertEquals(DemoInstance.ALIAS, name);
        assertEquals(1, authorizations.size());
        assertTrue(authorizations.get(0).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authorizations.get(0));
        assertTrue(authorizations.get(0).contains("/us-east-1/execute-api/aws4_request"), authorizations.get(0));
    }
}
