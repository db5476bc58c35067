package dev.connecttasks.operation.port;

import dev.connecttasks.contact.TaskTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The task templates of instances. */
public interface TaskTemplateStore {

    /** Why a template was not written. */
    enum Refusal {
        INSTANCE_MISSING,
        /** The instance already has {@code TaskTemplateRules.MAX_TEMPLATES_PER_INSTANCE} templates. */
        QUOTA_REACHED
    }

    /** A template and the revision it was read at, for a conditional replace. */
    record Versioned(TaskTemplate template, long revision) {
    }

    /** One page of an instance's templates, by id; {@code lastEvaluatedId} is where the next page starts after. */
    record Page(List<TaskTemplate.Summary> templates, String lastEvaluatedId) {
    }

    /**
     * Creates a template in an existing instance with room for one more, taking its ClientToken (for
     * {@link IdempotencyRecord#LIFETIME}) in the same write; a live earlier request holding the token wins.
     */
    Creation<Refusal> create(TaskTemplate template, IdempotencyRecord token, Instant now);

    Optional<Versioned> find(String instanceId, String templateId);

    /** Replaces the template, if it is still at {@code revision}; false when it changed or is gone. */
    boolean replace(TaskTemplate template, long revision);

    /** Deletes the template, freeing its place in the instance's quota; false when there was none. */
    boolean delete(String instanceId, String templateId);

    /**
     * Up to {@code limit} templates of the instance, in id order, after {@code afterId} (null: from the
     * start), those of {@code status} and {@code name} only when given. A page may hold fewer than the
     * limit and still have a next one.
     */
    Page list(String instanceId, String status, String name, String afterId, int limit);
}
