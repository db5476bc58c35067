package dev.connecttasks.operation.port;

import dev.connecttasks.event.ContactEvent;
import java.util.List;

/** Where contact events are published. */
public interface ContactEventBus {

    /**
     * Puts the events; returns the positions (in {@code events}) of those the bus did not accept, to be
     * put again. A failure of the whole call throws.
     */
    List<Integer> put(List<ContactEvent> events);
}
