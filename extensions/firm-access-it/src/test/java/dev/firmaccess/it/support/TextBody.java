package dev.firmaccess.it.support;

/** A request body that is not JSON, such as a CSV upload, with its media type. */
public record TextBody(String contentType, String text) {
}
