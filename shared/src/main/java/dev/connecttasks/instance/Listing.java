package dev.connecttasks.instance;

import java.util.List;

/** One page a List operation answers: its items, and the NextToken of the page after it (null: none). */
public record Listing<T>(List<T> items, String nextToken) {

    public Listing {
        items = List.copyOf(items);
    }
}
