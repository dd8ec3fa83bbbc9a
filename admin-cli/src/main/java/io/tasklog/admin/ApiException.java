package io.tasklog.admin;

/**
 * A call to Tasklog that did not succeed: an RFC 7807 problem answer (status &gt; 0) or no answer at all
 * (status 0). The message is what the user reads after {@code error: }; the hint, if any, says what to do.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String hint;

    ApiException(int status, String message, String hint) {
        super(message);
        this.status = status;
        this.hint = hint;
    }

    int status() {
        return status;
    }

    String hint() {
        return hint;
    }

    ApiException withHint(String otherHint) {
        return new ApiException(status, getMessage(), otherHint);
    }
}
