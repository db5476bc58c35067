package dev.connecttasks.eventbus;

import dev.connecttasks.contact.Arns;
import dev.connecttasks.event.ContactEvent;
import dev.connecttasks.event.ContactEventJson;
import dev.connecttasks.json.Json;
import dev.connecttasks.operation.port.ContactEventBus;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@link ContactEventBus} on an EventBridge bus: PutEvents with at most {@value #MAX_ENTRIES} entries
 * per call (EventBridge's limit), each with the configured source and Connect's detail-type.
 */
public final class EventBridgeBus implements ContactEventBus {
    static final int MAX_ENTRIES = 10;

    private final EventBridgeClient events;
    private final String busName;
    private final String source;
    private final Arns arns;

    public EventBridgeBus(EventBridgeClient events, String busName, String source, Arns arns) {
        this.events = events;
        this.busName = busName;
        this.source = source;
        this.arns = arns;
    }

    @Override
    public List<Integer> put(List<ContactEvent> contactEvents) {
        List<Integer> refused = new ArrayList<>();
        for (int from = 0; from < contactEvents.size(); from += MAX_ENTRIES) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (ContactEvent event : contactEvents.subList(from, Math.min(contactEvents.size(), from + MAX_ENTRIES))) {
                entries.add(entry(event));
            }
            List<PutEventsResultEntry> results = events.putEvents(put -> put.entries(entries)).entries();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    refused.add(from + i);
                }
            }
        }
        return refused;
    }

    PutEventsRequestEntry entry(ContactEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(source)
                .detailType(ContactEventJson.DETAIL_TYPE)
                .time(event.timestamp())
                .resources(ContactEventJson.resources(event, arns))
                .detail(Json.write(ContactEventJson.detail(event, arns)))
                .build();
    }
}
