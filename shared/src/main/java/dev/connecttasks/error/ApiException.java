package dev.connecttasks.error;

import java.util.List;

/** A failure that reaches the caller as one of the Connect error shapes, with a message naming the cause. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorType type;
    private final List<String> problems;
    private final List<PropertyProblem> propertyList;

    public ApiException(ErrorType type, String message) {
        this(type, message, List.of(), List.of());
    }

    private ApiException(ErrorType type, String message, List<String> problems, List<PropertyProblem> propertyList) {
        super(message, null, false, false);
        this.type = type;
        this.problems = problems;
        this.propertyList = propertyList;
    }

    public ErrorType type() {
        return type;
    }

    /** The {@code problems} of an InvalidContactFlowException; empty for every other error. */
    public List<String> problems() {
        return problems;
    }

    /** The {@code PropertyList} of a PropertyValidationException; empty for every other error. */
    public List<PropertyProblem> propertyList() {
        return propertyList;
    }

    public static ApiException invalidContactFlow(List<String> problems) {
        return new ApiException(ErrorType.INVALID_CONTACT_FLOW, "The flow is not valid.", List.copyOf(problems), List.of());
    }

    /**
     * Every problem found in one request, in one PropertyValidationException: its Message says how many
     * and what to fix; its PropertyList holds one entry per problem.
     */
    public static ApiException propertyValidation(List<PropertyProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PropertyValidationException needs at least one problem");
        }
        StringBuilder message = new StringBuilder(problems.size() == 1 ? "1 property is not valid: "
                : problems.size() + " properties are not valid: ");
        for (int i = 0; i < problems.size(); i++) {
            message.append(i == 0 ? "" : " ").append(problems.get(i).propertyPath()).append(": ")
                    .append(problems.get(i).message());
        }
        return new ApiException(ErrorType.PROPERTY_VALIDATION, message.toString(), List.of(), List.copyOf(problems));
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
