package dev.connecttasks.error;

import java.util.List;

/** A failure that reaches the caller as one of the Connect error shapes, with a message naming the cause. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final List<String> problems;

    public ApiException(ErrorType type, String message) {
        this(type, message, List.of());
    }

    private ApiException(ErrorType type, String message, List<String> problems) {
        super(message, null, false, false);
        this.type = type;
        this.problems = problems;
    }

    public ErrorType type() {
        return type;
    }

    /** The {@code problems} of an InvalidContactFlowException; empty for every other error. */
    public List<String> problems() {
        return problems;
    }

    public static ApiException invalidContactFlow(List<String> problems) {
        return new ApiException(ErrorType.INVALID_CONTACT_FLOW, "The flow is not valid.", List.copyOf(problems));
    }

    public static ApiException invalidRequest(String message) {
        return new ApiException(ErrorType.INVALID_REQUEST, message);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(ErrorType.INVALID_PARAMETER, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorType.RESOURCE_NOT_FOUND, message);
    }

    public static ApiException quotaExceeded(String message) {
        return new ApiException(ErrorType.SERVICE_QUOTA_EXCEEDED, message);
    }

    public static ApiException throttled(String message) {
        return new ApiException(ErrorType.THROTTLING, message);
    }
}
