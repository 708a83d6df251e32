package dev.bazaar.shared;

/** A message about one field of a request, shown beside that field. */
public record FieldMessage(String field, String message) {
}
