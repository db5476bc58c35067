package dev.connecttasks.operation.port;

import java.util.List;

/**
 * One page of a listing, in the store's order (ascending id): its items, and the id the next page
 * starts after, or null when nothing follows. Paging by the last id is stable: an item created
 * between two pages is listed once or not at all, and every other item exactly once.
 */
public record ListPage<T>(List<T> items, String resumeAfter) {

    public ListPage {
        items = List.copyOf(items);
    }
}
