package dev.connecttasks.error;

/** The Amazon Connect error shapes this service answers with, and their HTTP status codes. */
public enum ErrorType {
    INVALID_REQUEST("InvalidRequestException", 400),
    INVALID_PARAMETER("InvalidParameterException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    CONTACT_FLOW_NOT_PUBLISHED("ContactFlowNotPublishedException", 404),
    INVALID_CONTACT_FLOW("InvalidContactFlowException", 400),
    PROPERTY_VALIDATION("PropertyValidationException", 400),
    DUPLICATE_RESOURCE("DuplicateResourceException", 409),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    THROTTLING("ThrottlingException", 429),
    LIMIT_EXCEEDED("LimitExceededException", 429),
    CONTACT_NOT_FOUND("ContactNotFoundException", 410),
    IDEMPOTENCY("IdempotencyException", 409),
    INTERNAL("InternalServiceException", 500);

    private final String shapeName;
    private final int status;

    ErrorType(String shapeName, int status) {
        this.shapeName = shapeName;
        this.status = status;
    }

    public String shapeName() {
        return shapeName;
    }

    public int status() {
        return status;
    }
}
