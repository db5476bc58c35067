package dev.connecttasks.local;

import dev.connecttasks.handler.CreateContactFlowHandler;
import dev.connecttasks.handler.CreateInstanceHandler;
import dev.connecttasks.handler.DescribeContactFlowHandler;
import dev.connecttasks.handler.DescribeContactHandler;
import dev.connecttasks.handler.DescribeInstanceHandler;
import dev.connecttasks.handler.ListContactReferencesHandler;
import dev.connecttasks.handler.StartTaskContactHandler;
import dev.connecttasks.handler.UpdateContactHandler;
import dev.connecttasks.handler.UpdateContactScheduleHandler;
import dev.connecttasks.operation.DescribeContactFlow;
import dev.connecttasks.operation.DescribeInstance;
import dev.connecttasks.testing.ApiEvents;
import dev.connecttasks.testing.TestBackend;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * The template's HTTP API on a gateway of its own, whose handlers are wired to a {@link TestBackend}:
 * a table, schedule group and fault injection that no other test shares.
 */
final class IsolatedApi implements AutoCloseable {
    final TestBackend backend;
    final HttpGateway gateway;

    IsolatedApi() throws IOException {
        backend = TestBackend.create();
        SamTemplate template = SamTemplate.read(ApiEvents.repositoryRoot().resolve("template.yaml"));
        Map<String, LocalFunction> functions = Map.of(
                "StartTaskContactFunction", LocalFunction.of("StartTaskContactFunction",
                        new StartTaskContactHandler(backend.startTaskContact())),
                "DescribeContactFunction", LocalFunction.of("DescribeContactFunction",
                        new DescribeContactHandler(backend.describeContact(), backend.arns)),
                "UpdateContactFunction", LocalFunction.of("UpdateContactFunction",
                        new UpdateContactHandler(backend.updateContact())),
                "UpdateContactScheduleFunction", LocalFunction.of("UpdateContactScheduleFunction",
                        new UpdateContactScheduleHandler(backend.updateContactSchedule())),
                "ListContactReferencesFunction", LocalFunction.of("ListContactReferencesFunction",
                        new ListContactReferencesHandler(backend.listContactReferences())),
                "CreateInstanceFunction", LocalFunction.of("CreateInstanceFunction",
                        new CreateInstanceHandler(backend.createInstance(), backend.arns)),
                "DescribeInstanceFunction", LocalFunction.of("DescribeInstanceFunction",
                        new DescribeInstanceHandler(new DescribeInstance(backend.instances), backend.arns)),
                "CreateContactFlowFunction", LocalFunction.of("CreateContactFlowFunction",
                        new CreateContactFlowHandler(backend.createContactFlow(), backend.arns)),
                "DescribeContactFlowFunction", LocalFunction.of("DescribeContactFlowFunction",
                        new DescribeContactFlowHandler(new DescribeContactFlow(backend.instances), backend.arns)));
        gateway = new HttpGateway(0, template.routes(), functions, Clock.systemUTC());
    }

    String url() {
        return "http://127.0.0.1:" + gateway.port();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
