package dev.connecttasks.operation.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connecttasks.contact.TaskTemplate;
import dev.connecttasks.contact.TaskTemplateRules;
import dev.connecttasks.instance.Instance;
import dev.connecttasks.instance.Queue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskTemplateStore} must do, run against the DynamoDB adapter on the emulator
 * ({@code TaskTemplateTableIT}) and the in-memory one the operation tests use ({@code MemoryTemplatesTest}).
 */
public abstract class TaskTemplatePortsContract {
    /** The instance store and the template store over the same data. */
    public record Stores(InstanceStore instances, TaskTemplateStore templates) {
    }

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Stores stores = stores();
    private final TaskTemplateStore templates = stores.templates();

    protected abstract Stores stores();

    private String newInstance() {
        Instance instance = new Instance(UUID.randomUUID().toString(), "CONNECT_MANAGED", null, null, true, false, Map.of(), now);
        stores.instances().create(instance, Queue.basic(instance.id(), "basic-" + instance.id(), "hours", now), null, now);
        return instance.id();
    }

    private TaskTemplate template(String instanceId, String name, String status) {
        return new TaskTemplate(instanceId, UUID.randomUUID().toString(), name, "d", "flow-1",
                List.of(new TaskTemplate.Field("Title", null, "NAME", null),
                        new TaskTemplate.Field("Choice", "pick", "SINGLE_SELECT", List.of("a", "b"))),
                new TaskTemplate.Constraints(List.of("Title"), List.of(), List.of("Choice")),
                List.of(new TaskTemplate.Default("Choice", "b")), status, now, now);
    }

    @Test
    void aTemplateReadsBackWholeAtItsFirstRevision() {
        String instance = newInstance();
        TaskTemplate template = template(instance, "Whole", TaskTemplate.ACTIVE);
        assertEquals(Creation.created(), templates.create(template, null, now));
        assertEquals(Optional.of(new TaskTemplateStore.Versioned(template, 1)), templates.find(instance, template.id()));
        assertEquals(Optional.empty(), templates.find(newInstance(), template.id()));
        assertEquals(Optional.empty(), templates.find(instance, "missing"));
    }

    @Test
    void anInstanceHoldsAtMostFiftyTemplatesAndADeleteGivesAPlaceBack() {
        String instance = newInstance();
        List<TaskTemplate> created = new ArrayList<>();
        for (int i = 0; i < TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE; i++) {
            TaskTemplate template = template(instance, "T" + i, TaskTemplate.ACTIVE);
            assertEquals(Creation.created(), templates.create(template, null, now));
            created.add(template);
        }
        TaskTemplate oneMore = template(instance, "Over", TaskTemplate.ACTIVE);
        assertEquals(Creation.refused(TaskTemplateStore.Refusal.QUOTA_REACHED), templates.create(oneMore, null, now));
        assertEquals(Optional.empty(), templates.find(instance, oneMore.id()));
        assertTrue(templates.delete(instance, created.get(0).id()));
        assertEquals(Creation.created(), templates.create(oneMore, null, now));
    }

