package io.tasklog.projections.taskview;

/** A list cursor that was tampered with or belongs to a different sort. */
public class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
