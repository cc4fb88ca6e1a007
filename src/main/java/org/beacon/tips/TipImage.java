package org.beacon.tips;

/** Image bytes with their type and SHA-256 (hex). */
public record TipImage(String contentType, byte[] bytes, String sha256) {
}
