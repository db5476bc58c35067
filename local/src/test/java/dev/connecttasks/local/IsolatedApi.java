package dev.connecttasks.local;

import dev.connecttasks.handler.CreateContactFlowHandler;
import dev.connecttasks.handler.CreateInstanceHandler;
import dev.connecttasks.handler.CreateQueueHandler;
import dev.connecttasks.handler.DescribeContactFlowHandler;
import dev.connecttasks.handler.DescribeContactHandler;
import dev.connecttasks.handler.DescribeInstanceHandler;
import dev.connecttasks.handler.DescribeQueueHandler;
import dev.connecttasks.handler.GetContactAttributesHandler;
import dev.connecttasks.handler.ListContactFlowsHandler;
import dev.connecttasks.handler.ListContactReferencesHandler;
import dev.connecttasks.handler.ListInstancesHandler;
import dev.connecttasks.handler.ListQueuesHandler;
import dev.connecttasks.handler.SearchContactsHandler;
import dev.connecttasks.handler.StartTaskContactHandler;
import dev.connecttasks.handler.StopContactHandler;
import dev.connecttasks.handler.TagContactHandler;
import dev.connecttasks.handler.TransferContactHandler;
import dev.connecttasks.handler.UntagContactHandler;
import dev.connecttasks.handler.UpdateContactAttributesHandler;
import dev.connecttasks.handler.UpdateContactHandler;
import dev.connecttasks.handler.UpdateContactScheduleHandler;
import dev.connecttasks.handler.CreateTaskTemplateHandler;
import dev.connecttasks.handler.DeleteTaskTemplateHandler;
import dev.connecttasks.handler.GetTaskTemplateHandler;
import dev.connecttasks.handler.ListTaskTemplatesHandler;
import dev.connecttasks.handler.UpdateTaskTemplateHandler;
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
        SamTemplate template = SamTemplate.read(ApiEvents.repositoryRoot().resolve("template.yaml"), new LocalNames("us-east-1"));
        Map<String, LocalFunction> functions = Map.ofEntries(
                Map.entry("StartTaskContactFunction", new InProcessFunction(new StartTaskContactHandler(backend.startTaskContact()))),
                Map.entry("DescribeContactFunction", new InProcessFunction(new DescribeContactHandler(backend.describeContact(), backend.arns))),
                Map.entry("UpdateContactFunction", new InProcessFunction(new UpdateContactHandler(backend.updateContact()))),
                Map.entry("UpdateContactScheduleFunction", new InProcessFunction(new UpdateContactScheduleHandler(backend.updateContactSchedule()))),
                Map.entry("ListContactReferencesFunction", new InProcessFunction(new ListContactReferencesHandler(backend.listContactReferences()))),
                Map.entry("StopContactFunction", new InProcessFunction(new StopContactHandler(backend.stopContact()))),
                Map.entry("TransferContactFunction", new InProcessFunction(new TransferContactHandler(backend.transferContact(), backend.arns))),
                Map.entry("UpdateContactAttributesFunction", new InProcessFunction(new UpdateContactAttributesHandler(backend.updateContactAttributes()))),
                Map.entry("GetContactAttributesFunction", new InProcessFunction(new GetContactAttributesHandler(backend.getContactAttributes()))),
                Map.entry("TagContactFunction", new InProcessFunction(new TagContactHandler(backend.tagContact()))),
                Map.entry("UntagContactFunction", new InProcessFunction(new UntagContactHandler(backend.untagContact()))),
                Map.entry("CreateInstanceFunction", new InProcessFunction(new CreateInstanceHandler(backend.createInstance(), backend.arns))),
                Map.entry("DescribeInstanceFunction", new InProcessFunction(new DescribeInstanceHandler(new DescribeInstance(backend.instances), backend.arns))),
                Map.entry("CreateContactFlowFunction", new InProcessFunction(new CreateContactFlowHandler(backend.createContactFlow(), backend.arns))),
                Map.entry("DescribeContactFlowFunction", new InProcessFunction(new DescribeContactFlowHandler(new DescribeContactFlow(backend.instances), backend.arns))),
                Map.entry("SearchContactsFunction", new InProcessFunction(new SearchContactsHandler(backend.searchContacts(), backend.arns))),
                Map.entry("CreateQueueFunction", new InProcessFunction(new CreateQueueHandler(backend.createQueue(), backend.arns))),
                Map.entry("DescribeQueueFunction", new InProcessFunction(new DescribeQueueHandler(backend.describeQueue(), backend.arns))),
                Map.entry("ListQueuesFunction", new InProcessFunction(new ListQueuesHandler(backend.listQueues(), backend.arns))),
                Map.entry("ListContactFlowsFunction", new InProcessFunction(new ListContactFlowsHandler(backend.listContactFlows(), backend.arns))),
                Map.entry("ListInstancesFunction", new InProcessFunction(new ListInstancesHandler(backend.listInstances(), backend.arns))),
                Map.entry("CreateTaskTemplateFunction", new InProcessFunction(new CreateTaskTemplateHandler(backend.createTaskTemplate(), backend.arns))),
                Map.entry("GetTaskTemplateFunction", new InProcessFunction(new GetTaskTemplateHandler(backend.getTaskTemplate(), backend.arns))),
                Map.entry("UpdateTaskTemplateFunction", new InProcessFunction(new UpdateTaskTemplateHandler(backend.updateTaskTemplate(), backend.arns))),
                Map.entry("ListTaskTemplatesFunction", new InProcessFunction(new ListTaskTemplatesHandler(backend.listTaskTemplates(), backend.arns))),
                Map.entry("DeleteTaskTemplateFunction", new InProcessFunction(new DeleteTaskTemplateHandler(backend.deleteTaskTemplate()))));
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
