package io.tasklog.admin;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns an error answer (RFC 7807 problem JSON, or anything else) into the line an operator reads. */
final class Problems {

    static final String ADMIN_EMAILS_HINT = "admin calls need an account whose email is listed in the server's "
            + "TASKLOG_SECURITY_ADMIN_EMAILS (tasklog.security.admin-emails, comma-separated)";

    private Problems() {
    }

    static ApiException of(int status, String body) {
        JsonNode problem = Json.parse(body);
        String title = Json.text(problem, "title");
        String detail = Json.text(problem, "detail");
        if (title == null) {
            title = "HTTP " + status;
            if (detail == null && body != null && !body.isBlank() && !problem.isObject()) {
                detail = abbreviate(body.strip(), 200);
            }
        }
        String message = detail == null || detail.isBlank() ? title : title + ": " + detail;
        return new ApiException(status, message, hint(status));
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> "the token is missing, wrong or expired: pass --token (TASKLOG_TOKEN) or log in with "
                    + "--email/--password (TASKLOG_EMAIL/TASKLOG_PASSWORD); " + ADMIN_EMAILS_HINT;
            case 403 -> "this account is not an admin: " + ADMIN_EMAILS_HINT + "; log in again after adding it";
            default -> null;
        };
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
