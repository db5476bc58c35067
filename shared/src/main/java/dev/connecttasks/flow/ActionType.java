package dev.connecttasks.flow;

import java.util.Set;

/** The flow-language actions this service runs, and the error types each may branch on. */
enum ActionType {
    UpdateContactAttributes(Set.of("NoMatchingError")),
    UpdateContactTargetQueue(Set.of("NoMatchingError")),
    TransferContactToQueue(Set.of("QueueAtCapacity", "NoMatchingError")),
    Compare(Set.of("NoMatchingCondition", "NoMatchingError")),
    TransferToFlow(Set.of("NoMatchingError")),
    DisconnectParticipant(Set.of()),
    EndFlowExecution(Set.of());

    private final Set<String> errorTypes;

    ActionType(Set<String> errorTypes) {
        this.errorTypes = errorTypes;
    }

    Set<String> errorTypes() {
        return errorTypes;
    }

    static ActionType fromName(String name) {
        for (ActionType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
