package dev.connecttasks.instance;

import java.util.Set;

/**
 * A List operation's query: the instance (null for ListInstances), the type filter (empty: every type),
 * the {@code nextToken} of the previous page (null: the first page) and {@code maxResults} (null: the
 * operation's default).
 */
public record ListRequest(String instanceId, Set<String> types, String nextToken, Integer maxResults) {

    public ListRequest {
        types = types == null ? Set.of() : Set.copyOf(types);
    }
}