    @Test
    void concurrentCreatesNeverPassTheQuota() throws Exception {
        String instance = newInstance();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Creation<TaskTemplateStore.Refusal>>> outcomes = new ArrayList<>();
            for (int i = 0; i < TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE + 10; i++) {
                TaskTemplate template = template(instance, "Race " + i, TaskTemplate.ACTIVE);
                outcomes.add(pool.submit(() -> templates.create(template, null, now)));
            }
            int created = 0;
            for (Future<Creation<TaskTemplateStore.Refusal>> outcome : outcomes) {
                created += outcome.get().equals(Creation.created()) ? 1 : 0;
            }
            assertEquals(TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE, created);
            assertEquals(TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE, templates.list(instance, null, null, null, 100).templates().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTemplateNeedsAnExistingInstance() {
        TaskTemplate template = template("no-such-instance-" + UUID.randomUUID(), "Lost", TaskTemplate.ACTIVE);
        assertEquals(Creation.refused(TaskTemplateStore.Refusal.INSTANCE_MISSING), templates.create(template, null, now));
        assertEquals(Optional.empty(), templates.find(template.instanceId(), template.id()));
    }

    @Test
    void aTokenIsHeldForItsLifetimeWithTheFirstRequestsHash() {
        String instance = newInstance();
        String token = "token-" + UUID.randomUUID();
        TaskTemplate first = template(instance, "First", TaskTemplate.ACTIVE);
        assertEquals(Creation.created(), templates.create(first, new IdempotencyRecord(token, "h1", first.id()), now));
        TaskTemplate second = template(instance, "Second", TaskTemplate.ACTIVE);
        assertEquals(new Creation.TokenHeld<>(new IdempotencyRecord(token, "h1", first.id())),
                templates.create(second, new IdempotencyRecord(token, "h2", second.id()), now));
        assertEquals(Optional.empty(), templates.find(instance, second.id()));
        assertEquals(Creation.created(), templates.create(second, new IdempotencyRecord(token, "h2", second.id()),
                now.plus(IdempotencyRecord.LIFETIME)));
    }

    @Test
    void aReplaceWinsOnlyAtTheRevisionItRead() {
        String instance = newInstance();
        TaskTemplate template = template(instance, "Before", TaskTemplate.ACTIVE);
        templates.create(template, null, now);
        TaskTemplate renamed = new TaskTemplate(instance, template.id(), "After", null, null, template.fields(),
                template.constraints(), List.of(), TaskTemplate.INACTIVE, template.createdAt(), now.plusSeconds(1));
        assertTrue(templates.replace(renamed, 1));
        assertEquals(Optional.of(new TaskTemplateStore.Versioned(renamed, 2)), templates.find(instance, template.id()));
        assertFalse(templates.replace(template, 1));
        assertEquals("After", templates.find(instance, template.id()).orElseThrow().template().name());
        assertFalse(templates.replace(template(instance, "Never created", TaskTemplate.ACTIVE), 1));
    }

    @Test
    void aDeleteRemovesTheTemplateOnce() {
        String instance = newInstance();
        TaskTemplate template = template(instance, "Gone", TaskTemplate.ACTIVE);
        templates.create(template, null, now);
        assertFalse(templates.delete(newInstance(), template.id()));
        assertTrue(templates.delete(instance, template.id()));
        assertEquals(Optional.empty(), templates.find(instance, template.id()));
        assertFalse(templates.delete(instance, template.id()));
    }

    @Test
    void pagesWalkTheInstancesTemplatesInIdOrderEachOnceAndFilter() {
        String instance = newInstance();
        String other = newInstance();
        templates.create(template(other, "Elsewhere", TaskTemplate.ACTIVE), null, now);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TaskTemplate template = template(instance, i % 2 == 0 ? "Even" : "Odd", i < 5 ? TaskTemplate.ACTIVE : TaskTemplate.INACTIVE);
            templates.create(template, null, now);
            ids.add(template.id());
        }
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            TaskTemplateStore.Page page = templates.list(instance, null, null, after, 3);
            page.templates().forEach(summary -> walked.add(summary.id()));
            after = page.lastEvaluatedId();
            pages++;
        } while (after != null && pages < 10);
        assertEquals(ids.stream().sorted().toList(), walked);
        TaskTemplateStore.Page inactive = templates.list(instance, TaskTemplate.INACTIVE, null, null, 100);
        assertEquals(2, inactive.templates().size());
        assertNull(inactive.lastEvaluatedId());
        assertTrue(inactive.templates().stream().allMatch(summary -> summary.status().equals(TaskTemplate.INACTIVE)));
        List<TaskTemplate.Summary> evenActive = templates.list(instance, TaskTemplate.ACTIVE, "Even", null, 100).templates();
        assertEquals(3, evenActive.size());
        assertEquals("d", evenActive.get(0).description());
        assertEquals(now, evenActive.get(0).createdAt());
    }
}
