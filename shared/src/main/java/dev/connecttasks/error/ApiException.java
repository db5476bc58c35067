package dev.connecttasks.error;

/** A failure that reaches the caller as one of the Connect error shapes, with a message naming the cause. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;

    public ApiException(ErrorType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public ErrorType type() {
        return type;
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
