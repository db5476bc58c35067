package dev.connecttasks.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What the local runtime takes from {@code template.yaml}: each function (handler, code, memory, timeout,
 * environment with {@code Globals} merged and {@code !Ref}, {@code !GetAtt} and {@code !Sub} resolved to
 * the local names), each HTTP API route, each DynamoDB stream event source mapping, and where a
 * function's failed asynchronous invocations go (its {@code EventInvokeConfig}'s on-failure queue). Reading them at
 * start-up keeps the local backend and the deployed one from drifting apart.
 */
public record SamTemplate(Map<String, FunctionSpec> functions, List<Route> routes, List<StreamMapping> streamMappings,
        Map<String, String> asyncOnFailureQueues, List<ScheduleSpec> schedules) {

    public SamTemplate(Map<String, FunctionSpec> functions, List<Route> routes) {
        this(functions, routes, List.of(), Map.of(), List.of());
    }

    /** An {@code AWS::Scheduler::Schedule} of the template (a recurring one: the reconciler's). */
    public record ScheduleSpec(String name, String groupName, String expression, String targetArn, String roleArn) {
    }

    /**
     * A function's {@code DynamoDB} event: the table's stream delivered to it in batches of at most
     * {@code batchSize} records that match one of {@code filters}, with a failed batch bisected (when
     * {@code bisect}), retried {@code maxRetries} times (-1: until the records are {@code maxRecordAgeSeconds}
     * old) and then described on {@code onFailureQueueArn}.
     */
    public record StreamMapping(String functionId, int batchSize, boolean bisect, int maxRetries,
            int maxRecordAgeSeconds, boolean reportBatchItemFailures, List<String> filters, String onFailureQueueArn) {
    }

    /** One {@code AWS::Serverless::Function}, as the local runtime needs it. */
    public record FunctionSpec(String id, String handler, String codeUri, int memoryMb, int timeoutSeconds,
            String logFormat, Map<String, String> environment) {

        /** The last segment of the CodeUri: for our functions, the Maven module. */
        public String module() {
            return Path.of(codeUri).getFileName().toString();
        }
    }

    /** A CloudFormation intrinsic function in its short form: {@code !Ref X} is {@code ("Ref", "X")}. */
    record Intrinsic(String function, Object argument) {
    }

    public static SamTemplate read(Path file, LocalNames names) throws IOException {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new CloudFormationTags()).load(reader);
        }
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, FunctionSpec> functions = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        List<StreamMapping> streamMappings = new ArrayList<>();
        Map<String, String> asyncOnFailureQueues = new LinkedHashMap<>();
        List<ScheduleSpec> schedules = new ArrayList<>();
        map(root.get("Resources")).forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if ("AWS::Scheduler::Schedule".equals(resource.get("Type"))) {
                Map<String, Object> properties = map(resource.get("Properties"));
                Map<String, Object> target = map(properties.get("Target"));
                schedules.add(new ScheduleSpec(names.ref(id), names.resolve(properties.get("GroupName")),
                        (String) properties.get("ScheduleExpression"), names.resolve(target.get("Arn")),
                        names.resolve(target.get("RoleArn"))));
            }
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            Map<String, String> environment = new LinkedHashMap<>();
            for (Map<String, Object> level : List.of(globals, properties)) {
                map(map(level.get("Environment")).get("Variables"))
                        .forEach((name, variable) -> environment.put(name, names.resolve(variable)));
            }
            functions.put(id, new FunctionSpec(id, (String) properties.get("Handler"), (String) properties.get("CodeUri"),
                    number(properties, globals, "MemorySize", 128), number(properties, globals, "Timeout", 3),
                    (String) map(properties.getOrDefault("LoggingConfig", globals.get("LoggingConfig")))
                            .getOrDefault("LogFormat", "Text"),
                    Map.copyOf(environment)));
            Object asyncOnFailure = map(map(map(properties.get("EventInvokeConfig")).get("DestinationConfig"))
                    .get("OnFailure")).get("Destination");
            if (asyncOnFailure != null) {
                asyncOnFailureQueues.put(id, names.resolve(asyncOnFailure));
            }
            map(properties.get("Events")).values().forEach(event -> {
                Map<String, Object> eventProperties = map(map(event).get("Properties"));
                if ("HttpApi".equals(map(event).get("Type"))) {
                    routes.add(new Route((String) eventProperties.get("Method"), (String) eventProperties.get("Path"), id));
                }
                if ("DynamoDB".equals(map(event).get("Type"))) {
                    streamMappings.add(streamMapping(id, eventProperties, names));
                }
            });
        });
        return new SamTemplate(Map.copyOf(functions), List.copyOf(routes), List.copyOf(streamMappings),
                Map.copyOf(asyncOnFailureQueues), List.copyOf(schedules));
    }

    private static StreamMapping streamMapping(String functionId, Map<String, Object> properties, LocalNames names) {
        List<String> filters = new ArrayList<>();
        for (Object filter : list(map(properties.get("FilterCriteria")).get("Filters"))) {
            filters.add((String) map(filter).get("Pattern"));
        }
        Object onFailure = map(map(properties.get("DestinationConfig")).get("OnFailure")).get("Destination");
        return new StreamMapping(functionId, number(properties, Map.of(), "BatchSize", 100),
                Boolean.TRUE.equals(properties.get("BisectBatchOnFunctionError")),
                number(properties, Map.of(), "MaximumRetryAttempts", -1),
                number(properties, Map.of(), "MaximumRecordAgeInSeconds", -1),
                list(properties.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                List.copyOf(filters), onFailure == null ? null : names.resolve(onFailure));
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static int number(Map<String, Object> properties, Map<String, Object> globals, String name, int absent) {
        Object value = properties.getOrDefault(name, globals.get(name));
        return value == null ? absent : ((Number) value).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** SnakeYAML's safe types, plus every {@code !Tag} of CloudFormation read as an {@link Intrinsic}. */
    private static final class CloudFormationTags extends SafeConstructor {
        CloudFormationTags() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    if (node instanceof ScalarNode scalar) {
                        return new Intrinsic(function, constructScalar(scalar));
                    }
                    if (node instanceof SequenceNode sequence) {
                        return new Intrinsic(function, constructSequence(sequence));
                    }
                    return new Intrinsic(function, constructMapping((MappingNode) node));
                }
            });
        }
    }
}
