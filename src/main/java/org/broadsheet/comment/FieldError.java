package org.broadsheet.comment;

/**
 * A problem with one form field, shown in the error summary (linked to the field) and next to the field.
 *
 * @param field the form field's id, e.g. {@code comment}
 */
public record FieldError(String field, String message) {
}
